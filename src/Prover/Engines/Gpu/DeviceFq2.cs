// SPDX-License-Identifier: MIT
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using ZkOptions.Field;

namespace ZkOptions.Prover.Engines.Gpu;

/// <summary>An Fq2 element c0 + c1·u (u² = −1) on the device, the twin of <see cref="Fq2"/>.</summary>
[StructLayout(LayoutKind.Sequential)]
internal struct Fq2Limbs
{
    public Limbs256 C0;
    public Limbs256 C1;

    public Fq2Limbs(in Limbs256 c0, in Limbs256 c1)
    {
        C0 = c0;
        C1 = c1;
    }

    public readonly bool IsZero => C0.IsZero && C1.IsZero;

    public static Fq2Limbs FromFq2(in Fq2 a) => new(Limbs256.FromFq(a.C0), Limbs256.FromFq(a.C1));

    public readonly Fq2 ToFq2() => new(C0.ToFq(), C1.ToFq());
}

/// <summary>Device-side Fq2 = Fq[u]/(u² + 1) arithmetic, with the same formulas as <see cref="Fq2"/>.</summary>
internal static class DeviceFq2
{
    public static Fq2Limbs One => new(DeviceFq.One, default);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Add(in Fq2Limbs a, in Fq2Limbs b, out Fq2Limbs r)
    {
        DeviceFq.Add(in a.C0, in b.C0, out Limbs256 c0);
        DeviceFq.Add(in a.C1, in b.C1, out Limbs256 c1);
        r = new Fq2Limbs(c0, c1);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Sub(in Fq2Limbs a, in Fq2Limbs b, out Fq2Limbs r)
    {
        DeviceFq.Sub(in a.C0, in b.C0, out Limbs256 c0);
        DeviceFq.Sub(in a.C1, in b.C1, out Limbs256 c1);
        r = new Fq2Limbs(c0, c1);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Double(in Fq2Limbs a, out Fq2Limbs r)
    {
        DeviceFq.Double(in a.C0, out Limbs256 c0);
        DeviceFq.Double(in a.C1, out Limbs256 c1);
        r = new Fq2Limbs(c0, c1);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Neg(in Fq2Limbs a, out Fq2Limbs r)
    {
        DeviceFq.Neg(in a.C0, out Limbs256 c0);
        DeviceFq.Neg(in a.C1, out Limbs256 c1);
        r = new Fq2Limbs(c0, c1);
    }

    /// <summary>r = a·b with Karatsuba (three Fq products); out of line, like <see cref="DeviceFq.Mul"/>.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static void Mul(in Fq2Limbs a, in Fq2Limbs b, out Fq2Limbs r)
    {
        DeviceFq.Mul(in a.C0, in b.C0, out Limbs256 v0);
        DeviceFq.Mul(in a.C1, in b.C1, out Limbs256 v1);
        DeviceFq.Add(in a.C0, in a.C1, out Limbs256 sa);
        DeviceFq.Add(in b.C0, in b.C1, out Limbs256 sb);
        DeviceFq.Mul(in sa, in sb, out Limbs256 c1);
        DeviceFq.Sub(in c1, in v0, out c1);
        DeviceFq.Sub(in c1, in v1, out c1);
        DeviceFq.Sub(in v0, in v1, out Limbs256 c0);
        r = new Fq2Limbs(c0, c1);
    }

    /// <summary>r = a² = (c0 + c1)(c0 − c1) + 2·c0·c1·u (two Fq products); out of line.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static void Square(in Fq2Limbs a, out Fq2Limbs r)
    {
        DeviceFq.Add(in a.C0, in a.C1, out Limbs256 s);
        DeviceFq.Sub(in a.C0, in a.C1, out Limbs256 d);
        DeviceFq.Mul(in a.C0, in a.C1, out Limbs256 m);
        DeviceFq.Mul(in s, in d, out Limbs256 c0);
        DeviceFq.Double(in m, out Limbs256 c1);
        r = new Fq2Limbs(c0, c1);
    }
}
