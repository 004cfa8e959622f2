// SPDX-License-Identifier: MIT
using ZkOptions.Field;

namespace ZkOptions.Prover.Formats;

/// <summary>The header of a PLONK .zkey (section 2): sizes, k1/k2 and the verifying-key commitments.</summary>
public sealed record PlonkZkeyHeader
{
    /// <summary>Witness wires plus internal addition wires.</summary>
    public required int NVars { get; init; }
    /// <summary>Public signals (outputs then public inputs), not counting the constant one.</summary>
    public required int NPublic { get; init; }
    /// <summary>n = 2^Power, the evaluation domain size.</summary>
    public required int DomainSize { get; init; }
    /// <summary>Internal addition wires (the last NAdditions of NVars).</summary>
    public required int NAdditions { get; init; }
    /// <summary>PLONK gates actually used (≤ DomainSize).</summary>
    public required int NConstraints { get; init; }
    /// <summary>Coset shift of the b column in the permutation (2).</summary>
    public required Fr K1 { get; init; }
    /// <summary>Coset shift of the c column (3).</summary>
    public required Fr K2 { get; init; }
    /// <summary>[qM(τ)]₁.</summary>
    public required G1Affine Qm { get; init; }
    /// <summary>[qL(τ)]₁.</summary>
    public required G1Affine Ql { get; init; }
    /// <summary>[qR(τ)]₁.</summary>
    public required G1Affine Qr { get; init; }
    /// <summary>[qO(τ)]₁.</summary>
    public required G1Affine Qo { get; init; }
    /// <summary>[qC(τ)]₁.</summary>
    public required G1Affine Qc { get; init; }
    /// <summary>[σ1(τ)]₁.</summary>
    public required G1Affine S1 { get; init; }
    /// <summary>[σ2(τ)]₁.</summary>
    public required G1Affine S2 { get; init; }
    /// <summary>[σ3(τ)]₁.</summary>
    public required G1Affine S3 { get; init; }
    /// <summary>[τ]₂ from the powers of tau.</summary>
    public required G2Affine X2 { get; init; }

    /// <summary>log2 of the domain size.</summary>
    public int Power => System.Numerics.BitOperations.Log2((uint)DomainSize);

    /// <summary>Witness values a .wtns for this key must hold (wires without the addition wires).</summary>
    public int NWitness => NVars - NAdditions;

    /// <summary>Number of Lagrange polynomials stored in section 13.</summary>
    public int NLagrange => Math.Max(NPublic, 1);
}
