// SPDX-License-Identifier: MIT
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using ZkOptions.Field;
using V = System.Runtime.Intrinsics.Vector512<ulong>;

namespace ZkOptions.Prover.Engines.Cpu;

/// <summary>
/// Eight <see cref="Fr"/> values at once, for identities written over <see cref="IFieldArithmetic{T}"/> (the quotient's
/// gates, permutation and lookups): the NTT's AVX-512 representation (<see cref="NttVectorField"/>, 9 limbs of 29 bits,
/// limb k of all lanes in one vector) with every value in its c-form, c(a) = raw(a)·2^5, so the 2^−261 Montgomery
/// product of two c-forms is the c-form of their product. Every value is kept below 2q with normalized limbs, which is
/// what the product needs of both factors; <see cref="Store(Span{Fr})"/> ends with the canonical <see cref="Fr"/>, so results are
/// bit for bit the scalar path's.
/// </summary>
internal unsafe struct FrLanes : IFieldArithmetic<FrLanes>
{
    /// <summary>The lanes.</summary>
    public const int Count = 8;

#pragma warning disable CS0649 // written through Pointer, by the kernels
    private Limbs limbs;
#pragma warning restore CS0649

    [InlineArray(NttVectorField.Limbs)]
    private struct Limbs
    {
        private V limb;
    }

    /// <summary>True where the CPU runs AVX-512F.</summary>
    public static bool IsSupported => NttVectorField.IsSupported;

    // c(32) turns a loaded raw(a) into c(a) = raw(32·a); c(1/32) turns c(a) back into raw(a).
    private static readonly ulong[] ToCForm = LimbsOf(Fr.FromUInt64(32));
    private static readonly ulong[] FromCForm = LimbsOf(Fr.FromUInt64(32).Inverse());

    // 4q in normalized limbs: added before a subtraction so that every lane stays non-negative.
    private static readonly ulong[] FourQ = FourQLimbs();

    private static readonly FrLanes OneValue = Constant(Fr.One);

    /// <inheritdoc/>
    public static FrLanes One => OneValue;

    /// <summary>Never claimed: a lane test would cost more than the product it could skip.</summary>
    public readonly bool IsZero => false;

    /// <inheritdoc/>
    public static FrLanes Constant(in Fr value)
    {
        FrLanes result = default;
        NttVectorField.BroadcastFactor(in value, result.Pointer);
        return result;
    }

    /// <summary>Loads <paramref name="source"/>[0 … 7].</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static FrLanes Load(Fr* source)
    {
        FrLanes raw = default, result = default;
        NttVectorField.Load(source, raw.Pointer);
        fixed (ulong* toC = ToCForm)
        {
            NttVectorField.MulBroadcast(raw.Pointer, toC, result.Pointer);
        }
        return result;
    }

    /// <summary>Loads <paramref name="source"/>[0], [stride], … [7·stride].</summary>
    public static FrLanes LoadStrided(ReadOnlySpan<Fr> source, int stride)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(source.Length, (Count - 1) * stride + 1);
        FrLanes raw = default, result = default;
        fixed (Fr* p = source)
        {
            NttVectorField.LoadStrided(p, stride, raw.Pointer);
        }
        fixed (ulong* toC = ToCForm)
        {
            NttVectorField.MulBroadcast(raw.Pointer, toC, result.Pointer);
        }
        return result;
    }

    /// <summary>Loads the lanes from 8 elements anywhere (for a block that wraps around the end of an array).</summary>
    public static FrLanes Load(ReadOnlySpan<Fr> eight)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(eight.Length, Count);
        fixed (Fr* p = eight)
        {
            return Load(p);
        }
    }

    /// <summary>Stores the 8 canonical values into <paramref name="destination"/>[0 … 7].</summary>
    public readonly void Store(Span<Fr> destination)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(destination.Length, Count);
        fixed (Fr* p = destination)
        {
            Store(p);
        }
    }

    /// <summary>Stores the 8 canonical values into <paramref name="destination"/>[0 … 7].</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public readonly void Store(Fr* destination)
    {
        FrLanes copy = this, raw = default;
        fixed (ulong* fromC = FromCForm)
        {
            NttVectorField.MulBroadcast(copy.Pointer, fromC, raw.Pointer);
        }
        NttVectorField.ToCanonical(raw.Pointer);
        NttVectorField.Store(raw.Pointer, destination);
    }

    /// <inheritdoc/>
    public static FrLanes operator +(FrLanes a, FrLanes b)
    {
        FrLanes r = default;
        V* x = a.Pointer, y = b.Pointer, s = r.Pointer;
        for (int k = 0; k < NttVectorField.Limbs; k++)
        {
            s[k] = x[k] + y[k];
        }
        NormalizeAndReduce(s);
        return r;
    }

    /// <inheritdoc/>
    public static FrLanes operator -(FrLanes a, FrLanes b)
    {
        FrLanes r = default;
        V* x = a.Pointer, y = b.Pointer, s = r.Pointer;
        fixed (ulong* fourQ = FourQ)
        {
            for (int k = 0; k < NttVectorField.Limbs; k++)
            {
                // a − b + 4q > 0 for a, b < 2q; a limb may go negative until the carries are taken.
                s[k] = x[k] + Vector512.Create(fourQ[k]) - y[k];
            }
        }
        NormalizeAndReduce(s);
        return r;
    }

    /// <inheritdoc/>
    public static FrLanes operator *(FrLanes a, FrLanes b)
    {
        FrLanes r = default;
        NttVectorField.MulLanes(a.Pointer, b.Pointer, r.Pointer); // below q + 4q²/2^261 < 2q for a, b < 2q
        return r;
    }

    private V* Pointer => (V*)Unsafe.AsPointer(ref limbs[0]);

    /// <summary>Limbs below 2^31 in magnitude, value in [0, 8q): carried to 29 bits, then brought below 2q.</summary>
    private static void NormalizeAndReduce(V* x)
    {
        V mask = Vector512.Create(NttVectorField.LimbMask);
        for (int k = 0; k < NttVectorField.Limbs - 1; k++)
        {
            x[k + 1] = (x[k + 1].AsInt64() + (x[k].AsInt64() >> NttVectorField.LimbBits)).AsUInt64();
            x[k] &= mask;
        }
        NttVectorField.ReduceBelow2Q(x);
    }

    private static ulong[] LimbsOf(in Fr value)
    {
        var limbs = new ulong[NttVectorField.Limbs];
        fixed (ulong* p = limbs)
        {
            NttVectorField.FactorLimbs(in value, p);
        }
        return limbs;
    }

    private static ulong[] FourQLimbs()
    {
        var value = 4 * Fr.Modulus;
        var limbs = new ulong[NttVectorField.Limbs];
        for (int k = 0; k < limbs.Length; k++)
        {
            limbs[k] = (ulong)(value >> (NttVectorField.LimbBits * k) & NttVectorField.LimbMask);
        }
        limbs[^1] = (ulong)(value >> (NttVectorField.LimbBits * (limbs.Length - 1)));
        return limbs;
    }
}
