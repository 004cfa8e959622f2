// SPDX-License-Identifier: MIT
using ZkOptions.Field;

namespace ZkOptions.Prover.Tests.Msm;

/// <summary>
/// Points with known discrete logarithms, so that an MSM has a cheap independent oracle:
/// Σ kᵢ·(aᵢ·G) = (Σ kᵢ·aᵢ)·G, one scalar multiplication however many terms. Points are built as a chain
/// aᵢ = a₀ + i·δ (one addition a point), and edge cases (duplicates, negations, infinity) edit the logs with them.
/// </summary>
internal sealed class G1TestSet
{
    public G1TestSet(G1Affine[] points, Fr[] logs)
    {
        Points = points;
        Logs = logs;
    }

    public G1Affine[] Points { get; }

    /// <summary>Points[i] = Logs[i]·G (zero for infinity).</summary>
    public Fr[] Logs { get; }

    public static G1TestSet Random(int n, int seed)
    {
        var rng = new Random(seed);
        Fr a0 = Fr.Random(rng), delta = Fr.Random(rng);
        var logs = new Fr[n];
        var jacobian = new G1Jacobian[n];
        G1Jacobian step = G1Jacobian.ScalarMul(G1Affine.Generator, delta);
        G1Jacobian acc = G1Jacobian.ScalarMul(G1Affine.Generator, a0);
        Fr log = a0;
        for (int i = 0; i < n; i++)
        {
            jacobian[i] = acc;
            logs[i] = log;
            acc += step;
            log += delta;
        }
        var points = new G1Affine[n];
        G1Jacobian.BatchToAffine(jacobian, points);
        return new G1TestSet(points, logs);
    }

    /// <summary>Σ scalars[i]·Points[i] from the logs.</summary>
    public G1Jacobian Expected(ReadOnlySpan<Fr> scalars)
    {
        Fr sum = Fr.Zero;
        for (int i = 0; i < scalars.Length; i++)
        {
            sum += scalars[i] * Logs[i];
        }
        return G1Jacobian.ScalarMul(G1Affine.Generator, sum);
    }

    /// <summary>The naive reference Σ ScalarMul(points[i], scalars[i]), for small n.</summary>
    public static G1Jacobian Naive(ReadOnlySpan<G1Affine> points, ReadOnlySpan<Fr> scalars)
    {
        G1Jacobian acc = G1Jacobian.Infinity;
        for (int i = 0; i < scalars.Length; i++)
        {
            acc += G1Jacobian.ScalarMul(points[i], scalars[i]);
        }
        return acc;
    }

    /// <summary>
    /// A set full of bucket special cases: runs of one point (so buckets double), a point next to its negation
    /// (so a bucket cancels to empty), points at infinity, all mixed with ordinary points.
    /// </summary>
    public static G1TestSet Adversarial(int n, int seed)
    {
        G1TestSet baseSet = Random(n, seed);
        var rng = new Random(seed + 1);
        var points = (G1Affine[])baseSet.Points.Clone();
        var logs = (Fr[])baseSet.Logs.Clone();
        for (int i = 0; i < n; i++)
        {
            switch (rng.Next(6))
            {
                case 0 when i > 0: // duplicate of the previous point
                    points[i] = points[i - 1];
                    logs[i] = logs[i - 1];
                    break;
                case 1 when i > 0: // negation of the previous point
                    points[i] = -points[i - 1];
                    logs[i] = -logs[i - 1];
                    break;
                case 2:
                    points[i] = G1Affine.Infinity;
                    logs[i] = Fr.Zero;
                    break;
            }
        }
        return new G1TestSet(points, logs);
    }
}
