// SPDX-License-Identifier: MIT
using ZkOptions.Field;

namespace ZkOptions.Prover.PlonkV2;

/// <summary>
/// The logUp part of a PLONK v2 proof (present iff the key declares tables): the multiplicity column m (round 1),
/// the running-sum helper φ and the lane helper h (round 2), and their evaluations with those of the fixed lookup
/// columns.
/// </summary>
public sealed class PlonkV2LookupProof
{
    /// <summary>The number of fixed lookup columns (<see cref="LookupColumns"/>).</summary>
    public const int ColumnCount = (int)LookupColumns.LaneSelector + 1;

    /// <summary>[m]: how many lookups hit each table entry.</summary>
    public required G1Affine Multiplicities { get; init; }

    /// <summary>[φ]: φ(ω^(i+1)) − φ(ω^i) = h_i + qL_i/(βL + f_i) − m_i/(βL + t_i).</summary>
    public required G1Affine Helper { get; init; }

    /// <summary>[h]: h_i = qR_i·Σ_j 1/(βL + g_(i,j)), the row's lanes' share of the running sum.</summary>
    public required G1Affine LaneHelper { get; init; }

    /// <summary>m(ζ).</summary>
    public required Fr MultiplicitiesAtZeta { get; init; }

    /// <summary>φ(ζ).</summary>
    public required Fr HelperAtZeta { get; init; }

    /// <summary>φ(ζω).</summary>
    public required Fr HelperAtZetaOmega { get; init; }

    /// <summary>h(ζ) (h is read on its own row only, so it is not opened at ζω).</summary>
    public required Fr LaneHelperAtZeta { get; init; }

    /// <summary>The fixed lookup columns at ζ, in <see cref="LookupColumns"/> order.</summary>
    public required Fr[] ColumnsAtZeta { get; init; }
}
