// SPDX-License-Identifier: MIT
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace ZkOptions.Sequencer.Tests;

/// <summary>The service serves docs/openapi.json, and that document describes exactly the REST routes the service maps.</summary>
public sealed class OpenApiTests
{
    [Fact]
    public async Task The_served_document_is_the_checked_in_one_and_lists_every_route_with_its_method()
    {
        await using RunningSequencer s = await RunningSequencer.StartAsync();
        string served = await s.Client.Http.GetStringAsync("/openapi.json");
        string repo = Path.GetDirectoryName(ServeProcess.Binary)!;
        while (!File.Exists(Path.Combine(repo, "zkoptions.sln")))
        {
            repo = Path.GetDirectoryName(repo)!;
        }
        Assert.Equal(File.ReadAllText(Path.Combine(repo, "docs", "openapi.json")), served);

        JsonObject paths = JsonNode.Parse(served)!["paths"]!.AsObject();
        var documented = paths.SelectMany(p => p.Value!.AsObject().Select(m => $"{m.Key.ToUpperInvariant()} {p.Key}")).ToHashSet();
        var mapped = new HashSet<string>();
        foreach (RouteEndpoint e in s.Host.App.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>())
        {
            string route = "/" + string.Join('/', e.RoutePattern.PathSegments.Select(seg => string.Concat(seg.Parts.Select(part => part switch
            {
                Microsoft.AspNetCore.Routing.Patterns.RoutePatternLiteralPart l => l.Content,
                Microsoft.AspNetCore.Routing.Patterns.RoutePatternParameterPart p => "{" + p.Name + "}",
                _ => "?",
            }))));
            if (route.StartsWith("/ws/", StringComparison.Ordinal))
            {
                continue; // WebSocket streams: listed in the description's text, not as operations
            }
            foreach (string method in e.Metadata.GetMetadata<Microsoft.AspNetCore.Routing.HttpMethodMetadata>()?.HttpMethods ?? [])
            {
                mapped.Add($"{method} {route}");
            }
        }
        Assert.Empty(mapped.Except(documented));
        Assert.Empty(documented.Except(mapped));
    }
}
