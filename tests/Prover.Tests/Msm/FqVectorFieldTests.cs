// SPDX-License-Identifier: MIT
using System.Numerics;
using System.Runtime.Intrinsics;
using ZkOptions.Field;
using ZkOptions.Prover.Engines.Cpu;

namespace ZkOptions.Prover.Tests.Msm;

/// <summary>
/// The 8-lane Fq kernels against the scalar <see cref="Fq"/>, lane by lane: every result is reduced to canonical
/// limbs and must equal the scalar one exactly. Skipped (passing trivially) only where AVX-512F is missing; the
/// scalar fallback is then what runs everywhere and the MSM tests cover it.
/// </summary>
public unsafe class FqVectorFieldTests
{
    private static readonly Fq PMinusOne = Fq.FromBigInteger(Fq.Modulus - 1);

    /// <summary>Edge values mixed into random ones: 0, 1, p − 1, 2, (p − 1)/2 and the largest Montgomery limbs.</summary>
    private static Fq[] Inputs(int count, int seed)
    {
        var rng = new Random(seed);
        Fq[] values = new Fq[count];
        Fq[] edges = [Fq.Zero, Fq.One, PMinusOne, Fq.FromUInt64(2), Fq.FromBigInteger((Fq.Modulus - 1) / 2), -Fq.One];
        for (int i = 0; i < count; i++)
        {
            values[i] = rng.Next(3) == 0 ? edges[rng.Next(edges.Length)] : Fq.Random(rng);
        }
        values[0] = Fq.Zero;
        values[1] = Fq.One;
        values[2] = PMinusOne;
        return values;
    }

    private static void Lanes(Fq[] values, int offset, Fq* lanes)
    {
        for (int l = 0; l < 8; l++)
        {
            lanes[l] = values[offset + l];
        }
    }

    [Fact]
    public void Products_of_every_form_match_the_scalar_product()
    {
        if (!FqVectorField.IsSupported)
        {
            return;
        }
        Fq[] a = Inputs(8 * 64, seed: 1);
        Fq[] b = Inputs(8 * 64, seed: 2);
        b[3] = PMinusOne; // p − 1 squared and times 0, 1 through the edge lanes of a
        Fq* lanesA = stackalloc Fq[8];
        Fq* lanesB = stackalloc Fq[8];
        Fq* result = stackalloc Fq[8];
        Vector512<ulong>* va = stackalloc Vector512<ulong>[FqVectorField.Limbs];
        Vector512<ulong>* vb = stackalloc Vector512<ulong>[FqVectorField.Limbs];
        Vector512<ulong>* vr = stackalloc Vector512<ulong>[FqVectorField.Limbs];
        for (int g = 0; g < a.Length / 8; g++)
        {
            Lanes(a, 8 * g, lanesA);
            Lanes(b, 8 * g, lanesB);
            // Form 261 × form 261 with radix 2^266 gives form 256.
            FqVectorField.LoadTimes32(lanesA, va);
            FqVectorField.LoadTimes32(lanesB, vb);
            FqVectorField.MulLanesDiv32(va, vb, vr);
            AssertLanes(vr, result, l => lanesA[l] * lanesB[l], "a·b, radix 2^266");
            // Form 261 × form 256 with radix 2^261 gives form 256.
            FqVectorField.Load(lanesB, vb);
            FqVectorField.MulLanes(va, vb, vr);
            AssertLanes(vr, result, l => lanesA[l] * lanesB[l], "a·b, radix 2^261");
            // Form 261 × form 261 with radix 2^261 gives form 261; times raw one gives form 256.
            FqVectorField.LoadTimes32(lanesB, vb);
            FqVectorField.MulLanes(va, vb, vr);
            FqVectorField.MulLanes(vr, vb, vr); // a·b² (form 261)
            FqVectorField.Load(OneLanes(lanesB), vb);
            FqVectorField.MulLanes(vr, vb, vr);
            Lanes(b, 8 * g, lanesB);
            AssertLanes(vr, result, l => lanesA[l] * lanesB[l] * lanesB[l], "a·b², chained in form 261");
        }
    }

    [Fact]
    public void Differences_match_the_scalar_difference()
    {
        if (!FqVectorField.IsSupported)
        {
            return;
        }
        Fq[] a = Inputs(8 * 64, seed: 3);
        Fq[] b = Inputs(8 * 64, seed: 4);
        Fq[] c = Inputs(8 * 64, seed: 5);
        Fq* lanesA = stackalloc Fq[8];
        Fq* lanesB = stackalloc Fq[8];
        Fq* lanesC = stackalloc Fq[8];
        Fq* result = stackalloc Fq[8];
        Vector512<ulong>* va = stackalloc Vector512<ulong>[FqVectorField.Limbs];
        Vector512<ulong>* vb = stackalloc Vector512<ulong>[FqVectorField.Limbs];
        Vector512<ulong>* vc = stackalloc Vector512<ulong>[FqVectorField.Limbs];
        Vector512<ulong>* vr = stackalloc Vector512<ulong>[FqVectorField.Limbs];
        Vector512<ulong>* one = stackalloc Vector512<ulong>[FqVectorField.Limbs];
        FqVectorField.Load(OneLanes(result), one);
        for (int g = 0; g < a.Length / 8; g++)
        {
            Lanes(a, 8 * g, lanesA);
            Lanes(b, 8 * g, lanesB);
            Lanes(c, 8 * g, lanesC);
            FqVectorField.Load(lanesA, va);
            FqVectorField.Load(lanesB, vb);
            FqVectorField.Load(lanesC, vc);
            FqVectorField.SubPlusQ(va, vb, vr);
            AssertLanes(vr, result, l => lanesA[l] - lanesB[l], "a − b");
            FqVectorField.SubTwoPlus2Q(va, vb, vc, vr);
            AssertLanes(vr, result, l => lanesA[l] - lanesB[l] - lanesC[l], "a − b − c");
            // 32a − 32b in form 261, back to form 256 by a product with raw one.
            FqVectorField.LoadTimes32(lanesA, va);
            FqVectorField.LoadTimes32(lanesB, vb);
            FqVectorField.SubPlus32Q(va, vb, vr);
            FqVectorField.MulLanes(vr, one, vr);
            AssertLanes(vr, result, l => lanesA[l] - lanesB[l], "32a − 32b");
        }
    }

    [Fact]
    public void Reduction_to_canonical_form_covers_everything_below_4p()
    {
        if (!FqVectorField.IsSupported)
        {
            return;
        }
        // a + 3p for a up to p − 1 reaches 4p − 1, the largest value the kernels hand to ToCanonical.
        Fq[] a = Inputs(8 * 16, seed: 6);
        Fq* lanes = stackalloc Fq[8];
        Fq* result = stackalloc Fq[8];
        Vector512<ulong>* va = stackalloc Vector512<ulong>[FqVectorField.Limbs];
        Vector512<ulong>* zero = stackalloc Vector512<ulong>[FqVectorField.Limbs];
        for (int k = 0; k < FqVectorField.Limbs; k++)
        {
            zero[k] = Vector512<ulong>.Zero;
        }
        for (int g = 0; g < a.Length / 8; g++)
        {
            Lanes(a, 8 * g, lanes);
            for (int multiple = 0; multiple < 4; multiple++)
            {
                FqVectorField.Load(lanes, va);
                for (int m = 0; m < multiple; m++)
                {
                    FqVectorField.SubPlusQ(va, zero, va);
                }
                Assert.Equal(ToBigIntegers(lanes).Select(v => v + multiple * Fq.Modulus), LaneValues(va));
                AssertLanes(va, result, l => lanes[l], $"a + {multiple}p");
            }
        }
    }

    private static Fq* OneLanes(Fq* lanes)
    {
        for (int l = 0; l < 8; l++)
        {
            lanes[l] = Fq.One;
        }
        return lanes;
    }

    /// <summary>Reduces a group to canonical limbs, stores it and compares each lane with the scalar result.</summary>
    private static void AssertLanes(Vector512<ulong>* group, Fq* stored, Func<int, Fq> expected, string what)
    {
        FqVectorField.ToCanonical(group);
        FqVectorField.Store(group, stored);
        for (int l = 0; l < 8; l++)
        {
            Fq want = expected(l);
            Assert.True(want.Equals(stored[l]), $"{what}, lane {l}: {want} expected, {stored[l]} computed");
        }
    }

    /// <summary>The integers held by a group's lanes (normalized limbs), as Montgomery limb values.</summary>
    private static BigInteger[] LaneValues(Vector512<ulong>* group)
    {
        var values = new BigInteger[8];
        for (int l = 0; l < 8; l++)
        {
            for (int k = FqVectorField.Limbs - 1; k >= 0; k--)
            {
                values[l] = (values[l] << FqVectorField.LimbBits) + group[k].GetElement(l);
            }
        }
        return values;
    }

    private static BigInteger[] ToBigIntegers(Fq* lanes)
    {
        var values = new BigInteger[8];
        for (int l = 0; l < 8; l++)
        {
            Fq x = lanes[l];
            values[l] = new BigInteger(x.L0) + (new BigInteger(x.L1) << 64) + (new BigInteger(x.L2) << 128) + (new BigInteger(x.L3) << 192);
        }
        return values;
    }
}
