// SPDX-License-Identifier: MIT
using System.Globalization;

namespace ZkOptions.Settlement.Numbers;

/// <summary>
/// An amount of US dollars in micro-dollars (6 decimals, as USDC): collateral, premiums, fees, margin figures and
/// prices per contract. Signed, since collateral and scenario P&amp;L may be negative. No floating point touches it.
/// </summary>
public readonly record struct Usd(long Micros) : IComparable<Usd>
{
    /// <summary>Micro-dollars per dollar.</summary>
    public const long Scale = 1_000_000;

    /// <summary>Zero dollars.</summary>
    public static Usd Zero => default;

    /// <summary>Whole dollars.</summary>
    public static Usd FromDollars(long dollars) => new(checked(dollars * Scale));

    /// <summary>
    /// Parses a human amount such as "1500", "-0.25" or "1,234.5" (at most 6 decimals). Throws
    /// <see cref="FormatException"/> naming the text.
    /// </summary>
    public static Usd ParseDollars(string text) => new(DecimalText.Parse(text, 6, "a USD amount"));

    /// <summary>The sum, throwing <see cref="OverflowException"/> rather than wrapping.</summary>
    public static Usd operator +(Usd a, Usd b) => new(checked(a.Micros + b.Micros));

    /// <summary>The difference, throwing <see cref="OverflowException"/> rather than wrapping.</summary>
    public static Usd operator -(Usd a, Usd b) => new(checked(a.Micros - b.Micros));

    /// <summary>The negation.</summary>
    public static Usd operator -(Usd a) => new(checked(-a.Micros));

    /// <inheritdoc cref="IComparable{T}.CompareTo"/>
    public int CompareTo(Usd other) => Micros.CompareTo(other.Micros);

    /// <summary>Ordering.</summary>
    public static bool operator <(Usd a, Usd b) => a.Micros < b.Micros;

    /// <summary>Ordering.</summary>
    public static bool operator >(Usd a, Usd b) => a.Micros > b.Micros;

    /// <summary>Ordering.</summary>
    public static bool operator <=(Usd a, Usd b) => a.Micros <= b.Micros;

    /// <summary>Ordering.</summary>
    public static bool operator >=(Usd a, Usd b) => a.Micros >= b.Micros;

    /// <summary>The raw integer (micro-dollars) as batch files write it.</summary>
    public override string ToString() => Micros.ToString(CultureInfo.InvariantCulture);

    /// <summary>For people: "-1,234.500000".</summary>
    public string ToDollars() => DecimalText.Format(Micros, 6);
}
