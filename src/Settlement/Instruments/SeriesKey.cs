// SPDX-License-Identifier: MIT
using System.Globalization;
using System.Numerics;
using ZkOptions.Field;

namespace ZkOptions.Settlement.Instruments;

/// <summary>
/// An option series: underlying, expiry, strike, call or put, packed into one field element as
/// <c>underlying·2^96 + isCall·2^95 + strike·2^32 + expiry</c> — the low 96 bits are Derive's option sub-id
/// ([isCall 1][strike 63 bits at 1e-8 USD][expiry 32 bits, unix seconds]), so a key is below 2^104 and the circuits
/// unpack it with one 104-bit decomposition.
/// </summary>
public readonly record struct SeriesKey : IComparable<SeriesKey>
{
    /// <summary>Strike units per dollar (1e-8 USD).</summary>
    public const long StrikeScale = 100_000_000;

    /// <summary>Builds a key, checking every field's range (<see cref="ArgumentOutOfRangeException"/>).</summary>
    public SeriesKey(int underlying, long expiry, long strike, OptionType type)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(underlying, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(underlying, 255);
        ArgumentOutOfRangeException.ThrowIfLessThan(expiry, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(expiry, uint.MaxValue);
        ArgumentOutOfRangeException.ThrowIfLessThan(strike, 1);
        Underlying = underlying;
        Expiry = expiry;
        Strike = strike;
        Type = type;
    }

    /// <summary>Underlying id, 1 … 255 (named in the exchange parameters, e.g. 1 = BTC).</summary>
    public int Underlying { get; }

    /// <summary>Expiry, unix seconds.</summary>
    public long Expiry { get; }

    /// <summary>Strike in 1e-8 USD.</summary>
    public long Strike { get; }

    /// <summary>Call or put.</summary>
    public OptionType Type { get; }

    /// <summary>The packed integer.</summary>
    public BigInteger Packed =>
        ((BigInteger)Underlying << 96) | ((BigInteger)(Type == OptionType.Call ? 1 : 0) << 95)
        | ((BigInteger)Strike << 32) | Expiry;

    /// <summary>The packed key as a field element (what leaves and orders hash).</summary>
    public Fr ToField() => Fr.FromBigInteger(Packed);

    /// <summary>Unpacks a key; throws <see cref="FormatException"/> when a field is out of range.</summary>
    public static SeriesKey FromPacked(BigInteger packed)
    {
        if (packed.Sign <= 0 || packed >= BigInteger.One << 104)
        {
            throw new FormatException($"series key {packed} is not a packed series (must be in (0, 2^104)).");
        }
        long expiry = (long)(packed & uint.MaxValue);
        long strike = (long)((packed >> 32) & long.MaxValue);
        bool call = ((packed >> 95) & 1) == 1;
        int underlying = (int)(packed >> 96);
        if (underlying == 0 || expiry == 0 || strike == 0)
        {
            throw new FormatException($"series key {packed} has a zero underlying, expiry or strike.");
        }
        return new SeriesKey(underlying, expiry, strike, call ? OptionType.Call : OptionType.Put);
    }

    /// <summary>Parses the packed decimal integer as batch files write it.</summary>
    public static SeriesKey Parse(string text)
    {
        if (!BigInteger.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out BigInteger v))
        {
            throw new FormatException($"'{text}' is not a series key (a packed decimal integer).");
        }
        return FromPacked(v);
    }

    /// <summary>The intrinsic value per contract at settlement price <paramref name="price"/>, in 1e-8 USD.</summary>
    public Int128 PayoffE8(Numbers.Usd price)
    {
        Int128 p8 = (Int128)price.Micros * 100;
        Int128 v = Type == OptionType.Call ? p8 - Strike : Strike - p8;
        return v > 0 ? v : 0;
    }

    /// <inheritdoc cref="IComparable{T}.CompareTo"/>
    public int CompareTo(SeriesKey other) => Packed.CompareTo(other.Packed);

    /// <summary>The packed decimal integer.</summary>
    public override string ToString() => Packed.ToString(CultureInfo.InvariantCulture);

    /// <summary>For people: "u1-20261225-95000-C" (strike in whole dollars when it is one).</summary>
    public string ToDisplay(Func<int, string>? underlyingName = null)
    {
        string u = underlyingName?.Invoke(Underlying) ?? $"u{Underlying}";
        string date = DateTimeOffset.FromUnixTimeSeconds(Expiry).UtcDateTime.ToString("yyyyMMdd", CultureInfo.InvariantCulture);
        string k = Strike % StrikeScale == 0
            ? (Strike / StrikeScale).ToString(CultureInfo.InvariantCulture)
            : Numbers.DecimalText.Format(Strike, 8).Replace(",", "", StringComparison.Ordinal);
        return $"{u}-{date}-{k}-{(Type == OptionType.Call ? "C" : "P")}";
    }
}
