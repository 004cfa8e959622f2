// SPDX-License-Identifier: MIT
using ZkOptions.Field;

namespace ZkOptions.Prover.Msm;

/// <summary>
/// Pippenger's bucket method for G2 with signed-digit windows and Jacobian buckets (mixed additions over Fq2).
/// G2 MSMs only occur in setup and tests, so the batch-affine machinery of G1 is not duplicated here.
/// </summary>
internal static class G2Pippenger
{
    /// <summary>Σ scalars[i]·points[i] over the first scalars.Length points.</summary>
    public static G2Jacobian MultiScalarMul(ReadOnlyMemory<G2Affine> points, ReadOnlyMemory<Fr> scalars, MsmSettings settings)
    {
        if (scalars.Length > points.Length)
        {
            throw new ArgumentException($"{scalars.Length} scalars but only {points.Length} points.", nameof(scalars));
        }
        int n = scalars.Length;
        points = points[..n];
        if (n == 0)
        {
            return G2Jacobian.Infinity;
        }
        if (n < settings.StrausThreshold)
        {
            return G2Jacobian.MultiScalarMul(points.Span, scalars.Span);
        }
        int threads = settings.Threads;
        int c = settings.WindowBits > 0 ? settings.WindowBits : MsmWindowSize.For(n);
        SignedDigits digits = SignedDigits.Create(scalars, c, threads);
        int bucketCount = digits.BucketCount;
        return BucketMsm<G2MsmCurve, G2Affine, G2Jacobian>.Run(
            digits,
            threads,
            settings.MinPointsPerTask,
            () => new G2Jacobian[bucketCount],
            (buckets, window, start, end) => JacobianBucketWindow<G2MsmCurve, G2Affine, G2Jacobian>.Sum(
                points.Span, digits, window, start, end, digits.MaxAbsDigit(window), buckets));
    }
}
