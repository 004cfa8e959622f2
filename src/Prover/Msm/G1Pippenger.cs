// SPDX-License-Identifier: MIT
using ZkOptions.Field;

namespace ZkOptions.Prover.Msm;

/// <summary>
/// Pippenger's bucket method for G1 with signed-digit windows and batch-affine bucket accumulation and
/// reduction (<see cref="G1BatchAffineWindow"/>); windows too small to amortise an inversion per batch use
/// Jacobian buckets (<see cref="JacobianBucketWindow{TCurve, TAffine, TJacobian}"/>).
/// </summary>
internal static class G1Pippenger
{
    /// <summary>Largest batch: larger ones gain little on the inversion and conflict more often.</summary>
    private const int MaxBatch = 2048;

    /// <summary>
    /// Largest batch on the 8-lane kernels: an addition there costs a third as much, so the scalar inversion per
    /// batch weighs three times more and larger batches pay (2^18 points on one thread: −3 %, with 512 reduction
    /// segments −12 %).
    /// </summary>
    private const int MaxVectorBatch = 4096;

    /// <summary>Reduction chains on the 8-lane kernels, for the same reason (see <see cref="MaxVectorBatch"/>).</summary>
    private const int VectorReductionSegments = 512;

    /// <summary>Σ scalars[i]·points[i] over the first scalars.Length points.</summary>
    public static G1Jacobian MultiScalarMul(ReadOnlyMemory<G1Affine> points, ReadOnlyMemory<Fr> scalars, MsmSettings settings)
    {
        if (scalars.Length > points.Length)
        {
            throw new ArgumentException($"{scalars.Length} scalars but only {points.Length} points.", nameof(scalars));
        }
        int n = scalars.Length;
        points = points[..n];
        if (n == 0)
        {
            return G1Jacobian.Infinity;
        }
        if (n < settings.StrausThreshold)
        {
            return G1Jacobian.MultiScalarMul(points.Span, scalars.Span);
        }
        int threads = settings.Threads;
        int c = settings.WindowBits > 0 ? settings.WindowBits : MsmWindowSize.For(n);
        SignedDigits digits = SignedDigits.Create(scalars, c, threads);
        int bucketCount = digits.BucketCount;
        bool vectorised = settings.VectorisedField && Engines.Cpu.FqVectorField.IsSupported;
        int maxBatch = settings.BatchSize > 0 ? settings.BatchSize : vectorised ? MaxVectorBatch : MaxBatch;
        int segments = settings.ReductionSegments > 0 ? settings.ReductionSegments
            : vectorised ? VectorReductionSegments : G1BatchAffineReduction.DefaultSegments;
        return BucketMsm<G1MsmCurve, G1Affine, G1Jacobian>.Run(
            digits,
            threads,
            settings.MinPointsPerTask,
            () => new Workspace(bucketCount, BatchSizeFor(bucketCount, maxBatch, settings.BucketsPerBatchSlot), segments, vectorised),
            (workspace, window, start, end) =>
            {
                int buckets = digits.MaxAbsDigit(window);
                bool affine = settings.G1Buckets switch
                {
                    G1BucketMode.Jacobian => false,
                    G1BucketMode.BatchAffine => true,
                    _ => buckets >= settings.AffineMinBuckets && end - start >= settings.AffineMinPoints,
                };
                return affine
                    ? workspace.Affine.Sum(points, digits, window, start, end, buckets, BatchSizeFor(buckets, maxBatch, settings.BucketsPerBatchSlot))
                    : JacobianBucketWindow<G1MsmCurve, G1Affine, G1Jacobian>.Sum(
                        points.Span, digits, window, start, end, buckets, workspace.JacobianBuckets);
            });
    }

    /// <summary>A batch of a fraction of the buckets keeps conflicts (a bucket hit twice in one batch) rare.</summary>
    private static int BatchSizeFor(int buckets, int maxBatch, int bucketsPerSlot) =>
        Math.Clamp(buckets / Math.Max(1, bucketsPerSlot), 1, maxBatch);

    /// <summary>Per-thread scratch space, created on first use of each kind.</summary>
    private sealed class Workspace(int bucketCount, int batchCapacity, int reductionSegments, bool vectorised)
    {
        private G1BatchAffineWindow? _affine;
        private G1Jacobian[]? _jacobian;

        public G1BatchAffineWindow Affine => _affine ??= new G1BatchAffineWindow(bucketCount, batchCapacity, vectorised)
        {
            Reduction = { Segments = reductionSegments },
        };

        public G1Jacobian[] JacobianBuckets => _jacobian ??= new G1Jacobian[bucketCount];
    }
}
