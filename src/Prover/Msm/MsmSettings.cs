// SPDX-License-Identifier: MIT
namespace ZkOptions.Prover.Msm;

/// <summary>How G1 windows accumulate their buckets.</summary>
internal enum G1BucketMode
{
    /// <summary>Batch-affine where the window has enough points and buckets, Jacobian elsewhere.</summary>
    Auto,

    /// <summary>Always Jacobian buckets with mixed additions.</summary>
    Jacobian,

    /// <summary>Always batch-affine buckets, however small the window (tests use it to reach the special cases).</summary>
    BatchAffine,
}

/// <summary>
/// Knobs of the bucket method. The defaults are what the engine uses; tests and benchmarks override them to
/// reach every path (each window size, each accumulation mode, tiny batches that force conflicts).
/// </summary>
internal sealed record MsmSettings
{
    /// <summary>Default settings with all cores.</summary>
    public static MsmSettings Default { get; } = new();

    /// <summary>Worker threads; 0 or less means <see cref="Environment.ProcessorCount"/>.</summary>
    public int MaxThreads { get; init; }

    /// <summary>Window width c; 0 chooses it from the input size (<see cref="MsmWindowSize"/>).</summary>
    public int WindowBits { get; init; }

    /// <summary>G1 bucket accumulation.</summary>
    public G1BucketMode G1Buckets { get; init; } = G1BucketMode.Auto;

    /// <summary>In <see cref="G1BucketMode.Auto"/>, batch-affine needs at least this many buckets in a window…</summary>
    public int AffineMinBuckets { get; init; } = 256;

    /// <summary>…and this many points in a task (a batch must fill many times over to amortise its inversion).</summary>
    public int AffineMinPoints { get; init; } = 1 << 12;

    /// <summary>
    /// Flush G1 batch-affine batches on the 8-lane Fq kernels where the CPU has AVX-512F (same results; false
    /// forces the scalar flush, for tests and benchmarks).
    /// </summary>
    public bool VectorisedField { get; init; } = true;

    /// <summary>Most additions per batch-affine batch; 0 chooses it from the bucket count.</summary>
    public int BatchSize { get; init; }

    /// <summary>Batch size as a fraction of the window's buckets: a batch holds buckets / this many additions.</summary>
    public int BucketsPerBatchSlot { get; init; } = 4;

    /// <summary>
    /// Independent chains of the batch-affine bucket reduction (1: plain Jacobian running sum); 0 chooses
    /// <see cref="G1BatchAffineReduction.DefaultSegments"/>, or more on the 8-lane Fq kernels.
    /// </summary>
    public int ReductionSegments { get; init; }

    /// <summary>
    /// With more threads than windows, windows are split into point ranges of at least this many points (each
    /// range pays its own bucket reduction).
    /// </summary>
    public int MinPointsPerTask { get; init; } = 1 << 14;

    /// <summary>Below this many terms the Straus method of the curve code is used instead of buckets.</summary>
    public int StrausThreshold { get; init; } = 32;

    /// <summary>The thread count to use.</summary>
    public int Threads => MaxThreads > 0 ? MaxThreads : Environment.ProcessorCount;
}
