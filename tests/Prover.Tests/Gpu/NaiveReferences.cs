// SPDX-License-Identifier: MIT
using ZkOptions.Field;

namespace ZkOptions.Prover.Tests.Gpu;

/// <summary>Slow, obviously correct oracles for the device engines.</summary>
internal static class NaiveReferences
{
    /// <summary>ω_n computed independently of the engine: TwoAdicRootOfUnity^(2^(28 − log2 n)) by Pow.</summary>
    public static Fr RootOfUnity(int n)
    {
        int logN = System.Numerics.BitOperations.Log2((uint)n);
        return Fr.TwoAdicRootOfUnity.Pow(1UL << (Fr.TwoAdicity - logN));
    }

    /// <summary>p(x) for coefficients in natural order, by Horner's rule.</summary>
    public static Fr Evaluate(ReadOnlySpan<Fr> coefficients, Fr x)
    {
        Fr acc = Fr.Zero;
        for (int i = coefficients.Length - 1; i >= 0; i--)
        {
            acc = acc * x + coefficients[i];
        }
        return acc;
    }

    /// <summary>Evaluations at shift·ω^i, i &lt; n: an O(n²) DFT.</summary>
    public static Fr[] Dft(ReadOnlySpan<Fr> coefficients, Fr shift)
    {
        int n = coefficients.Length;
        Fr omega = RootOfUnity(n);
        var result = new Fr[n];
        Fr x = shift;
        for (int i = 0; i < n; i++)
        {
            result[i] = Evaluate(coefficients, x);
            x *= omega;
        }
        return result;
    }

    /// <summary>Σ k_i·P_i one scalar multiplication at a time.</summary>
    public static G1Jacobian Msm(ReadOnlySpan<G1Affine> points, ReadOnlySpan<Fr> scalars)
    {
        G1Jacobian acc = G1Jacobian.Infinity;
        for (int i = 0; i < scalars.Length; i++)
        {
            acc += G1Jacobian.ScalarMul(in points[i], in scalars[i]);
        }
        return acc;
    }

    public static G1Affine[] RandomPoints(Random rng, int count)
    {
        var jacobian = new G1Jacobian[count];
        for (int i = 0; i < count; i++)
        {
            jacobian[i] = G1Jacobian.ScalarMul(G1Affine.Generator, Fr.Random(rng));
        }
        var affine = new G1Affine[count];
        G1Jacobian.BatchToAffine(jacobian, affine);
        return affine;
    }

    public static Fr[] RandomScalars(Random rng, int count)
    {
        var scalars = new Fr[count];
        for (int i = 0; i < count; i++)
        {
            scalars[i] = Fr.Random(rng);
        }
        return scalars;
    }

    /// <summary>Σ k_i·P_i in G2, one scalar multiplication at a time.</summary>
    public static G2Jacobian Msm(ReadOnlySpan<G2Affine> points, ReadOnlySpan<Fr> scalars)
    {
        G2Jacobian acc = G2Jacobian.Infinity;
        for (int i = 0; i < scalars.Length; i++)
        {
            acc += G2Jacobian.ScalarMul(in points[i], in scalars[i]);
        }
        return acc;
    }

    public static G2Affine[] RandomG2Points(Random rng, int count)
    {
        var jacobian = new G2Jacobian[count];
        for (int i = 0; i < count; i++)
        {
            jacobian[i] = G2Jacobian.ScalarMul(G2Affine.Generator, Fr.Random(rng));
        }
        var affine = new G2Affine[count];
        G2Jacobian.BatchToAffine(jacobian, affine);
        return affine;
    }
}
