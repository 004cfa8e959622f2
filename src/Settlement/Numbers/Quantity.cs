// SPDX-License-Identifier: MIT
using System.Globalization;

namespace ZkOptions.Settlement.Numbers;

/// <summary>
/// A signed number of option contracts in units of 1e-4 contract (the minimum size): positive long, negative short.
/// </summary>
public readonly record struct Quantity(long Units) : IComparable<Quantity>
{
    /// <summary>Units per contract.</summary>
    public const long Scale = 10_000;

    /// <summary>
    /// The largest magnitude a position or an order may have, 2^47 units (about 1.4·10^10 contracts). It keeps every
    /// exact product q·price·S within 128 bits, which the circuits range-check.
    /// </summary>
    public const long MaxUnits = 1L << 47;

    /// <summary>No contracts.</summary>
    public static Quantity Zero => default;

    /// <summary>Whole contracts.</summary>
    public static Quantity FromContracts(long contracts) => new(checked(contracts * Scale));

    /// <summary>The sum, throwing <see cref="OverflowException"/> rather than wrapping.</summary>
    public static Quantity operator +(Quantity a, Quantity b) => new(checked(a.Units + b.Units));

    /// <summary>The difference, throwing <see cref="OverflowException"/> rather than wrapping.</summary>
    public static Quantity operator -(Quantity a, Quantity b) => new(checked(a.Units - b.Units));

    /// <summary>The negation.</summary>
    public static Quantity operator -(Quantity a) => new(checked(-a.Units));

    /// <inheritdoc cref="IComparable{T}.CompareTo"/>
    public int CompareTo(Quantity other) => Units.CompareTo(other.Units);

    /// <summary>Ordering.</summary>
    public static bool operator <(Quantity a, Quantity b) => a.Units < b.Units;

    /// <summary>Ordering.</summary>
    public static bool operator >(Quantity a, Quantity b) => a.Units > b.Units;

    /// <summary>Ordering.</summary>
    public static bool operator <=(Quantity a, Quantity b) => a.Units <= b.Units;

    /// <summary>Ordering.</summary>
    public static bool operator >=(Quantity a, Quantity b) => a.Units >= b.Units;

    /// <summary>True for zero contracts.</summary>
    public bool IsZero => Units == 0;

    /// <summary>The magnitude.</summary>
    public Quantity Abs() => new(Math.Abs(Units));

    /// <summary>The raw integer (1e-4 contracts) as batch files write it.</summary>
    public override string ToString() => Units.ToString(CultureInfo.InvariantCulture);

    /// <summary>For people: "-0.5000".</summary>
    public string ToContracts() => DecimalText.Format(Units, 4);
}
