// SPDX-License-Identifier: MIT
using System.Numerics;
using ZkOptions.Field;

namespace ZkOptions.Circuit;

/// <summary>
/// A value proven to lie in [0, 2^Bits): the only thing comparisons accept, so a comparison can never be fed a
/// value whose range was not checked (circomlib's <c>LessThan(n)</c> silently misbehaves on such values). Obtain
/// one from <see cref="Api.RangeCheck"/>, from <see cref="Api.IsZero"/>-style booleans via
/// <see cref="Api.AsBoolean"/>, or for a constant from <see cref="Constant"/>.
/// </summary>
public readonly struct Bounded
{
    /// <summary>The largest width comparisons accept: a − b + 2^Bits must not wrap around r.</summary>
    public const int MaxBits = 252;

    internal Bounded(Variable value, int bits)
    {
        Value = value;
        Bits = bits;
    }

    /// <summary>The value.</summary>
    public Variable Value { get; }

    /// <summary>The proven width: 0 ≤ Value &lt; 2^Bits.</summary>
    public int Bits { get; }

    /// <summary>A constant, with the width of its binary length.</summary>
    public static Bounded Constant(BigInteger value)
    {
        if (value.Sign < 0 || value >= BigInteger.One << MaxBits)
        {
            throw new ArgumentOutOfRangeException(nameof(value), $"a bounded constant must lie in [0, 2^{MaxBits})");
        }
        return new Bounded(new Variable(Fr.FromBigInteger(value)), Math.Max(1, (int)value.GetBitLength()));
    }

    public static implicit operator Variable(Bounded b) => b.Value;
}
