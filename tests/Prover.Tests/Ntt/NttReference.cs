// SPDX-License-Identifier: MIT
using ZkOptions.Field;
using ZkOptions.Prover.Engines.Cpu;

namespace ZkOptions.Prover.Tests.Ntt;

/// <summary>Independent oracles for the transform tests: the O(n²) definitions, with Fr's own operators only.</summary>
internal static class NttReference
{
    /// <summary>ω_n computed from scratch: 5^((r−1)/n), 5 being the smallest non-residue snarkjs also starts from.</summary>
    public static Fr RootOfUnity(int n)
    {
        var exponent = (Fr.Modulus - 1) / n;
        return Fr.FromBigInteger(System.Numerics.BigInteger.ModPow(5, exponent, Fr.Modulus));
    }

    /// <summary>out[k] = Σ_i values[i]·root^(ik).</summary>
    public static Fr[] Dft(IReadOnlyList<Fr> values, Fr root)
    {
        int n = values.Count;
        var result = new Fr[n];
        Fr rootPowerK = Fr.One;
        for (int k = 0; k < n; k++)
        {
            Fr acc = Fr.Zero, power = Fr.One;
            for (int i = 0; i < n; i++)
            {
                acc += values[i] * power;
                power *= rootPowerK;
            }
            result[k] = acc;
            rootPowerK *= root;
        }
        return result;
    }

    /// <summary>The polynomial Σ coefficients[i]·x^i at x, by Horner's rule.</summary>
    public static Fr Evaluate(IReadOnlyList<Fr> coefficients, Fr x)
    {
        Fr acc = Fr.Zero;
        for (int i = coefficients.Count - 1; i >= 0; i--)
        {
            acc = acc * x + coefficients[i];
        }
        return acc;
    }

    public static Fr[] RandomVector(int n, int seed)
    {
        var rng = new Random(seed);
        var values = new Fr[n];
        for (int i = 0; i < n; i++)
        {
            values[i] = Fr.Random(rng);
        }
        return values;
    }

    /// <summary>An engine forced onto the scalar or the vector path (the latter only where the CPU has it).</summary>
    public static CpuNttEngine Engine(bool vector, int threads) => new(threads) { UseVectorPath = vector && VectorSupported };

    public static bool VectorSupported => System.Runtime.Intrinsics.X86.Avx512F.IsSupported;
}
