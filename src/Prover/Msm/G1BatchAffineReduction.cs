// SPDX-License-Identifier: MIT
using ZkOptions.Field;

namespace ZkOptions.Prover.Msm;

/// <summary>
/// Σ (j + 1)·bucket[j] for affine buckets. The running sum is one dependent chain (2 additions a bucket), which
/// cannot be batched; cutting the buckets into S segments gives S independent chains that advance in lockstep,
/// so each step is one batch of S affine additions with one shared inversion. Segment k (buckets kL … kL + L − 1)
/// yields its own running total R_k and weighted sum W_k = Σ (j − kL + 1)·bucket[j], and the window sum is
/// Σ W_k + L·Σ k·R_k, the last term a short Jacobian running sum over the S segments and log₂ L doublings.
/// </summary>
internal sealed class G1BatchAffineReduction
{
    /// <summary>Independent chains: enough to spread one inversion (~540 products) thinly over a batch.</summary>
    public const int DefaultSegments = 256;

    private G1BatchAffineAdder? _chains;

    /// <summary>Segments per window; below 4 buckets a segment the plain Jacobian running sum is used.</summary>
    public int Segments { get; set; } = DefaultSegments;

    /// <summary>Flush the chains' batches on the 8-lane Fq kernels where supported.</summary>
    public bool Vectorised { get; set; }

    /// <summary>Σ (j + 1)·bucket[j] over the first <paramref name="bucketCount"/> accumulators (nothing pending).</summary>
    public G1Jacobian Reduce(G1BatchAffineAdder buckets, int bucketCount)
    {
        int segments = Segments;
        if (segments < 2 || bucketCount < 4 * segments || 4 * CountFull(buckets.States, bucketCount) < bucketCount)
        {
            // Few buckets, or mostly empty ones: the Jacobian running sum skips the gaps cheaply.
            return JacobianRunningSum(buckets, bucketCount);
        }
        int length = (bucketCount + segments - 1) / segments;
        segments = (bucketCount + length - 1) / length;
        if (_chains is null || _chains.AccumulatorCount < 2 * segments)
        {
            _chains = new G1BatchAffineAdder(2 * segments, segments, Vectorised);
        }
        G1BatchAffineAdder chains = _chains;
        chains.Clear(2 * segments);
        AffineCoordinates[] bucketValues = buckets.Values;
        byte[] bucketStates = buckets.States;
        AffineCoordinates[] chainValues = chains.Values;
        byte[] chainStates = chains.States;
        // Accumulator k is R_k, accumulator segments + k is W_k. Targets within a batch are distinct, so TryAdd
        // always succeeds.
        for (int step = length - 1; step >= 0; step--)
        {
            for (int k = 0; k < segments; k++)
            {
                int j = k * length + step;
                if (j < bucketCount && bucketStates[j] != G1BatchAffineAdder.Empty)
                {
                    chains.TryAdd(k, in bucketValues[j].X, in bucketValues[j].Y);
                }
            }
            chains.Flush();
            for (int k = 0; k < segments; k++)
            {
                if (chainStates[k] != G1BatchAffineAdder.Empty)
                {
                    chains.TryAdd(segments + k, in chainValues[k].X, in chainValues[k].Y);
                }
            }
            chains.Flush();
        }
        G1Jacobian total = G1Jacobian.Infinity;
        G1Jacobian running = G1Jacobian.Infinity;
        G1Jacobian weighted = G1Jacobian.Infinity; // Σ k·R_k
        for (int k = segments - 1; k >= 0; k--)
        {
            if (chainStates[segments + k] != G1BatchAffineAdder.Empty)
            {
                G1Jacobian.AddMixed(in total, chainValues[segments + k].ToAffine(), out total);
            }
            if (k == 0)
            {
                break;
            }
            if (chainStates[k] != G1BatchAffineAdder.Empty)
            {
                G1Jacobian.AddMixed(in running, chainValues[k].ToAffine(), out running);
            }
            G1Jacobian.Add(in weighted, in running, out weighted);
        }
        SmallMultiple<G1MsmCurve, G1Affine, G1Jacobian>.Mul(in weighted, length, out weighted);
        G1Jacobian.Add(in total, in weighted, out total);
        return total;
    }

    private static int CountFull(byte[] states, int count)
    {
        return count - states.AsSpan(0, count).Count(G1BatchAffineAdder.Empty);
    }

    /// <summary>
    /// The running sum in Jacobian form, skipping empty buckets as
    /// <see cref="JacobianBucketWindow{TCurve, TAffine, TJacobian}.RunningSum"/> does.
    /// </summary>
    private static G1Jacobian JacobianRunningSum(G1BatchAffineAdder buckets, int bucketCount)
    {
        AffineCoordinates[] values = buckets.Values;
        byte[] states = buckets.States;
        G1Jacobian running = G1Jacobian.Infinity;
        G1Jacobian sum = G1Jacobian.Infinity;
        int j = bucketCount - 1;
        while (j >= 0 && states[j] == G1BatchAffineAdder.Empty)
        {
            j--;
        }
        while (j >= 0)
        {
            G1Jacobian.AddMixed(in running, values[j].ToAffine(), out running);
            int next = j - 1;
            while (next >= 0 && states[next] == G1BatchAffineAdder.Empty)
            {
                next--;
            }
            int gap = j - next;
            if (gap == 1)
            {
                G1Jacobian.Add(in sum, in running, out sum);
            }
            else
            {
                SmallMultiple<G1MsmCurve, G1Affine, G1Jacobian>.Mul(in running, gap, out G1Jacobian multiple);
                G1Jacobian.Add(in sum, in multiple, out sum);
            }
            j = next;
        }
        return sum;
    }
}
