// SPDX-License-Identifier: MIT
using System.Runtime.InteropServices;
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
/// <typeparam name="T"><see cref="Fr"/>, or several values at once (the prover's vector lanes).</typeparam>
public sealed class GateSum<T> where T : unmanaged, IFieldArithmetic<T>
{
    private readonly IReadOnlyList<IWideGate> gates = WideGates.All;
    private readonly bool[] generic;
    private readonly T[] separatorPowers;
    private readonly T[]?[] mixWeights;
    private readonly int[] poseidonGate;
    private readonly int poseidonWidth;

    /// <param name="used">For each gate of <see cref="WideGates.All"/>, whether any row switches it on.</param>
    /// <param name="separator">The gate separator challenge s.</param>
    public GateSum(IReadOnlyList<bool> used, Fr separator)
    {
        var powers = new Fr[Math.Max(1, WideGates.MaxResiduals)];
        powers[0] = Fr.One;
        for (int j = 1; j < powers.Length; j++)
        {
            powers[j] = powers[j - 1] * separator;
        }
        separatorPowers = [.. powers.Select(p => T.Constant(p))];
        generic = new bool[gates.Count];
        mixWeights = new T[]?[WideLayout.Width + 1];
        poseidonGate = new int[WideLayout.Width + 1];
        for (int g = 0; g < gates.Count; g++)
        {
            if (!used[g])
            {
                continue;
            }
            if (gates[g] is PoseidonRoundGate round)
            {
                mixWeights[round.Width] = [.. round.MixWeights(powers).Select(w => T.Constant(w))];
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
    public T Evaluate(in RowValues<T> row, ReadOnlySpan<T> selectors)
    {
        T sum = default;
        bool any = false;
        if (poseidonWidth > 0)
        {
            Span<T> y = stackalloc T[poseidonWidth];
            PoseidonRoundGate.SboxLayer(row.Cells, row.Coefficients, y);
            // Σ_(i<t) sⁱ·nextᵢ grows with t: one running sum serves every width.
            T nextSum = row.Next[0];
            for (int width = 2; width <= poseidonWidth; width++)
            {
                nextSum += separatorPowers[width - 1] * row.Next[width - 1];
                if (mixWeights[width] is not { } weights)
                {
                    continue;
                }
                T combined = nextSum;
                for (int j = 0; j < width; j++)
                {
                    combined -= weights[j] * y[j];
                }
                Add(ref sum, ref any, selectors[poseidonGate[width]] * combined);
            }
        }
        Span<T> residuals = stackalloc T[WideGates.MaxResiduals];
        for (int g = 0; g < gates.Count; g++)
        {
            if (!generic[g])
            {
                continue;
            }
            var output = residuals[..gates[g].ResidualCount];
            if (typeof(T) == typeof(Fr))
            {
                // The gate's Fr overload, called without generic virtual dispatch (the JIT drops the other branch).
                gates[g].Residuals(new RowValues<Fr>(MemoryMarshal.Cast<T, Fr>(row.Cells), MemoryMarshal.Cast<T, Fr>(row.Next),
                                                     MemoryMarshal.Cast<T, Fr>(row.Coefficients)), MemoryMarshal.Cast<T, Fr>(output));
            }
            else
            {
                gates[g].Residuals(row, output);
            }
            T combined = output[0];
            for (int j = 1; j < output.Length; j++)
            {
                combined += separatorPowers[j] * output[j];
            }
            Add(ref sum, ref any, selectors[g] * combined);
        }
        return any ? sum : T.Constant(Fr.Zero);
    }

    // T has no zero of its own (IFieldArithmetic names One and constants): the first term starts the sum.
    private static void Add(ref T sum, ref bool any, T term)
    {
        sum = any ? sum + term : term;
        any = true;
    }
}
