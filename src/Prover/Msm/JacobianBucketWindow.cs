// SPDX-License-Identifier: MIT
using System.Runtime.CompilerServices;

namespace ZkOptions.Prover.Msm;

/// <summary>
/// One window of the bucket method with Jacobian buckets: every point is added with a mixed addition (no
/// inversions, no batching), then the buckets are reduced by the running sum. Used for G2, for small inputs
/// and for windows with too few buckets for batch-affine accumulation to pay off.
/// </summary>
internal static class JacobianBucketWindow<TCurve, TAffine, TJacobian>
    where TCurve : struct, IMsmCurve<TAffine, TJacobian>
    where TAffine : struct
    where TJacobian : struct
{
    /// <summary>
    /// Σ digit(i)·points[i] over i in [start, end) for one window. <paramref name="buckets"/> is scratch space of at
    /// least <paramref name="bucketCount"/> entries (bucket j holds the points whose |digit| is j + 1).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // runs once per window: no time to tier up
    public static TJacobian Sum(
        ReadOnlySpan<TAffine> points, SignedDigits digits, int window, int start, int end, int bucketCount, Span<TJacobian> buckets)
    {
        buckets = buckets[..bucketCount];
        buckets.Fill(TCurve.Infinity);
        for (int i = start; i < end; i++)
        {
            int d = digits.Digit(i, window);
            if (d == 0)
            {
                continue;
            }
            ref readonly TAffine p = ref points[i];
            if (d > 0)
            {
                TCurve.AddMixed(in buckets[d - 1], in p, out buckets[d - 1]);
            }
            else
            {
                TCurve.Neg(in p, out TAffine negated); // infinity stays infinity and AddMixed skips it
                TCurve.AddMixed(in buckets[-d - 1], in negated, out buckets[-d - 1]);
            }
        }
        return RunningSum(buckets);
    }

    /// <summary>
    /// Σ (j + 1)·buckets[j] by the running sum from the top: with the non-empty buckets j₁ &gt; j₂ &gt; … and
    /// running_t = Σ_(s ≤ t) bucket[j_s], the sum is Σ_t (j_t − j_(t+1))·running_t (j after the last is −1). Dense
    /// buckets have gaps of 1 (two additions a bucket, as usual); sparse ones (few points, wide windows) pay
    /// a few doublings per gap instead of one addition per empty bucket.
    /// </summary>
    public static TJacobian RunningSum(ReadOnlySpan<TJacobian> buckets)
    {
        TJacobian running = TCurve.Infinity;
        TJacobian sum = TCurve.Infinity;
        int j = buckets.Length - 1;
        while (j >= 0 && TCurve.IsInfinity(in buckets[j]))
        {
            j--;
        }
        while (j >= 0)
        {
            TCurve.Add(in running, in buckets[j], out running);
            int next = j - 1;
            while (next >= 0 && TCurve.IsInfinity(in buckets[next]))
            {
                next--;
            }
            int gap = j - next;
            if (gap == 1)
            {
                TCurve.Add(in sum, in running, out sum);
            }
            else
            {
                SmallMultiple<TCurve, TAffine, TJacobian>.Mul(in running, gap, out TJacobian multiple);
                TCurve.Add(in sum, in multiple, out sum);
            }
            j = next;
        }
        return sum;
    }
}
