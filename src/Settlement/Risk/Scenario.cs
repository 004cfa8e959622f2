// SPDX-License-Identifier: MIT
namespace ZkOptions.Settlement.Risk;

/// <summary>
/// One risk scenario: the underlying moves by <paramref name="SpotMove"/> (−0.05 = −5 %; the forward moves by the same
/// factor), every option's implied vol is multiplied by the shock factor in <paramref name="VolShock"/>'s direction,
/// and the loss is counted at <paramref name="Weight"/> (SPAN's "fraction considered"; 1 for regular scenarios).
/// </summary>
/// <param name="SpotMove">Relative spot move, &gt; −1.</param>
/// <param name="VolShock">Vol up, down, or unchanged.</param>
/// <param name="Weight">Fraction of the loss counted, in (0, 1].</param>
public sealed record Scenario(double SpotMove, VolShockDirection VolShock, double Weight = 1)
{
    /// <summary>For people: "−5% vol up ×1".</summary>
    public override string ToString() =>
        FormattableString.Invariant($"{SpotMove * 100:+0.##;-0.##;0}% vol {VolShock.ToString().ToLowerInvariant()} ×{Weight:0.##}");
}
