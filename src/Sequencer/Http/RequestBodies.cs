// SPDX-License-Identifier: MIT
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using ZkOptions.Sequencer.Core;
using ZkOptions.Settlement.Serialization;

namespace ZkOptions.Sequencer.Http;

/// <summary>Reads a request body as one JSON object, refusing bodies over the size limit (413) and malformed JSON (400).</summary>
public static class RequestBodies
{
    /// <summary>The largest body any endpoint takes (an oracle epoch of a few hundred series fits).</summary>
    public const int MaxBytes = 1 << 20;

    /// <summary>The body as an object, or the refusal.</summary>
    public static async Task<(JsonObject? Body, Refusal? Refusal)> ReadObject(HttpRequest request)
    {
        if (request.ContentLength > MaxBytes)
        {
            return (null, TooLarge(request.ContentLength.Value));
        }
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int n;
        while ((n = await request.Body.ReadAsync(chunk)) > 0)
        {
            buffer.Write(chunk, 0, n);
            if (buffer.Length > MaxBytes)
            {
                return (null, TooLarge(buffer.Length));
            }
        }
        string text;
        try
        {
            text = new UTF8Encoding(false, true).GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
        }
        catch (DecoderFallbackException)
        {
            return (null, Refusal.BadRequest(null, "the body is not UTF-8"));
        }
        var json = new JsonFields("request body");
        try
        {
            JsonObject o = json.ParseObject(text);
            json.RequireUniqueProperties(o);
            return (o, null);
        }
        catch (SettlementInputException e)
        {
            return (null, ProblemResponses.FromInput(e));
        }
    }

    private static Refusal TooLarge(long size) =>
        new(413, "request body too large", null, $"the body has {size} bytes or more; the limit is {MaxBytes}");
}
