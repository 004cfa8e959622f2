// SPDX-License-Identifier: MIT
using ZkOptions.Constraints.V2.Gates;
using ZkOptions.Field;

namespace ZkOptions.Constraints.V2;

/// <summary>
/// The gate part of the quotient's numerator at one point, Σ_g q_g·Σⱼ sʲ·r_(g,j), for the gates a circuit uses. It equals
/// combining each gate's <see cref="IWideGate.Residuals"/> (a test checks this on random rows for every gate), with
/// less work where gates share structure: the Poseidon round gates of every width read the same S-box layer, computed
/// once per point, and each width's MDS mix is folded with the separator powers into t weights
/// (<see cref="PoseidonRoundGate.MixWeights"/>). Any other gate goes through its residuals, so a new gate needs no
/// change here.
/// </summary>
public sealed class GateSum
{
    private readonly IReadOnlyList<IWideGate> gates = WideGates.All;
    private readonly bool[] generic;
    private readonly Fr[] separatorPowers;
    private readonly Fr[]?[] mixWeights;
    private readonly int[] poseidonGate;
    private readonly int poseidonWidth;

    /// <param name="used">For each gate of <see cref="WideGates.All"/>, whether any row switches it on.</param>
    /// <param name="separator">The gate separator challenge s.</param>
    public GateSum(IReadOnlyList<bool> used, Fr separator)
    {
        separatorPowers = new Fr[Math.Max(1, WideGates.MaxResiduals)];
        separatorPowers[0] = Fr.One;
        for (int j = 1; j < separatorPowers.Length; j++)
        {
            separatorPowers[j] = separatorPowers[j - 1] * separator;
        }
        generic = new bool[gates.Count];
        mixWeights = new Fr[]?[WideLayout.Width + 1];
        poseidonGate = new int[WideLayout.Width + 1];
        for (int g = 0; g < gates.Count; g++)
        {
            if (!used[g])
            {
                continue;
            }
            if (gates[g] is PoseidonRoundGate round)
            {
                mixWeights[round.Width] = round.MixWeights(separatorPowers);
                poseidonGate[round.Width] = g;
                poseidonWidth = Math.Max(poseidonWidth, round.Width);
            }
            else
            {
                generic[g] = true;
            }
        }
    }

    /// <summary>Σ_g q_g·Σⱼ sʲ·r_(g,j) on <paramref name="row"/>, with <paramref name="selectors"/>[g] the value of q_g there.</summary>
    public Fr Evaluate(in RowValues<Fr> row, ReadOnlySpan<Fr> selectors)
    {
        Fr sum = Fr.Zero;
        if (poseidonWidth > 0)
        {
            Span<Fr> y = stackalloc Fr[poseidonWidth];
            PoseidonRoundGate.SboxLayer(row.Cells, row.Coefficients, y);
            // Σ_(i<t) sⁱ·nextᵢ grows with t: one running sum serves every width.
            Fr nextSum = row.Next[0];
            for (int width = 2; width <= poseidonWidth; width++)
            {
                nextSum += separatorPowers[width - 1] * row.Next[width - 1];
                if (mixWeights[width] is not { } weights)
                {
                    continue;
                }
                Fr combined = nextSum;
                for (int j = 0; j < width; j++)
                {
                    combined -= weights[j] * y[j];
                }
                sum += selectors[poseidonGate[width]] * combined;
            }
        }
        Span<Fr> residuals = stackalloc Fr[WideGates.MaxResiduals];
        for (int g = 0; g < gates.Count; g++)
        {
            if (!generic[g])
            {
                continue;
            }
            var output = residuals[..gates[g].ResidualCount];
            gates[g].Residuals(row, output);
            Fr combined = output[0];
            for (int j = 1; j < output.Length; j++)
            {
                combined += separatorPowers[j] * output[j];
            }
            sum += selectors[g] * combined;
        }
        return sum;
    }
}
