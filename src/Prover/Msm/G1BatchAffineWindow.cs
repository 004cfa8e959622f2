// SPDX-License-Identifier: MIT
using System.Runtime.CompilerServices;
using ZkOptions.Field;

namespace ZkOptions.Prover.Msm;

/// <summary>
/// One window of the G1 bucket method with batch-affine buckets (<see cref="G1BatchAffineAdder"/>). A point
/// whose bucket already has an addition pending is queued and retried after the next flush; when the queue is
/// full (inputs with many equal digits, such as many equal scalars) it goes into a Jacobian overflow bucket
/// instead, which is merged into the affine bucket at the end. One instance is a reusable per-thread workspace.
/// </summary>
internal sealed class G1BatchAffineWindow
{
    /// <summary>A final retry round that schedules fewer additions than this is not worth an inversion.</summary>
    private const int MinUsefulBatch = 16;

    private readonly G1BatchAffineAdder _buckets;
    private readonly int[] _queueBuckets;
    private readonly int[] _queuePoints; // index << 1 | negate
    private int _queued;
    private G1Jacobian[]? _overflow;
    private bool[]? _overflowUsed;
    private readonly List<int> _overflowTouched = [];
    private ReadOnlyMemory<G1Affine> _points;

    /// <param name="bucketCount">The most buckets a window will use.</param>
    /// <param name="batchCapacity">The most additions per batch (and the queue length).</param>
    /// <param name="vectorised">Flush batches on the 8-lane Fq kernels where supported.</param>
    public G1BatchAffineWindow(int bucketCount, int batchCapacity, bool vectorised = false)
    {
        _buckets = new G1BatchAffineAdder(bucketCount, batchCapacity, vectorised);
        _queueBuckets = new int[batchCapacity];
        _queuePoints = new int[batchCapacity];
        Reduction = new G1BatchAffineReduction { Vectorised = vectorised };
    }

    /// <summary>The most buckets a window can use with this workspace.</summary>
    public int BucketCapacity => _buckets.AccumulatorCount;

    /// <summary>The most additions a batch can hold with this workspace.</summary>
    public int BatchCapacity => _buckets.BatchCapacity;

    /// <summary>Reduction workspace, kept with the buckets it reduces.</summary>
    public G1BatchAffineReduction Reduction { get; }

    /// <summary>
    /// Σ digit(i)·points[i] over i in [start, end) for one window, with <paramref name="bucketCount"/> buckets and
    /// batches of <paramref name="batchSize"/> additions (at most <see cref="BatchCapacity"/>).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // runs once per window: no time to tier up
    public G1Jacobian Sum(ReadOnlyMemory<G1Affine> points, SignedDigits digits, int window, int start, int end, int bucketCount, int batchSize)
    {
        _points = points;
        _buckets.Clear(bucketCount);
        _queued = 0;
        batchSize = Math.Min(batchSize, BatchCapacity);
        ReadOnlySpan<G1Affine> span = points.Span;
        for (int i = start; i < end; i++)
        {
            int d = digits.Digit(i, window);
            if (d == 0)
            {
                continue;
            }
            ref readonly G1Affine p = ref span[i];
            if (p.IsInfinity)
            {
                continue;
            }
            int bucket = (d > 0 ? d : -d) - 1;
            bool scheduled;
            if (d > 0)
            {
                scheduled = _buckets.TryAdd(bucket, in p.X, in p.Y);
            }
            else
            {
                Fq.Neg(in p.Y, out Fq y);
                scheduled = _buckets.TryAdd(bucket, in p.X, in y);
            }
            if (!scheduled)
            {
                Defer(bucket, i, d < 0);
            }
            else if (_buckets.Pending >= batchSize)
            {
                FlushAndRetry(batchSize);
            }
        }
        Finish(batchSize);
        return Reduction.Reduce(_buckets, bucketCount);
    }

    private void Defer(int bucket, int index, bool negate)
    {
        if (_queued < _queueBuckets.Length)
        {
            _queueBuckets[_queued] = bucket;
            _queuePoints[_queued] = (index << 1) | (negate ? 1 : 0);
            _queued++;
            return;
        }
        AddToOverflow(bucket, (index << 1) | (negate ? 1 : 0));
    }

    private void AddToOverflow(int bucket, int pointRef)
    {
        _overflow ??= new G1Jacobian[_buckets.AccumulatorCount];
        _overflowUsed ??= new bool[_buckets.AccumulatorCount];
        if (!_overflowUsed[bucket])
        {
            _overflowUsed[bucket] = true;
            _overflow[bucket] = G1Jacobian.Infinity;
            _overflowTouched.Add(bucket);
        }
        G1Affine p = _points.Span[pointRef >> 1];
        if ((pointRef & 1) != 0)
        {
            G1Affine.Neg(in p, out p);
        }
        G1Jacobian.AddMixed(in _overflow[bucket], in p, out _overflow[bucket]);
    }

    private void FlushAndRetry(int batchSize)
    {
        do
        {
            _buckets.Flush();
            Retry(batchSize);
        }
        while (_buckets.Pending >= batchSize); // the retried points alone filled a batch
    }

    /// <summary>Moves queued points into the (just flushed) batch until it is full; returns how many moved.</summary>
    private int Retry(int batchSize)
    {
        ReadOnlySpan<G1Affine> span = _points.Span;
        int kept = 0, moved = 0;
        for (int q = 0; q < _queued; q++)
        {
            int bucket = _queueBuckets[q];
            int pointRef = _queuePoints[q];
            bool scheduled = false;
            if (_buckets.Pending < batchSize)
            {
                ref readonly G1Affine p = ref span[pointRef >> 1];
                if ((pointRef & 1) == 0)
                {
                    scheduled = _buckets.TryAdd(bucket, in p.X, in p.Y);
                }
                else
                {
                    Fq.Neg(in p.Y, out Fq y);
                    scheduled = _buckets.TryAdd(bucket, in p.X, in y);
                }
            }
            if (scheduled)
            {
                moved++;
            }
            else
            {
                _queueBuckets[kept] = bucket;
                _queuePoints[kept] = pointRef;
                kept++;
            }
        }
        _queued = kept;
        return moved;
    }

    private void Finish(int batchSize)
    {
        _buckets.Flush();
        while (_queued > 0)
        {
            int moved = Retry(batchSize);
            if (moved < MinUsefulBatch && _queued > 0)
            {
                // The rest piles onto a few buckets: Jacobian additions beat an inversion per tiny batch.
                for (int q = 0; q < _queued; q++)
                {
                    AddToOverflow(_queueBuckets[q], _queuePoints[q]);
                }
                _queued = 0;
            }
            _buckets.Flush();
        }
        MergeOverflow(batchSize);
    }

    /// <summary>Adds the Jacobian overflow buckets into the affine ones (distinct buckets: one batch each pass).</summary>
    private void MergeOverflow(int batchSize)
    {
        if (_overflowTouched.Count == 0)
        {
            return;
        }
        var jacobian = new G1Jacobian[_overflowTouched.Count];
        for (int k = 0; k < jacobian.Length; k++)
        {
            jacobian[k] = _overflow![_overflowTouched[k]];
            _overflowUsed![_overflowTouched[k]] = false;
        }
        var affine = new G1Affine[jacobian.Length];
        G1Jacobian.BatchToAffine(jacobian, affine);
        for (int k = 0; k < affine.Length; k++)
        {
            if (affine[k].IsInfinity)
            {
                continue;
            }
            _buckets.TryAdd(_overflowTouched[k], in affine[k].X, in affine[k].Y); // never busy: all flushed, buckets distinct
            if (_buckets.Pending >= batchSize)
            {
                _buckets.Flush();
            }
        }
        _buckets.Flush();
        _overflowTouched.Clear();
    }
}
