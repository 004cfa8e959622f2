// SPDX-License-Identifier: MIT
using System.Globalization;

namespace ZkOptions.Prover.Solidity.Abi;

/// <summary>
/// Recursive-descent parser for the canonical ABI type grammar. Whitespace between tokens is tolerated (callers hash
/// the canonical re-spelling, never the input text); non-canonical aliases such as <c>uint</c> are refused rather than
/// silently widened, so a hand-written signature cannot produce a surprising selector.
/// </summary>
internal ref struct AbiTypeParser
{
    private readonly string _text;
    private readonly string _what;
    private int _pos;

    private AbiTypeParser(string text, string what = "ABI type")
    {
        _text = text;
        _what = what;
        _pos = 0;
    }

    public static AbiType ParseType(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var parser = new AbiTypeParser(text);
        AbiType type = parser.Type();
        parser.ExpectEnd();
        return type;
    }

    public static IReadOnlyList<AbiType> ParseParameterList(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var parser = new AbiTypeParser(text);
        IReadOnlyList<AbiType> list = parser.ParenthesisedList();
        parser.ExpectEnd();
        return list;
    }

    /// <summary>Parses <c>name(T1,...,Tn)</c>.</summary>
    public static (string Name, IReadOnlyList<AbiType> Parameters) ParseFunctionSignature(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var parser = new AbiTypeParser(text, "function signature");
        parser.SkipSpace();
        int start = parser._pos;
        string name = parser.Word();
        if (name.Length == 0 || char.IsAsciiDigit(name[0]))
        {
            throw parser.Error($"expected a function name at position {start}");
        }
        parser.SkipSpace();
        if (parser.Peek() != '(')
        {
            throw parser.Error($"expected '(' after the function name '{name}'");
        }
        IReadOnlyList<AbiType> parameters = parser.ParenthesisedList();
        parser.SkipSpace();
        if (parser.Peek() == '(')
        {
            throw parser.Error("give only the parameter types, not the return types");
        }
        parser.ExpectEnd();
        return (name, parameters);
    }

    private AbiType Type()
    {
        SkipSpace();
        AbiType type = Peek() == '(' ? AbiType.Tuple(ParenthesisedList()) : Elementary();
        SkipSpace();
        while (Peek() == '[')
        {
            _pos++;
            SkipSpace();
            if (Peek() == ']')
            {
                _pos++;
                type = AbiType.DynamicArray(type);
            }
            else
            {
                int start = _pos;
                string digits = Digits();
                SkipSpace();
                if (digits.Length == 0 || Peek() != ']')
                {
                    throw Error($"expected an array length or ']' at position {start}");
                }
                _pos++;
                if ((digits.Length > 1 && digits[0] == '0') ||
                    !int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out int length))
                {
                    throw Error($"array length '{digits}' is not a canonical length that fits in 31 bits");
                }
                type = Wrap(() => AbiType.FixedArray(type, length));
            }
            SkipSpace();
        }
        return type;
    }

    private IReadOnlyList<AbiType> ParenthesisedList()
    {
        SkipSpace();
        if (Peek() != '(')
        {
            throw Error($"expected '(' at position {_pos}");
        }
        _pos++;
        var items = new List<AbiType>();
        SkipSpace();
        if (Peek() == ')')
        {
            _pos++;
            return items;
        }
        while (true)
        {
            items.Add(Type());
            SkipSpace();
            char c = Peek();
            _pos++;
            if (c == ')')
            {
                return items;
            }
            if (c != ',')
            {
                throw Error(c == '\0' ? "missing ')'" : $"expected ',' or ')' at position {_pos - 1}, found '{c}'");
            }
        }
    }

    private AbiType Elementary()
    {
        int start = _pos;
        string word = Word();
        if (word.Length == 0)
        {
            char c = Peek();
            throw Error(c == '\0' ? "expected a type, found the end of the text" : $"expected a type at position {start}, found '{c}'");
        }
        switch (word)
        {
            case "address": return AbiType.Address;
            case "bool": return AbiType.Bool;
            case "string": return AbiType.String;
            case "bytes": return AbiType.Bytes;
            case "uint" or "int": throw Error($"'{word}' is an alias, not canonical; write '{word}256'");
            case "byte": throw Error("'byte' is an alias, not canonical; write 'bytes1'");
        }
        if (TrySized(word, "uint", out int bits))
        {
            return Wrap(() => AbiType.UInt(bits));
        }
        if (TrySized(word, "int", out bits))
        {
            return Wrap(() => AbiType.Int(bits));
        }
        if (TrySized(word, "bytes", out int length))
        {
            return Wrap(() => AbiType.FixedBytes(length));
        }
        if (word.StartsWith("fixed", StringComparison.Ordinal) || word.StartsWith("ufixed", StringComparison.Ordinal))
        {
            throw Error($"fixed-point type '{word}' is not supported");
        }
        throw Error($"unknown type '{word}'");
    }

    /// <summary>Matches <c>prefix</c> followed by a canonical decimal (no sign, no leading zero).</summary>
    private static bool TrySized(string word, string prefix, out int size)
    {
        size = 0;
        if (!word.StartsWith(prefix, StringComparison.Ordinal) || word.Length == prefix.Length || word.Length > prefix.Length + 3)
        {
            return false;
        }
        ReadOnlySpan<char> digits = word.AsSpan(prefix.Length);
        if (digits[0] == '0')
        {
            return false;
        }
        foreach (char c in digits)
        {
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }
        }
        size = int.Parse(digits, NumberStyles.None, CultureInfo.InvariantCulture);
        return true;
    }

    private AbiType Wrap(Func<AbiType> make)
    {
        try
        {
            return make();
        }
        catch (ArgumentOutOfRangeException e)
        {
            throw Error(e.Message.Split(" (Parameter", 2)[0].TrimEnd('.'));
        }
        catch (FormatException e)
        {
            throw Error(e.Message);
        }
    }

    private string Word()
    {
        int start = _pos;
        while (_pos < _text.Length && (char.IsAsciiLetterOrDigit(_text[_pos]) || _text[_pos] is '_' or '$'))
        {
            _pos++;
        }
        return _text[start.._pos];
    }

    private string Digits()
    {
        int start = _pos;
        while (_pos < _text.Length && char.IsAsciiDigit(_text[_pos]))
        {
            _pos++;
        }
        return _text[start.._pos];
    }

    private void SkipSpace()
    {
        while (_pos < _text.Length && char.IsWhiteSpace(_text[_pos]))
        {
            _pos++;
        }
    }

    private readonly char Peek() => _pos < _text.Length ? _text[_pos] : '\0';

    private void ExpectEnd()
    {
        SkipSpace();
        if (_pos != _text.Length)
        {
            throw Error($"unexpected '{_text[_pos]}' at position {_pos}");
        }
    }

    private readonly FormatException Error(string reason) => new($"Invalid {_what} '{_text}': {reason}.");
}
