// SPDX-License-Identifier: MIT
using System.Buffers.Binary;
using System.Numerics;
using System.Text;
using System.Text.Json.Nodes;
using ZkOptions.Field;

namespace ZkOptions.Fuzz;

/// <summary>
/// A deterministic, seeded mutator for the CI pass (and the fallback when no coverage-guided fuzzer is installed):
/// byte-level edits for every format (bit flips, interesting bytes and integers, truncation, chunk deletion,
/// duplication and insertion), length-field edits of the iden3 binary container (section count, section types and
/// sizes, the u32 counts at the start of each section, dropped/duplicated/swapped sections), and JSON edits on tokens
/// (values replaced by edge cases, deleted or duplicated tokens, duplicated keys, deep nesting, digits changed in
/// decimal strings) and on the parsed tree (members removed, array elements duplicated or removed).
/// The same seed and inputs always give the same mutants.
/// </summary>
public sealed class Mutator(int seed)
{
    private static readonly ulong[] InterestingIntegers =
    [
        0, 1, 2, 3, 4, 7, 8, 31, 32, 33, 63, 64, 127, 128, 255, 256, 0x7FFF, 0x8000, 0xFFFF, 0x10000,
        0x7FFFFFFF, 0x80000000, 0xFFFFFFFF, 0x100000000, 1UL << 40, 0x7FFFFFFFFFFFFFFF, 0x8000000000000000, ulong.MaxValue,
        0xFFFFFFFFFFFFFFF4, // −12: a section size that points back into the section table
    ];

    private static readonly string[] JsonValues = BuildJsonValues();

    private readonly Random random = new(seed);

    /// <summary>A mutant of <paramref name="input"/>: one to four edits, chosen for a binary container or for JSON/text.</summary>
    public byte[] Mutate(byte[] input, bool binary)
    {
        byte[] data = input;
        int edits = 1 + random.Next(4);
        for (int i = 0; i < edits; i++)
        {
            data = binary ? MutateBinary(data) : MutateText(data);
        }
        return data;
    }

    private byte[] MutateBinary(byte[] data) => random.Next(10) switch
    {
        < 4 => EditContainer(data),
        _ => MutateBytes(data),
    };

    private byte[] MutateText(byte[] data) => random.Next(10) switch
    {
        < 5 => EditJsonTokens(data),
        < 7 => EditJsonTree(data),
        _ => MutateBytes(data),
    };

    // ------------------------------------------------------------------ bytes

    private byte[] MutateBytes(byte[] data)
    {
        if (data.Length == 0)
        {
            return [(byte)random.Next(256)];
        }
        byte[] d = (byte[])data.Clone();
        switch (random.Next(8))
        {
            case 0: // flip 1–8 bits
                for (int i = 1 + random.Next(8); i > 0; i--)
                {
                    d[random.Next(d.Length)] ^= (byte)(1 << random.Next(8));
                }
                return d;
            case 1: // an interesting byte
                d[random.Next(d.Length)] = (byte)new[] { 0x00, 0x01, 0x7F, 0x80, 0xFF, (byte)'"', (byte)'\\', (byte)'{', (byte)'[' }[random.Next(9)];
                return d;
            case 2: // an interesting 4- or 8-byte little-endian integer
                WriteInteger(d, random.Next(d.Length), InterestingIntegers[random.Next(InterestingIntegers.Length)], random.Next(2) == 0 ? 4 : 8);
                return d;
            case 3: // truncate
                return data[..random.Next(data.Length)];
            case 4: // delete a chunk
            {
                int start = random.Next(data.Length);
                int length = 1 + random.Next(Math.Min(64, data.Length - start));
                return [.. data[..start], .. data[(start + length)..]];
            }
            case 5: // duplicate a chunk
            {
                int start = random.Next(data.Length);
                int length = 1 + random.Next(Math.Min(256, data.Length - start));
                int at = random.Next(data.Length + 1);
                return [.. data[..at], .. data.AsSpan(start, length), .. data[at..]];
            }
            case 6: // insert random bytes
            {
                var bytes = new byte[1 + random.Next(16)];
                random.NextBytes(bytes);
                int at = random.Next(data.Length + 1);
                return [.. data[..at], .. bytes, .. data[at..]];
            }
            default: // overwrite a run with one byte
            {
                int start = random.Next(d.Length);
                d.AsSpan(start, 1 + random.Next(Math.Min(32, d.Length - start))).Fill((byte)random.Next(256));
                return d;
            }
        }
    }

    private static void WriteInteger(byte[] d, int offset, ulong value, int width)
    {
        Span<byte> bytes = stackalloc byte[8];
        BinaryPrimitives.WriteUInt64LittleEndian(bytes, value);
        if (offset < 0 || offset >= d.Length)
        {
            return;
        }
        int n = Math.Min(width, d.Length - offset);
        bytes[..n].CopyTo(d.AsSpan(offset));
    }

    // ------------------------------------------------------------------ the iden3 binary container

    private readonly record struct Section(int HeaderOffset, int Type, long Size, int BodyOffset);

    // The section table as far as it can be walked (a mutated file may end early or lie about sizes).
    private static List<Section> Sections(byte[] d)
    {
        var sections = new List<Section>();
        if (d.Length < 12)
        {
            return sections;
        }
        uint count = BinaryPrimitives.ReadUInt32LittleEndian(d.AsSpan(8));
        long position = 12;
        for (uint i = 0; i < count && position + 12 <= d.Length; i++)
        {
            int type = BinaryPrimitives.ReadInt32LittleEndian(d.AsSpan((int)position));
            long size = BinaryPrimitives.ReadInt64LittleEndian(d.AsSpan((int)position + 4));
            sections.Add(new Section((int)position, type, size, (int)position + 12));
            if (size < 0 || size > d.Length - position - 12)
            {
                break;
            }
            position += 12 + size;
        }
        return sections;
    }

    private byte[] EditContainer(byte[] data)
    {
        List<Section> sections = Sections(data);
        if (sections.Count == 0)
        {
            return MutateBytes(data);
        }
        byte[] d = (byte[])data.Clone();
        Section s = sections[random.Next(sections.Count)];
        bool complete = sections.All(x => x.Size >= 0 && x.Size <= d.Length - x.BodyOffset);
        switch (random.Next(complete ? 7 : 4))
        {
            case 0: // the section count
            {
                uint count = BinaryPrimitives.ReadUInt32LittleEndian(d.AsSpan(8));
                uint[] choices = [0, count - 1, count + 1, count * 2, 0x7FFFFFFF, 0xFFFFFFFF];
                BinaryPrimitives.WriteUInt32LittleEndian(d.AsSpan(8), choices[random.Next(choices.Length)]);
                return d;
            }
            case 1: // a section's type
            {
                int[] choices = [0, 1, 2, 3, 4, 12, 13, 14, 15, -1, s.Type + 1, s.Type - 1];
                BinaryPrimitives.WriteInt32LittleEndian(d.AsSpan(s.HeaderOffset), choices[random.Next(choices.Length)]);
                return d;
            }
            case 2: // a section's size
            {
                long[] choices = [0, s.Size - 1, s.Size + 1, s.Size - 32, s.Size + 32, s.Size * 2, d.Length, int.MaxValue, uint.MaxValue,
                    1L << 40, long.MaxValue, long.MaxValue - s.BodyOffset + 1, long.MinValue, -1, -12];
                BinaryPrimitives.WriteInt64LittleEndian(d.AsSpan(s.HeaderOffset + 4), choices[random.Next(choices.Length)]);
                return d;
            }
            case 3: // a u32 near the start of a section body (header counts: n8, nVars, nPublic, domainSize, power, …)
            {
                if (s.BodyOffset >= d.Length)
                {
                    return MutateBytes(data);
                }
                int span = (int)Math.Min(Math.Min(s.Size, 160), d.Length - s.BodyOffset);
                int offset = s.BodyOffset + 4 * random.Next(Math.Max(1, span / 4));
                uint[] choices = [0, 1, 2, 3, 7, 8, 9, 16, 28, 29, 31, 32, 33, 64, 255, 256, 1 << 20, 1 << 28, 1 << 30, 0x7FFFFFFF, 0x80000000, 0xFFFFFFFF];
                uint value = random.Next(3) == 0 && offset + 4 <= d.Length
                    ? BinaryPrimitives.ReadUInt32LittleEndian(d.AsSpan(offset)) + (uint)random.Next(-2, 3)
                    : choices[random.Next(choices.Length)];
                WriteInteger(d, offset, value, 4);
                return d;
            }
            case 4: // drop a section
                return Rebuild(data, sections.Where(x => x != s).ToList());
            case 5: // duplicate a section
            {
                var list = sections.ToList();
                list.Insert(random.Next(list.Count + 1), s);
                return Rebuild(data, list);
            }
            default: // swap two sections' bodies (keeping their types)
            {
                Section t = sections[random.Next(sections.Count)];
                var list = sections.Select(x => x == s ? t with { Type = s.Type } : x == t ? s with { Type = t.Type } : x).ToList();
                return Rebuild(data, list);
            }
        }
    }

    private static byte[] Rebuild(byte[] data, List<Section> sections)
    {
        using var output = new MemoryStream();
        output.Write(data, 0, 8);
        Span<byte> u32 = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32LittleEndian(u32, (uint)sections.Count);
        output.Write(u32);
        Span<byte> header = stackalloc byte[12];
        foreach (Section s in sections)
        {
            BinaryPrimitives.WriteInt32LittleEndian(header, s.Type);
            BinaryPrimitives.WriteInt64LittleEndian(header[4..], s.Size);
            output.Write(header);
            output.Write(data, s.BodyOffset, (int)s.Size);
        }
        return output.ToArray();
    }

    // ------------------------------------------------------------------ JSON

    private enum TokenKind
    {
        String,
        Number,
        Literal,
        Punctuation,
        Space,
    }

    private readonly record struct Token(int Start, int Length, TokenKind Kind);

    private static List<Token> Tokenize(string text)
    {
        var tokens = new List<Token>();
        int i = 0;
        while (i < text.Length)
        {
            char c = text[i];
            int start = i;
            TokenKind kind;
            if (c == '"')
            {
                i++;
                while (i < text.Length && text[i] != '"')
                {
                    i += text[i] == '\\' ? 2 : 1;
                }
                i = Math.Min(i + 1, text.Length);
                kind = TokenKind.String;
            }
            else if (c is '-' or (>= '0' and <= '9'))
            {
                while (i < text.Length && text[i] is '-' or '+' or '.' or 'e' or 'E' or (>= '0' and <= '9'))
                {
                    i++;
                }
                kind = TokenKind.Number;
            }
            else if (char.IsAsciiLetter(c))
            {
                while (i < text.Length && char.IsAsciiLetter(text[i]))
                {
                    i++;
                }
                kind = TokenKind.Literal;
            }
            else if (char.IsWhiteSpace(c))
            {
                while (i < text.Length && char.IsWhiteSpace(text[i]))
                {
                    i++;
                }
                kind = TokenKind.Space;
            }
            else
            {
                i++;
                kind = TokenKind.Punctuation;
            }
            tokens.Add(new Token(start, i - start, kind));
        }
        return tokens;
    }

    private byte[] EditJsonTokens(byte[] data)
    {
        string text = Encoding.UTF8.GetString(data);
        List<Token> tokens = Tokenize(text);
        var values = tokens.Where(t => t.Kind is TokenKind.String or TokenKind.Number or TokenKind.Literal).ToList();
        if (values.Count == 0)
        {
            return MutateBytes(data);
        }
        Token v = values[random.Next(values.Count)];
        string before = text[..v.Start], token = text.Substring(v.Start, v.Length), after = text[(v.Start + v.Length)..];
        string result;
        switch (random.Next(7))
        {
            case 0:
            case 1: // replace a value by an edge case
                result = before + JsonValues[random.Next(JsonValues.Length)] + after;
                break;
            case 2: // delete a token (often leaves a syntax error, sometimes an empty value)
            {
                Token t = tokens[random.Next(tokens.Count)];
                result = text.Remove(t.Start, t.Length);
                break;
            }
            case 3: // duplicate a key: insert `"key": edge-case,` before an existing key
            {
                int next = tokens.IndexOf(v) + 1;
                while (next < tokens.Count && tokens[next].Kind == TokenKind.Space)
                {
                    next++;
                }
                bool isKey = v.Kind == TokenKind.String && next < tokens.Count && text[tokens[next].Start] == ':';
                result = isKey ? $"{before}{token}: {JsonValues[random.Next(JsonValues.Length)]}, {token}{after}" : before + token + token + after;
                break;
            }
            case 4: // change a digit of a number or decimal string
            {
                int[] digits = [.. Enumerable.Range(0, token.Length).Where(k => char.IsAsciiDigit(token[k]))];
                if (digits.Length == 0)
                {
                    result = before + JsonValues[random.Next(JsonValues.Length)] + after;
                    break;
                }
                int at = digits[random.Next(digits.Length)];
                result = random.Next(3) switch
                {
                    0 => before + token.Remove(at, 1) + after,
                    1 => before + token.Insert(at, ((char)('0' + random.Next(10))).ToString()) + after,
                    _ => before + token.Remove(at, 1).Insert(at, ((char)('0' + random.Next(10))).ToString()) + after,
                };
                break;
            }
            case 5: // wrap a value in arrays/objects, deeper than parsers allow at times
            {
                int depth = random.Next(2) == 0 ? 1 + random.Next(3) : 60 + random.Next(10);
                bool array = random.Next(2) == 0;
                result = before + (array ? new string('[', depth) : string.Concat(Enumerable.Repeat("{\"a\":", depth)))
                    + token + (array ? new string(']', depth) : new string('}', depth)) + after;
                break;
            }
            default: // swap two values
            {
                Token w = values[random.Next(values.Count)];
                if (w.Start == v.Start)
                {
                    result = before + after;
                    break;
                }
                (Token first, Token second) = w.Start < v.Start ? (w, v) : (v, w);
                result = text[..first.Start] + text.Substring(second.Start, second.Length)
                    + text[(first.Start + first.Length)..second.Start] + text.Substring(first.Start, first.Length)
                    + text[(second.Start + second.Length)..];
                break;
            }
        }
        return Encoding.UTF8.GetBytes(result);
    }

    private byte[] EditJsonTree(byte[] data)
    {
        JsonNode? root;
        try
        {
            root = JsonNode.Parse(data);
            if (root is null)
            {
                return EditJsonTokens(data);
            }
            var nodes = new List<JsonNode>();
            Collect(root, nodes);
            JsonNode node = nodes[random.Next(nodes.Count)];
            switch (node)
            {
                case JsonObject o when o.Count > 0 && random.Next(2) == 0:
                    o.Remove(o.ElementAt(random.Next(o.Count)).Key);
                    break;
                case JsonArray a when a.Count > 0:
                {
                    int i = random.Next(a.Count);
                    if (random.Next(2) == 0)
                    {
                        a.RemoveAt(i);
                    }
                    else
                    {
                        a.Insert(i, a[i]?.DeepClone());
                    }
                    break;
                }
                default:
                    if (node.Parent is JsonObject parent)
                    {
                        parent[parent.First(kv => ReferenceEquals(kv.Value, node)).Key] = JsonNode.Parse(JsonValues[random.Next(JsonValues.Length)]);
                    }
                    else if (node.Parent is JsonArray array)
                    {
                        array[array.IndexOf(node)] = JsonNode.Parse(JsonValues[random.Next(JsonValues.Length)]);
                    }
                    else
                    {
                        return EditJsonTokens(data);
                    }
                    break;
            }
            return Encoding.UTF8.GetBytes(root.ToJsonString());
        }
        catch (Exception e) when (e is System.Text.Json.JsonException or ArgumentException or InvalidOperationException)
        {
            // Not (or no longer) valid JSON, a duplicate key, or too deep: edit the text instead.
            return EditJsonTokens(data);
        }
    }

    private static void Collect(JsonNode node, List<JsonNode> nodes)
    {
        nodes.Add(node);
        switch (node)
        {
            case JsonObject o:
                foreach (var (_, child) in o)
                {
                    if (child is not null)
                    {
                        Collect(child, nodes);
                    }
                }
                break;
            case JsonArray a:
                foreach (JsonNode? child in a)
                {
                    if (child is not null)
                    {
                        Collect(child, nodes);
                    }
                }
                break;
        }
    }

    private static string[] BuildJsonValues()
    {
        string r = Fr.Modulus.ToString();
        string p = Fq.Modulus.ToString();
        string rMinus1 = (Fr.Modulus - 1).ToString();
        string twoTo256 = (BigInteger.One << 256).ToString();
        string longDigits = new('9', 400);
        return
        [
            "null", "true", "false", "0", "1", "-1", "-0", "0.5", "1e400", "-1e400", "1E+2", "9223372036854775807", "9223372036854775808",
            "-9223372036854775809", "18446744073709551616", "340282366920938463463374607431768211456", "2147483648", "4294967296",
            "\"\"", "\" \"", "\"0\"", "\"1\"", "\"-1\"", "\"+1\"", "\"007\"", "\"0x10\"", "\"0x\"", "\"1.5\"", "\"1,000\"", "\"1_0\"", "\"1e3\"",
            "\"NaN\"", "\"Infinity\"", "\"9223372036854775808\"", "\"-9223372036854775808\"", "\"170141183460469231731687303715884105728\"",
            $"\"{r}\"", $"\"{rMinus1}\"", $"\"{p}\"", $"\"{twoTo256}\"", $"\"{longDigits}\"", $"\"-{r}\"", "\"\\u0000\"", "\"\\ud800\"", "\"é\"",
            "\"0x0000000000000000000000000000000000000000\"", "\"0xZZ00000000000000000000000000000000000000\"",
            "{}", "[]", "[[]]", "{\"a\":1}", "[\"1\",\"2\",\"3\"]", "[1,2]", "[\"1\",\"2\"]", "[\"0\",\"0\",\"0\"]", "[\"1\",\"2\",\"1\"]",
        ];
    }
}
