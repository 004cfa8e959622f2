// SPDX-License-Identifier: MIT
using System.Numerics;
using ILGPU;
using ILGPU.Runtime;

namespace ZkOptions.Prover.Engines.Gpu;

/// <summary>
/// Runs the bucket MSM of <see cref="MsmKernels"/> for one curve on one accelerator. The kernels are compiled
/// once, when the pipeline is built. Not thread-safe: the engine serialises calls.
/// </summary>
internal sealed class DeviceMsmPipeline<TCurve, TAffine, TJacobian>
    where TCurve : struct, IDeviceCurve<TAffine, TJacobian>
    where TAffine : unmanaged
    where TJacobian : unmanaged
{
    /// <summary>Scalars are canonical integers below r &lt; 2^254.</summary>
    private const int ScalarBits = 254;

    /// <summary>At most this many segments per window in the bucket reduction (one thread each).</summary>
    private const int MaxSegmentsPerWindow = 256;

    /// <summary>
    /// At least this many buckets per segment (when the window has them): each segment pays a small scalar
    /// multiplication of about 2·c group operations, worth it only over several buckets.
    /// </summary>
    private const int MinSegmentLength = 16;

    private readonly Accelerator _accelerator;
    private readonly Action<Index1D, ArrayView<Limbs256>> _toCanonical;
    private readonly Action<Index1D, ArrayView<Limbs256>, ArrayView<int>, int, int> _countDigits;
    private readonly Action<Index1D, ArrayView<Limbs256>, ArrayView<int>, ArrayView<int>, int, int> _scatterDigits;
    private readonly Action<Index1D, ArrayView<TAffine>, ArrayView<int>, ArrayView<int>, ArrayView<int>, ArrayView<TJacobian>> _accumulate;
    private readonly Action<Index1D, ArrayView<TJacobian>, ArrayView<TJacobian>, int, int, int> _reduceSegments;
    private readonly Action<Index1D, ArrayView<TJacobian>, ArrayView<TJacobian>, int> _sumWindows;
    private readonly Action<Index1D, ArrayView<TJacobian>, ArrayView<TJacobian>, int, int> _combineWindows;

    public DeviceMsmPipeline(Accelerator accelerator)
    {
        _accelerator = accelerator;
        _toCanonical = accelerator.LoadAutoGroupedStreamKernel<Index1D, ArrayView<Limbs256>>(MsmKernels.ToCanonical);
        _countDigits = accelerator.LoadAutoGroupedStreamKernel<Index1D, ArrayView<Limbs256>, ArrayView<int>, int, int>(
            MsmKernels.CountDigits);
        _scatterDigits = accelerator.LoadAutoGroupedStreamKernel<Index1D, ArrayView<Limbs256>, ArrayView<int>, ArrayView<int>, int, int>(
            MsmKernels.ScatterDigits);
        _accumulate = accelerator.LoadAutoGroupedStreamKernel<
            Index1D, ArrayView<TAffine>, ArrayView<int>, ArrayView<int>, ArrayView<int>, ArrayView<TJacobian>>(
            MsmKernels.AccumulateBuckets<TCurve, TAffine, TJacobian>);
        _reduceSegments = accelerator.LoadAutoGroupedStreamKernel<Index1D, ArrayView<TJacobian>, ArrayView<TJacobian>, int, int, int>(
            MsmKernels.ReduceSegments<TCurve, TAffine, TJacobian>);
        _sumWindows = accelerator.LoadAutoGroupedStreamKernel<Index1D, ArrayView<TJacobian>, ArrayView<TJacobian>, int>(
            MsmKernels.SumWindows<TCurve, TAffine, TJacobian>);
        _combineWindows = accelerator.LoadAutoGroupedStreamKernel<Index1D, ArrayView<TJacobian>, ArrayView<TJacobian>, int, int>(
            MsmKernels.CombineWindows<TCurve, TAffine, TJacobian>);
    }

    /// <summary>A window width for n points: wider windows for more points (fewer windows, more buckets), 4 … 16 bits.</summary>
    public static int ChooseWindowBits(int n) => Math.Clamp(BitOperations.Log2((uint)Math.Max(n, 1)) - 2, 4, 16);

    /// <summary>
    /// Σ scalars[i]·points[i]. Scalars are Fr limbs in Montgomery form; a point whose scalar is zero is never
    /// read (so infinity inputs are passed as any point with a zero scalar). Both spans have the same length ≥ 1.
    /// </summary>
    public TJacobian Run(ReadOnlySpan<TAffine> points, ReadOnlySpan<Limbs256> scalars, int windowBits)
    {
        if (points.Length != scalars.Length || points.Length == 0)
        {
            throw new ArgumentException("Points and scalars must be non-empty and of equal length.", nameof(points));
        }
        if (windowBits is < 1 or > 16)
        {
            throw new ArgumentOutOfRangeException(nameof(windowBits), windowBits, "Window width must be 1 … 16 bits.");
        }
        int n = points.Length;
        int windowCount = (ScalarBits + windowBits - 1) / windowBits;
        int bucketsPerWindow = 1 << windowBits;
        int keyCount = windowCount * bucketsPerWindow;
        if ((long)n * windowCount > int.MaxValue)
        {
            throw new NotSupportedException($"MSM of {n} points with {windowCount} windows exceeds the 2^31 digit slots of one device pass.");
        }

        using var scalarBuffer = _accelerator.Allocate1D<Limbs256>(n);
        using var pointBuffer = _accelerator.Allocate1D<TAffine>(n);
        using var countBuffer = _accelerator.Allocate1D<int>(keyCount);
        scalarBuffer.View.AsContiguous().CopyFromCPU(scalars);
        pointBuffer.View.AsContiguous().CopyFromCPU(points);
        countBuffer.MemSetToZero();

        _toCanonical(n, scalarBuffer.View);
        _countDigits(n, scalarBuffer.View, countBuffer.View, windowBits, windowCount);
        _accelerator.Synchronize();

        // Bucket slices: an exclusive prefix sum of the counts (a few MB at most; the host is quick enough).
        int[] counts = countBuffer.GetAsArray1D();
        int[] starts = new int[keyCount];
        int total = 0;
        for (int k = 0; k < keyCount; k++)
        {
            starts[k] = total;
            total += counts[k];
        }

        using var startBuffer = _accelerator.Allocate1D(starts);
        using var cursorBuffer = _accelerator.Allocate1D(starts);
        using var indexBuffer = _accelerator.Allocate1D<int>(Math.Max(total, 1));
        using var bucketBuffer = _accelerator.Allocate1D<TJacobian>(keyCount);
        int segmentLength = Math.Max(bucketsPerWindow / MaxSegmentsPerWindow, Math.Min(bucketsPerWindow, MinSegmentLength));
        int segmentsPerWindow = bucketsPerWindow / segmentLength;
        using var segmentBuffer = _accelerator.Allocate1D<TJacobian>(windowCount * segmentsPerWindow);
        using var windowBuffer = _accelerator.Allocate1D<TJacobian>(windowCount);
        using var resultBuffer = _accelerator.Allocate1D<TJacobian>(1);

        _scatterDigits(n, scalarBuffer.View, cursorBuffer.View, indexBuffer.View, windowBits, windowCount);
        _accumulate(keyCount, pointBuffer.View, indexBuffer.View, startBuffer.View, countBuffer.View, bucketBuffer.View);
        _reduceSegments(windowCount * segmentsPerWindow, bucketBuffer.View, segmentBuffer.View, windowBits, segmentLength, segmentsPerWindow);
        _sumWindows(windowCount, segmentBuffer.View, windowBuffer.View, segmentsPerWindow);
        _combineWindows(1, windowBuffer.View, resultBuffer.View, windowBits, windowCount);
        _accelerator.Synchronize();
        return resultBuffer.GetAsArray1D()[0];
    }
}
