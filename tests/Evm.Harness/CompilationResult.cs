// SPDX-License-Identifier: MIT
namespace ZkOptions.Evm.Harness;

/// <summary>What one successful solc run produced.</summary>
/// <param name="CompilerVersion">solc's full version, e.g. "0.8.37+commit.f401782d.Emscripten.clang".</param>
/// <param name="EvmVersion">The EVM version the code targets (from the contracts' metadata); null when there are no contracts.</param>
/// <param name="Contracts">Every contract, interface and library in every source.</param>
/// <param name="Diagnostics">solc's warnings and infos (errors would have thrown).</param>
public sealed record CompilationResult(
    string CompilerVersion, string? EvmVersion, IReadOnlyList<CompiledContract> Contracts, IReadOnlyList<SolcDiagnostic> Diagnostics)
{
    /// <summary>Only the warnings.</summary>
    public IReadOnlyList<SolcDiagnostic> Warnings => [.. Diagnostics.Where(d => d.Severity == "warning")];

    /// <summary>The contract called <paramref name="name"/>, or <c>path:Name</c> when the name alone is ambiguous.</summary>
    /// <exception cref="KeyNotFoundException">No such contract, or the bare name matches several; the message lists what there is.</exception>
    public CompiledContract Contract(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        CompiledContract[] matches = [.. Contracts.Where(c => c.Name == name || c.FullyQualifiedName == name)];
        return matches.Length switch
        {
            1 => matches[0],
            0 => throw new KeyNotFoundException($"No contract '{name}'; compiled: {string.Join(", ", Contracts.Select(c => c.FullyQualifiedName))}."),
            _ => throw new KeyNotFoundException($"'{name}' is ambiguous; use one of {string.Join(", ", matches.Select(c => c.FullyQualifiedName))}."),
        };
    }
}
