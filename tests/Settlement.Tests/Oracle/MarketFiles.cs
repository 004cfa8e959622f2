// SPDX-License-Identifier: MIT
using System.Text.Json.Nodes;

namespace ZkOptions.Settlement.Tests.Oracle;

/// <summary>The built-in market file (vectors/settlement/market-default.json) and small markets for tests.</summary>
internal static class MarketFiles
{
    public static string DefaultPath { get; } = RepoFile("vectors", "settlement", "market-default.json");

    public static string RepoFile(params string[] parts)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "zkoptions.sln")))
            {
                return Path.Combine([dir.FullName, .. parts]);
            }
        }
        throw new InvalidOperationException("zkoptions.sln not found above the test assembly.");
    }

    /// <summary>The default market with <paramref name="edit"/> applied, as text.</summary>
    public static string DefaultWith(Action<JsonObject> edit)
    {
        var root = JsonNode.Parse(File.ReadAllText(DefaultPath))!.AsObject();
        edit(root);
        return root.ToJsonString();
    }

    public const long Now = 1_767_225_600;          // 2026-01-01T00:00:00Z
    public const long Expiry = Now + 30 * 86_400;

    /// <summary>One underlying (id 1, spot 100,000), one live expiry in 30 days, the given series and an optional expired one.</summary>
    public static string Small(string series, string extraExpiries = "", double rate = 0.0) => $$$"""
        {"epoch": "3", "timestamp": "{{{Now}}}", "underlyings": [{
          "id": 1, "spot": "100000", "rate": {{{rate.ToString(System.Globalization.CultureInfo.InvariantCulture)}}},
          "expiries": [{"expiry": "{{{Expiry}}}", "svi": {"a": 0.02, "b": 0.04, "rho": -0.3, "m": 0.0, "sigma": 0.1}}{{{extraExpiries}}}],
          "series": [{{{series}}}]}]}
        """;
}
