// SPDX-License-Identifier: MIT
using System.Text.Json;
using System.Text.Json.Nodes;

namespace ZkOptions.Field.Encoding;

/// <summary>
/// JSON read from outside, parsed so that every problem surfaces as a <see cref="JsonException"/> at parse time.
/// System.Text.Json accepts two things it later throws on with bare exceptions: a member given twice (an
/// <see cref="ArgumentException"/> when the object is first read) and a string or member name escaping half of a
/// UTF-16 surrogate pair, such as <c>"\uD800"</c> alone (an <see cref="InvalidOperationException"/> when it is
/// read). Every reader of external JSON parses through here and wraps the message with its file's name.
/// </summary>
public static class StrictJson
{
    /// <summary>The nesting depth allowed (System.Text.Json's default).</summary>
    public const int MaxDepth = 64;

    /// <summary>Parses <paramref name="text"/>, refusing duplicate members and unpaired surrogate escapes.</summary>
    /// <exception cref="JsonException">The text is not valid JSON, repeats a member, or escapes half a surrogate pair.</exception>
    public static JsonNode? Parse(string text)
    {
        ThrowOnUnpairedSurrogate(text);
        return JsonNode.Parse(text, documentOptions: new JsonDocumentOptions { MaxDepth = MaxDepth, AllowDuplicateProperties = false });
    }

    /// <summary>Fails on the first string or member name that escapes half of a surrogate pair.</summary>
    /// <exception cref="JsonException">The text is not valid JSON, or such a string is found (its byte offset is named).</exception>
    public static void ThrowOnUnpairedSurrogate(string text)
    {
        var reader = new Utf8JsonReader(System.Text.Encoding.UTF8.GetBytes(text), new JsonReaderOptions { MaxDepth = MaxDepth });
        while (reader.Read())
        {
            if (reader.TokenType is JsonTokenType.String or JsonTokenType.PropertyName && reader.ValueIsEscaped)
            {
                try
                {
                    reader.GetString();
                }
                catch (InvalidOperationException)
                {
                    throw new JsonException($"the string at byte {reader.TokenStartIndex} escapes half of a UTF-16 surrogate pair (\\uD800-\\uDFFF without its other half)");
                }
            }
        }
    }
}
