// SPDX-License-Identifier: MIT
using System.Globalization;
using System.Numerics;
using System.Text.Json;
using ZkOptions.Field.Encoding;
using ZkOptions.Circuit.Compiler;
using ZkOptions.Field;
using ZkOptions.Prover.Formats;

namespace ZkOptions.Circuit.Solving;

/// <summary>
/// Values for a circuit's inputs, by name, as an input JSON gives them (circom's convention):
/// <c>{"x": "3", "path": ["1", "0x2a", -5]}</c>. Values are decimal or 0x-hex strings or JSON integers; negatives
/// mean r − |v|. Every value must be below r in absolute value. Validated against the circuit by <see cref="ValuesFor"/>.
/// </summary>
public sealed class InputAssignment
{
    private readonly Dictionary<string, (Fr[] Values, bool IsArray)> values = new(StringComparer.Ordinal);

    /// <summary>The file (or other source) named in error messages.</summary>
    public string Source { get; }

    /// <summary>An empty assignment; add values with <see cref="Set(string, Fr)"/>.</summary>
    public InputAssignment(string source = "<inputs>") => Source = source;

    /// <summary>Sets a scalar input.</summary>
    public InputAssignment Set(string name, Fr value)
    {
        values[name] = ([value], false);
        return this;
    }

    /// <summary>Sets an array input.</summary>
    public InputAssignment Set(string name, IEnumerable<Fr> array)
    {
        values[name] = (array.ToArray(), true);
        return this;
    }

    /// <summary>
    /// The values a circuit instance's inputs hold (<c>new MyCircuit { Price = 150, Quantity = 10 }</c>), by input
    /// name, as an input JSON would give them. An input left unassigned is 0 (<c>default(Variable)</c>); an input that
    /// holds a wire (a compiled instance) is an <see cref="ArgumentException"/>.
    /// </summary>
    public static InputAssignment FromCircuit(Circuit assigned)
    {
        ArgumentNullException.ThrowIfNull(assigned);
        var binding = new CircuitInputBinding(assigned);
        var layout = binding.Layout();
        var arrays = layout.ToDictionary(i => i.Name, i => new Fr[i.Count], StringComparer.Ordinal);
        foreach (var (input, index, value) in binding.Values(layout))
        {
            if (!value.IsConstant)
            {
                throw new ArgumentException($"input '{input.ElementName(index)}' of {assigned.GetType().Name} is not a value (was the instance compiled?); assign values to a fresh instance", nameof(assigned));
            }
            arrays[input.Name][index] = value.ConstantValue;
        }
        var assignment = new InputAssignment(assigned.GetType().Name);
        foreach (var input in layout)
        {
            if (input.Length is null)
            {
                assignment.Set(input.Name, arrays[input.Name][0]);
            }
            else
            {
                assignment.Set(input.Name, arrays[input.Name]);
            }
        }
        return assignment;
    }

    /// <summary>Reads an input JSON file.</summary>
    public static InputAssignment ReadFile(string path)
    {
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new InputFileException(path, $"cannot be read: {e.Message}");
        }
        return Parse(text, path);
    }

    /// <summary>Parses input JSON; errors name <paramref name="source"/> and the input.</summary>
    public static InputAssignment Parse(string json, string source)
    {
        var assignment = new InputAssignment(source);
        JsonDocument document;
        try
        {
            StrictJson.ThrowOnUnpairedSurrogate(json);
            document = JsonDocument.Parse(json);
        }
        catch (JsonException e)
        {
            throw new InputFileException(source, $"is not valid JSON: {e.Message}");
        }
        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                throw new InputFileException(source, "must hold a JSON object of input names to values");
            }
            foreach (var property in document.RootElement.EnumerateObject())
            {
                if (property.Value.ValueKind == JsonValueKind.Array)
                {
                    var array = new List<Fr>();
                    int i = 0;
                    foreach (var element in property.Value.EnumerateArray())
                    {
                        array.Add(ParseValue(element, source, $"{property.Name}[{i++}]"));
                    }
                    assignment.Set(property.Name, array);
                }
                else
                {
                    assignment.Set(property.Name, ParseValue(property.Value, source, property.Name));
                }
            }
        }
        return assignment;
    }

    /// <summary>Parses one value: a decimal or 0x-hex string or a JSON integer, possibly negative, |v| &lt; r.</summary>
    public static bool TryParseValue(string text, out Fr value)
    {
        value = default;
        text = text.Trim();
        bool negative = text.StartsWith('-');
        string digits = negative ? text[1..] : text;
        BigInteger magnitude;
        if (digits.StartsWith("0x", StringComparison.OrdinalIgnoreCase))
        {
            if (digits.Length == 2 || !BigInteger.TryParse("0" + digits[2..], NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out magnitude))
            {
                return false;
            }
        }
        else if (digits.Length == 0 || !digits.All(char.IsAsciiDigit) || !BigInteger.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out magnitude))
        {
            return false;
        }
        if (magnitude >= Fr.Modulus)
        {
            return false;
        }
        value = Fr.FromBigInteger(magnitude);
        if (negative)
        {
            value = -value;
        }
        return true;
    }

    private static Fr ParseValue(JsonElement element, string source, string name)
    {
        string text = element.ValueKind switch
        {
            JsonValueKind.String => element.GetString()!,
            JsonValueKind.Number => element.GetRawText(),
            _ => throw new InputFileException(source, $"input '{name}' must be a number or a string of one, not {element.ValueKind.ToString().ToLowerInvariant()}"),
        };
        if (!TryParseValue(text, out Fr value))
        {
            throw new InputFileException(source, $"input '{name}' = {Shorten(text)} is not an integer (decimal or 0x-hex) with |value| < r");
        }
        return value;
    }

    private static string Shorten(string text) => text.Length > 80 ? $"\"{text[..77]}...\"" : $"\"{text}\"";

    /// <summary>The values of <paramref name="input"/>; throws naming the source when missing or of the wrong shape.</summary>
    internal Fr[] ValuesFor(CircuitInput input)
    {
        if (!values.TryGetValue(input.Name, out var entry))
        {
            throw new InputFileException(Source, $"has no value for input '{input.Name}'" + (input.Length is int n ? $" (an array of {n})" : ""));
        }
        if (input.Length is int length)
        {
            if (!entry.IsArray || entry.Values.Length != length)
            {
                throw new InputFileException(Source, $"input '{input.Name}' must be an array of {length} values, got {(entry.IsArray ? $"{entry.Values.Length}" : "a single value")}");
            }
        }
        else if (entry.IsArray)
        {
            throw new InputFileException(Source, $"input '{input.Name}' must be a single value, got an array");
        }
        return entry.Values;
    }

    /// <summary>Throws when the assignment names an input the circuit does not have.</summary>
    internal void CheckNoExtra(IReadOnlyList<CircuitInput> inputs)
    {
        foreach (var name in values.Keys)
        {
            if (!inputs.Any(i => i.Name == name))
            {
                throw new InputFileException(Source, $"names input '{name}', which the circuit does not have (its inputs: {string.Join(", ", inputs.Select(i => i.Name))})");
            }
        }
    }
}
