// SPDX-License-Identifier: MIT
using System.Runtime.CompilerServices;
using ZkOptions.Field;

namespace ZkOptions.Prover.Engines.Gpu;

/// <summary>
/// Device-side arithmetic in the BN254 scalar field Fr (polynomial coefficients, MSM scalars), on <see cref="Limbs256"/> in the same Montgomery form as
/// <see cref="Fr"/>. The modulus lives in constants so that ILGPU folds it into the kernels.
/// </summary>
internal static class DeviceFr
{
    /// <summary>The modulus q.</summary>
    public static Limbs256 Modulus
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => new(Fr.Q0, Fr.Q1, Fr.Q2, Fr.Q3);
    }

    /// <summary>One in Montgomery form (2^256 mod q).</summary>
    public static Limbs256 One
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => new(Fr.R0, Fr.R1, Fr.R2, Fr.R3);
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

    /// <summary>r = a·b (inlined: the NTT kernels call it once or twice).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Mul(in Limbs256 a, in Limbs256 b, out Limbs256 r)
    {
        Limbs256 q = Modulus;
        Montgomery256.Mul(in a, in b, in q, Fr.QInvNeg, out r);
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
