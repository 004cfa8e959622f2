// SPDX-License-Identifier: MIT
using System.Numerics;

namespace ZkOptions.Field;

/// <summary>
/// What <see cref="Fr"/> and <see cref="Fq"/> have in common, as static abstract members so that generic code
/// (tests, NTT, MSM scalar handling) is specialised per field by the JIT with no virtual calls.
/// </summary>
/// <typeparam name="T">The field element type.</typeparam>
public interface IPrimeField<T> : IEquatable<T> where T : struct, IPrimeField<T>
{
    /// <summary>The modulus.</summary>
    static abstract BigInteger Modulus { get; }

    /// <summary>The additive identity.</summary>
    static abstract T Zero { get; }

    /// <summary>The multiplicative identity.</summary>
    static abstract T One { get; }

    /// <summary>True for zero.</summary>
    bool IsZero { get; }

    /// <summary>r = a + b.</summary>
    static abstract void Add(in T a, in T b, out T r);

    /// <summary>r = a − b.</summary>
    static abstract void Sub(in T a, in T b, out T r);

    /// <summary>r = a·b.</summary>
    static abstract void Mul(in T a, in T b, out T r);

    /// <summary>r = a².</summary>
    static abstract void Square(in T a, out T r);

    /// <summary>r = −a.</summary>
    static abstract void Neg(in T a, out T r);

    /// <summary>r = 2a.</summary>
    static abstract void Double(in T a, out T r);

    /// <summary>r = a⁻¹; false (and zero) for zero.</summary>
    static abstract bool TryInverse(in T a, out T r);

    /// <summary>Inverts every element in place with one inversion; zeros stay zero.</summary>
    static abstract void BatchInverse(Span<T> values);

    /// <summary>A square root, or false when there is none.</summary>
    static abstract bool TrySqrt(in T a, out T root);

    /// <summary>The element congruent to a (any sign, any size).</summary>
    static abstract T FromBigInteger(BigInteger value);

    /// <summary>The canonical value.</summary>
    BigInteger ToBigInteger();

    /// <summary>0, 1 or −1.</summary>
    int Legendre();

    /// <summary>Strict 32-byte canonical decoding.</summary>
    static abstract bool TryReadBytes(ReadOnlySpan<byte> source, ByteOrder order, out T r);

    /// <summary>Canonical 32-byte encoding.</summary>
    void WriteBytes(Span<byte> destination, ByteOrder order);

    /// <summary>Strict decimal parsing.</summary>
    static abstract bool TryParse(string? text, out T r);
}
