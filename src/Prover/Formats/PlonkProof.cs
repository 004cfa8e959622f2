// SPDX-License-Identifier: MIT
// TEMPORARY: replaced by the formats branch at merge.
using ZkOptions.Field;

namespace ZkOptions.Prover.Formats;

/// <summary>A snarkjs PLONK proof.</summary>
public sealed class PlonkProof
{
    public required G1Affine A { get; init; }
    public required G1Affine B { get; init; }
    public required G1Affine C { get; init; }
    public required G1Affine Z { get; init; }
    public required G1Affine T1 { get; init; }
    public required G1Affine T2 { get; init; }
    public required G1Affine T3 { get; init; }
    public required G1Affine Wxi { get; init; }
    public required G1Affine Wxiw { get; init; }
    public required Fr EvalA { get; init; }
    public required Fr EvalB { get; init; }
    public required Fr EvalC { get; init; }
    public required Fr EvalS1 { get; init; }
    public required Fr EvalS2 { get; init; }
    public required Fr EvalZw { get; init; }
}
