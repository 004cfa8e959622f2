// SPDX-License-Identifier: MIT
using ZkOptions.Field;

namespace ZkOptions.Prover.Msm;

/// <summary>
/// A G1 point's (x, y) without the infinity flag: 64 bytes, one cache line. Batch-affine accumulators keep
/// emptiness in a separate state array, so their coordinates can be stored and updated in place.
/// </summary>
internal struct AffineCoordinates
{
    public Fq X;
    public Fq Y;

    public AffineCoordinates(in Fq x, in Fq y)
    {
        X = x;
        Y = y;
    }

    /// <summary>The point as a <see cref="G1Affine"/> (never infinity).</summary>
    public readonly G1Affine ToAffine() => new(X, Y);
}
