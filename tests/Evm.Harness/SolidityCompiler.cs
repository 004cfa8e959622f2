// SPDX-License-Identifier: MIT
using System.Text.Json;
using System.Text.Json.Nodes;

namespace ZkOptions.Evm.Harness;

/// <summary>
/// Compiles Solidity with the pinned solcjs (tools/node_modules/solc) through node and standard-JSON, so every test
/// and benchmark compiles with exactly the compiler version package.json pins.
/// </summary>
/// <param name="options">Optimizer, EVM version and IR settings; null for the defaults (optimizer on, 200 runs).</param>
public sealed class SolidityCompiler(SolcOptions? options = null)
{
    /// <summary>The settings every compilation uses.</summary>
    public SolcOptions Options { get; } = options ?? new SolcOptions();

    /// <summary>Compiles one source file.</summary>
    /// <exception cref="SolidityCompilationException">solc reported errors.</exception>
    public Task<CompilationResult> CompileAsync(string sourcePath, string source, CancellationToken cancellationToken = default) =>
        CompileAsync(new Dictionary<string, string> { [sourcePath] = source }, cancellationToken);

    /// <summary>Compiles several sources together (keys are the paths imports refer to, e.g. "Verifier.sol").</summary>
    /// <exception cref="SolidityCompilationException">solc reported errors.</exception>
    /// <exception cref="InvalidOperationException">node or solcjs itself failed (not a Solidity error).</exception>
    public async Task<CompilationResult> CompileAsync(
        IReadOnlyDictionary<string, string> sources, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(sources);
        if (sources.Count == 0)
        {
            throw new ArgumentException("Give at least one source.", nameof(sources));
        }
        string input = StandardJsonInput(sources).ToJsonString();
        ToolRun run = await ToolRun.RunAsync(
            NpmTools.Node, [NpmTools.SolcScript, NpmTools.SolcPackage], input, Options.Timeout, cancellationToken);
        if (run.ExitCode != 0)
        {
            throw new InvalidOperationException($"solcjs (node {NpmTools.SolcScript}) exited with {run.ExitCode}: {run.StandardError.Trim()}");
        }
        return ParseOutput(run.StandardOutput);
    }

    /// <summary>Compiles one source file, synchronously.</summary>
    /// <exception cref="SolidityCompilationException">solc reported errors.</exception>
    public CompilationResult Compile(string sourcePath, string source) =>
        CompileAsync(sourcePath, source).GetAwaiter().GetResult();

    /// <summary>Compiles several sources together, synchronously.</summary>
    /// <exception cref="SolidityCompilationException">solc reported errors.</exception>
    public CompilationResult Compile(IReadOnlyDictionary<string, string> sources) =>
        CompileAsync(sources).GetAwaiter().GetResult();

    private JsonObject StandardJsonInput(IReadOnlyDictionary<string, string> sources)
    {
        var sourceNodes = new JsonObject();
        foreach ((string path, string content) in sources)
        {
            sourceNodes[path] = new JsonObject { ["content"] = content };
        }
        var settings = new JsonObject
        {
            ["optimizer"] = new JsonObject { ["enabled"] = Options.Optimize, ["runs"] = Options.OptimizerRuns },
            ["outputSelection"] = new JsonObject
            {
                ["*"] = new JsonObject
                {
                    ["*"] = new JsonArray("abi", "metadata", "evm.bytecode.object", "evm.deployedBytecode.object"),
                },
            },
        };
        if (Options.EvmVersion is not null)
        {
            settings["evmVersion"] = Options.EvmVersion;
        }
        if (Options.ViaIR)
        {
            settings["viaIR"] = true;
        }
        return new JsonObject { ["language"] = "Solidity", ["sources"] = sourceNodes, ["settings"] = settings };
    }

    private static CompilationResult ParseOutput(string json)
    {
        using JsonDocument document = JsonDocument.Parse(json);
        JsonElement root = document.RootElement;
        string version = root.GetProperty("version").GetString() ?? "";
        JsonElement output = root.GetProperty("output");

        var diagnostics = new List<SolcDiagnostic>();
        if (output.TryGetProperty("errors", out JsonElement errors))
        {
            foreach (JsonElement e in errors.EnumerateArray())
            {
                diagnostics.Add(new SolcDiagnostic(
                    Text(e, "severity") ?? "error",
                    Text(e, "type") ?? "",
                    Text(e, "message") ?? "",
                    Text(e, "formattedMessage") ?? Text(e, "message") ?? "",
                    e.TryGetProperty("sourceLocation", out JsonElement location) ? Text(location, "file") : null));
            }
        }
        if (diagnostics.Any(d => d.IsError))
        {
            throw new SolidityCompilationException(diagnostics);
        }

        var contracts = new List<CompiledContract>();
        string? evmVersion = null;
        if (output.TryGetProperty("contracts", out JsonElement files))
        {
            foreach (JsonProperty file in files.EnumerateObject())
            {
                foreach (JsonProperty contract in file.Value.EnumerateObject())
                {
                    JsonElement c = contract.Value;
                    JsonElement evm = c.GetProperty("evm");
                    contracts.Add(new CompiledContract(
                        file.Name,
                        contract.Name,
                        c.GetProperty("abi").GetRawText(),
                        evm.GetProperty("bytecode").GetProperty("object").GetString() ?? "",
                        evm.GetProperty("deployedBytecode").GetProperty("object").GetString() ?? ""));
                    if (evmVersion is null && Text(c, "metadata") is { Length: > 0 } metadata)
                    {
                        using JsonDocument meta = JsonDocument.Parse(metadata);
                        evmVersion = Text(meta.RootElement.GetProperty("settings"), "evmVersion");
                    }
                }
            }
        }
        return new CompilationResult(version, evmVersion, contracts, diagnostics);
    }

    private static string? Text(JsonElement element, string property) =>
        element.TryGetProperty(property, out JsonElement value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
