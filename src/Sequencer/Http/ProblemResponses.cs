// SPDX-License-Identifier: MIT
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using ZkOptions.Sequencer.Core;
using ZkOptions.Settlement.Serialization;

namespace ZkOptions.Sequencer.Http;

/// <summary>RFC 7807 problem bodies (<c>application/problem+json</c>): type, title, status, detail, and the request field at fault.</summary>
public static class ProblemResponses
{
    /// <summary>The problem of <paramref name="refusal"/>.</summary>
    public static IResult Of(Refusal refusal, HttpContext context)
    {
        var body = new JsonObject
        {
            ["type"] = "about:blank",
            ["title"] = refusal.Title,
            ["status"] = refusal.Status,
            ["detail"] = refusal.Detail,
            ["field"] = refusal.Field,
            ["instance"] = context.Request.Path.Value,
        };
        foreach (var (name, value) in refusal.Members ?? new Dictionary<string, string>())
        {
            body[name] = value;
        }
        return Results.Text(body.ToJsonString(), "application/problem+json", statusCode: refusal.Status);
    }

    /// <summary>A 400 for a body that is not the JSON the endpoint reads; the field is the JSON path the problem names.</summary>
    public static Refusal FromInput(SettlementInputException e) => Refusal.BadRequest(FieldOf(e.Problem), e.Problem);

    // JsonFields' messages start with the path at fault ("limitPrice must be …", "signature.S = …"); a message about
    // the body as a whole ("not valid JSON …", "the top level …") names none.
    private static string? FieldOf(string problem)
    {
        int space = problem.IndexOf(' ', StringComparison.Ordinal);
        string first = (space < 0 ? problem : problem[..space]).TrimEnd(':');
        bool pathLike = first.Length > 0 && (char.IsLetter(first[0]) || first[0] == '_') && first.All(c => char.IsLetterOrDigit(c) || c is '.' or '[' or ']' or '_');
        return pathLike && first is not ("not" or "the") ? first : null;
    }
}
