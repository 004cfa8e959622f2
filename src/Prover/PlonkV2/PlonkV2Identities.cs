// SPDX-License-Identifier: MIT
using ZkOptions.Constraints.V2;
using ZkOptions.Field;

namespace ZkOptions.Prover.PlonkV2;

/// <summary>
/// N(ζ), the quotient's numerator at ζ from the opened evaluations, written once over <see cref="IFieldArithmetic{T}"/>
/// for the C# verifier (Fr) and the Solidity generator (symbols):
/// Σ_g q_g·Σ_j s^j·r_(g,j) − Σᵢ xᵢ·Lᵢ + α·(permutation) + α²·L₀·(z − 1) + α³·(running sum) + α⁴·L_(n−1)·(w0 − 1)
/// + α⁵·(lanes).
/// The Lagrange values come in already computed, since the two readers invert differently (one batch inversion each).
/// </summary>
internal static class PlonkV2Identities
{
    /// <summary>The challenges the identities combine with.</summary>
    public readonly record struct Challenges<T>(T Beta, T Gamma, T Theta, T BetaLookup, T Alpha, T Separator, T Zeta);

    /// <summary>
    /// N(ζ). <paramref name="publicSum"/> is Σᵢ xᵢ·Lᵢ(ζ); <paramref name="firstLagrange"/> L₀(ζ) and
    /// <paramref name="lastLagrange"/> L_(n−1)(ζ). A gate whose selector value is certainly zero is skipped.
    /// </summary>
    public static T Numerator<T>(PlonkV2OpenedValues<T> e, ReadOnlySpan<T> shifts, in Challenges<T> c, T publicSum, T firstLagrange,
                                 T lastLagrange) where T : IFieldArithmetic<T>
    {
        var gates = WideGates.All;
        var row = new RowValues<T>(e.WiresAtZeta, e.WiresAtZetaOmega, e.CoefficientsAtZeta);
        var residuals = new T[WideGates.MaxResiduals];
        T sum = T.Constant(Fr.Zero) - publicSum;
        for (int g = 0; g < gates.Count; g++)
        {
            if (e.SelectorsAtZeta[g].IsZero)
            {
                continue;
            }
            var output = residuals.AsSpan(0, gates[g].ResidualCount);
            gates[g].Residuals(row, output);
            T combined = output[0], power = T.One;
            for (int j = 1; j < output.Length; j++)
            {
                power = j == 1 ? c.Separator : power * c.Separator;
                combined += power * output[j];
            }
            sum += e.SelectorsAtZeta[g] * combined;
        }
        T identity = e.ZAtZeta, permuted = e.ZAtZetaOmega;
        T betaZeta = c.Beta * c.Zeta;
        for (int col = 0; col < WideLayout.Width; col++)
        {
            identity *= e.WiresAtZeta[col] + betaZeta * shifts[col] + c.Gamma;
            permuted *= e.WiresAtZeta[col] + c.Beta * e.SigmasAtZeta[col] + c.Gamma;
        }
        T alpha2 = c.Alpha * c.Alpha;
        T numerator = sum + c.Alpha * (identity - permuted) + alpha2 * firstLagrange * (e.ZAtZeta - T.One)
                      + alpha2 * alpha2 * lastLagrange * (e.WiresAtZeta[0] - T.One);
        if (e.HasLookups)
        {
            T theta2 = c.Theta * c.Theta, theta3 = theta2 * c.Theta;
            var w = e.WiresAtZeta;
            T f = LookupCompression.Input(c.BetaLookup, c.Theta, theta2, theta3, w[0], w[1], w[2], e.LookupColumnsAtZeta);
            T t = LookupCompression.Entry(c.BetaLookup, c.Theta, theta2, theta3, e.LookupColumnsAtZeta);
            var laneBuffer = new CellBuffer<T>();
            Span<T> lanes = ((Span<T>)laneBuffer)[..WideLayout.LaneCount];
            for (int lane = 0; lane < lanes.Length; lane++)
            {
                lanes[lane] = LookupCompression.Lane(c.BetaLookup, theta3, w[lane], e.LookupColumnsAtZeta);
            }
            T alpha3 = alpha2 * c.Alpha;
            numerator += alpha3 * LookupCompression.Constraint(e.HelperAtZeta, e.HelperAtZetaOmega, e.LaneHelperAtZeta, e.MultiplicitiesAtZeta,
                             f, t, e.LookupColumnsAtZeta)
                         + alpha3 * alpha2 * LookupCompression.LaneConstraint(e.LaneHelperAtZeta, lanes, e.LookupColumnsAtZeta);
        }
        return numerator;
    }
}
