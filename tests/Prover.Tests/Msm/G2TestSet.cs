// SPDX-License-Identifier: MIT
using ZkOptions.Field;

namespace ZkOptions.Prover.Tests.Msm;

/// <summary>The G2 counterpart of <see cref="G1TestSet"/>.</summary>
internal sealed class G2TestSet
{
    public G2TestSet(G2Affine[] points, Fr[] logs)
    {
        Points = points;
        Logs = logs;
    }

    public G2Affine[] Points { get; }

    public Fr[] Logs { get; }

    public static G2TestSet Random(int n, int seed)
    {
        var rng = new Random(seed);
        Fr a0 = Fr.Random(rng), delta = Fr.Random(rng);
        var logs = new Fr[n];
        var jacobian = new G2Jacobian[n];
        G2Jacobian step = G2Jacobian.ScalarMul(G2Affine.Generator, delta);
        G2Jacobian acc = G2Jacobian.ScalarMul(G2Affine.Generator, a0);
        Fr log = a0;
        for (int i = 0; i < n; i++)
        {
            jacobian[i] = acc;
            logs[i] = log;
            acc += step;
            log += delta;
        }
        var points = new G2Affine[n];
        G2Jacobian.BatchToAffine(jacobian, points);
        return new G2TestSet(points, logs);
    }

    public G2Jacobian Expected(ReadOnlySpan<Fr> scalars)
    {
        Fr sum = Fr.Zero;
        for (int i = 0; i < scalars.Length; i++)
        {
            sum += scalars[i] * Logs[i];
        }
        return G2Jacobian.ScalarMul(G2Affine.Generator, sum);
    }

    public static G2Jacobian Naive(ReadOnlySpan<G2Affine> points, ReadOnlySpan<Fr> scalars)
    {
        G2Jacobian acc = G2Jacobian.Infinity;
        for (int i = 0; i < scalars.Length; i++)
        {
            acc += G2Jacobian.ScalarMul(points[i], scalars[i]);
        }
        return acc;
    }

    public static G2TestSet Adversarial(int n, int seed)
    {
        G2TestSet baseSet = Random(n, seed);
        var rng = new Random(seed + 1);
        var points = (G2Affine[])baseSet.Points.Clone();
        var logs = (Fr[])baseSet.Logs.Clone();
        for (int i = 0; i < n; i++)
        {
            switch (rng.Next(6))
            {
                case 0 when i > 0:
                    points[i] = points[i - 1];
                    logs[i] = logs[i - 1];
                    break;
                case 1 when i > 0:
                    points[i] = -points[i - 1];
                    logs[i] = -logs[i - 1];
                    break;
                case 2:
                    points[i] = G2Affine.Infinity;
                    logs[i] = Fr.Zero;
                    break;
            }
        }
        return new G2TestSet(points, logs);
    }
}
