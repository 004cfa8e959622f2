// SPDX-License-Identifier: MIT
using ZkOptions.Field;
using ZkOptions.Prover.Polynomials;

namespace ZkOptions.Prover.Engines.Cpu;

/// <summary>
/// Twiddle factors of the lane-wise sub-transforms, in the c-form limbs of <see cref="NttVectorField"/>, laid out
/// stage by stage so that each stage reads a contiguous run: the factors ω_{2h}^j (j &lt; h) of the stage with
/// half-width h start at entry h − 1, 9 ulongs per entry; m − 1 entries for a transform of size m. Built once per
/// size and direction, from any thread.
/// </summary>
internal static unsafe class NttVectorTwiddles
{
    private static readonly ulong[]?[] Forward = new ulong[]?[EvaluationDomain.MaxLog2Size + 1];
    private static readonly ulong[]?[] Inverse = new ulong[]?[EvaluationDomain.MaxLog2Size + 1];

    /// <summary>The stage table for transforms of size 2^log2m with root ω_m (or ω_m⁻¹ when inverse).</summary>
    internal static ulong[] ForSize(int log2m, bool inverse)
    {
        ulong[]?[] cache = inverse ? Inverse : Forward;
        ulong[]? table = Volatile.Read(ref cache[log2m]);
        if (table is null)
        {
            Interlocked.CompareExchange(ref cache[log2m], Build(log2m, inverse), null);
            table = Volatile.Read(ref cache[log2m])!;
        }
        return table;
    }

    private static ulong[] Build(int log2m, bool inverse)
    {
        int m = 1 << log2m;
        var table = new ulong[Math.Max(1, m - 1) * NttVectorField.Limbs];
        fixed (ulong* t = table)
        {
            for (int h = 1; h < m; h <<= 1)
            {
                EvaluationDomain stage = EvaluationDomain.ForSize(2 * h);
                Fr root = inverse ? stage.GeneratorInverse : stage.Generator;
                Fr power = Fr.One;
                for (int j = 0; j < h; j++)
                {
                    NttVectorField.FactorLimbs(in power, t + (long)(h - 1 + j) * NttVectorField.Limbs);
                    Fr.Mul(in power, in root, out power);
                }
            }
        }
        return table;
    }
}
