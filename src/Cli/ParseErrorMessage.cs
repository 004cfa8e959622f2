// SPDX-License-Identifier: MIT
using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using System.Numerics;

namespace ZkOptions.Cli;

/// <summary>
/// The text a person sees for a System.CommandLine parse error. The library words a bad value as "Cannot parse
/// argument 'abc' for option '--seed' as expected type 'System.Nullable`1[System.UInt64]'", which names a .NET type
/// instead of what the flag takes; this says the flag, the value and what it expects. An unknown flag close to one of
/// the verb's gets a suggestion. Every other error keeps the library's message.
/// </summary>
internal static class ParseErrorMessage
{
    public static string For(ParseError error, ParseResult parse)
    {
        if (error.SymbolResult is { } symbol && OptionOf(symbol) is { } option && symbol.Tokens is [.., var last]
            && error.Message.StartsWith("Cannot parse argument", StringComparison.Ordinal))
        {
            return BadValue(option, last.Value);
        }
        return UnknownOptionSuggestion.Append(error.Message, parse);
    }

    private static Option? OptionOf(SymbolResult symbol) => symbol switch
    {
        OptionResult o => o.Option,
        ArgumentResult { Parent: OptionResult o } => o.Option,
        _ => null,
    };

    /// <summary>"--threads: 'x' is not an integer", or "... is out of range (at most 2147483647)" for a number too big.</summary>
    private static string BadValue(Option option, string value)
    {
        Type type = Nullable.GetUnderlyingType(option.ValueType) ?? option.ValueType;
        string expected = Expected(type);
        if (NumericRange(type) is var (min, max) && BigInteger.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n))
        {
            return n < min
                ? $"{option.Name}: {value} is too small; it takes {expected} (at least {min})"
                : $"{option.Name}: {value} is too large; it takes {expected} (at most {max})";
        }
        return $"{option.Name}: '{value}' is not {expected}";
    }

    private static string Expected(Type type) => type switch
    {
        _ when type == typeof(int) || type == typeof(long) || type == typeof(short) => "an integer",
        _ when type == typeof(uint) || type == typeof(ulong) || type == typeof(ushort) || type == typeof(byte) => "a non-negative integer",
        _ when type == typeof(double) || type == typeof(float) || type == typeof(decimal) => "a number",
        _ when type == typeof(bool) => "true or false",
        _ when type.IsEnum => "one of " + string.Join(", ", Enum.GetNames(type).Select(name => name.ToLowerInvariant())),
        _ => "a valid value",
    };

    private static (BigInteger Min, BigInteger Max)? NumericRange(Type type) => type switch
    {
        _ when type == typeof(int) => (int.MinValue, int.MaxValue),
        _ when type == typeof(long) => (long.MinValue, long.MaxValue),
        _ when type == typeof(short) => (short.MinValue, short.MaxValue),
        _ when type == typeof(uint) => (uint.MinValue, uint.MaxValue),
        _ when type == typeof(ulong) => (ulong.MinValue, ulong.MaxValue),
        _ when type == typeof(ushort) => (ushort.MinValue, ushort.MaxValue),
        _ when type == typeof(byte) => (byte.MinValue, byte.MaxValue),
        _ => null,
    };
}
