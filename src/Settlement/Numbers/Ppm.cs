// SPDX-License-Identifier: MIT
using System.Globalization;

namespace ZkOptions.Settlement.Numbers;

/// <summary>
/// A ratio in parts per million: margin factors (1.25 = 1,250,000), fee rates, contingency rates, auction price
/// factors. Non-negative.
/// </summary>
public readonly record struct Ppm(long Value)
{
    /// <summary>Parts per one.</summary>
    public const long Scale = 1_000_000;

    /// <summary>1.0.</summary>
    public static Ppm One => new(Scale);

    /// <summary>Parses "1.25" or "0.001" (at most 6 decimals, not negative); throws <see cref="FormatException"/>.</summary>
    public static Ppm Parse(string text)
    {
        long v = DecimalText.Parse(text, 6, "a ratio");
        if (v < 0)
        {
            throw new FormatException($"'{text}' is negative; a ratio must be ≥ 0.");
        }
        return new Ppm(v);
    }

    /// <summary>The raw integer (millionths).</summary>
    public override string ToString() => Value.ToString(CultureInfo.InvariantCulture);

    /// <summary>For people: "1.250000".</summary>
    public string ToDecimal() => DecimalText.Format(Value, 6);
}
