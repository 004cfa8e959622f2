// SPDX-License-Identifier: MIT
using System.Runtime.CompilerServices;
using ZkOptions.Field;

namespace ZkOptions.Prover.Engines.Gpu;

/// <summary>
/// Device-side arithmetic in the BN254 base field Fq (curve coordinates), on <see cref="Limbs256"/> in the same Montgomery form as
/// <see cref="Fq"/>. The modulus lives in constants so that ILGPU folds it into the kernels.
/// </summary>
internal static class DeviceFq
{
    /// <summary>The modulus q.</summary>
    public static Limbs256 Modulus
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => new(Fq.Q0, Fq.Q1, Fq.Q2, Fq.Q3);
    }

    /// <summary>One in Montgomery form (2^256 mod q).</summary>
    public static Limbs256 One
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => new(Fq.R0, Fq.R1, Fq.R2, Fq.R3);
    }

    /// <summary>r = a + b.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Add(in Limbs256 a, in Limbs256 b, out Limbs256 r)
    {
        Limbs256 q = Modulus;
        Montgomery256.Add(in a, in b, in q, out r);
    }

    /// <summary>r = a − b.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Sub(in Limbs256 a, in Limbs256 b, out Limbs256 r)
    {
        Limbs256 q = Modulus;
        Montgomery256.Sub(in a, in b, in q, out r);
    }

    /// <summary>r = 2a.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Double(in Limbs256 a, out Limbs256 r)
    {
        Limbs256 q = Modulus;
        Montgomery256.Add(in a, in a, in q, out r);
    }

    /// <summary>r = −a.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Neg(in Limbs256 a, out Limbs256 r)
    {
        Limbs256 q = Modulus;
        Montgomery256.Neg(in a, in q, out r);
    }

    /// <summary>
    /// r = a·b. Kept out of line: the curve formulas call it a dozen times each, and inlining every call made one
    /// MSM kernel hundreds of thousands of IR nodes (tens of seconds of ILGPU compilation per kernel).
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static void Mul(in Limbs256 a, in Limbs256 b, out Limbs256 r)
    {
        Limbs256 q = Modulus;
        Montgomery256.Mul(in a, in b, in q, Fq.QInvNeg, out r);
    }

    /// <summary>r = a².</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Square(in Limbs256 a, out Limbs256 r) => Mul(in a, in a, out r);

    /// <summary>The canonical integer (out of Montgomery form): a·2^−256, i.e. a Montgomery product with 1.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void ToCanonical(in Limbs256 a, out Limbs256 r)
    {
        var one = new Limbs256(1, 0, 0, 0);
        Mul(in a, in one, out r);
    }
}
