// SPDX-License-Identifier: MIT
using System.Runtime.InteropServices;
using ZkOptions.Field;

namespace ZkOptions.Prover.Engines.Gpu;

/// <summary>
/// A 256-bit value as four little-endian 64-bit limbs, the device-side twin of <see cref="Fr"/> and <see cref="Fq"/>:
/// same layout, same Montgomery form (R = 2^256), so host spans are reinterpreted rather than converted and device
/// results are bit-identical to the Field library's.
/// </summary>
[StructLayout(LayoutKind.Sequential)]
internal struct Limbs256
{
    /// <summary>Least significant limb.</summary>
    public ulong L0;

    /// <summary>Second limb.</summary>
    public ulong L1;

    /// <summary>Third limb.</summary>
    public ulong L2;

    /// <summary>Most significant limb.</summary>
    public ulong L3;

    public Limbs256(ulong l0, ulong l1, ulong l2, ulong l3)
    {
        L0 = l0;
        L1 = l1;
        L2 = l2;
        L3 = l3;
    }

    public readonly bool IsZero => (L0 | L1 | L2 | L3) == 0;

    /// <summary>Limb k (0 … 3); device code cannot index a struct, so this selects.</summary>
    public readonly ulong Limb(int k) => k == 0 ? L0 : k == 1 ? L1 : k == 2 ? L2 : L3;

    public static Limbs256 FromFr(in Fr a) => new(a.L0, a.L1, a.L2, a.L3);

    public static Limbs256 FromFq(in Fq a) => new(a.L0, a.L1, a.L2, a.L3);

    public readonly Fr ToFr() => new(L0, L1, L2, L3);

    public readonly Fq ToFq() => new(L0, L1, L2, L3);

    /// <summary>Reinterprets Fr values as limbs without copying (identical layout).</summary>
    public static Span<Limbs256> Cast(Span<Fr> values) => MemoryMarshal.Cast<Fr, Limbs256>(values);

    /// <inheritdoc cref="Cast(Span{Fr})"/>
    public static ReadOnlySpan<Limbs256> Cast(ReadOnlySpan<Fr> values) => MemoryMarshal.Cast<Fr, Limbs256>(values);
}
