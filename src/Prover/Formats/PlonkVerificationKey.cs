// SPDX-License-Identifier: MIT
// TEMPORARY: replaced by the formats branch at merge.
using ZkOptions.Field;

namespace ZkOptions.Prover.Formats;

/// <summary>A snarkjs PLONK verification key.</summary>
public sealed class PlonkVerificationKey
{
    public required int NPublic { get; init; }
    public required int Power { get; init; }
    public required Fr K1 { get; init; }
    public required Fr K2 { get; init; }
    public required G1Affine Qm { get; init; }
    public required G1Affine Ql { get; init; }
    public required G1Affine Qr { get; init; }
    public required G1Affine Qo { get; init; }
    public required G1Affine Qc { get; init; }
    public required G1Affine S1 { get; init; }
    public required G1Affine S2 { get; init; }
    public required G1Affine S3 { get; init; }
    public required G2Affine X2 { get; init; }
    public required Fr W { get; init; }
}
