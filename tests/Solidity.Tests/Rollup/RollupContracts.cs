// SPDX-License-Identifier: MIT
using ZkOptions.Evm.Harness;
using ZkOptions.Prover.Solidity;
using ZkOptions.Prover.Tests.Support;

namespace ZkOptions.Solidity.Tests.Rollup;

/// <summary>
/// The contracts of <c>solidity/</c> (OptionsRollup, TestUsdc, PoseidonT3/5/7/10 and their tables), compiled once per
/// test process with the pinned solcjs (optimizer on, 200 runs): solcjs takes seconds, so every fixture shares it.
/// </summary>
public static class RollupContracts
{
    private static readonly Lazy<CompilationResult> Compiled = new(Compile, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>The folder holding the contract sources.</summary>
    public static string SolidityDirectory => Path.Combine(RepoPaths.Root, "solidity");

    /// <summary>The compilation of every source in <see cref="SolidityDirectory"/>.</summary>
    public static CompilationResult Compilation => Compiled.Value;

    public static CompiledContract Rollup => Compilation.Contract("OptionsRollup");

    public static CompiledContract Token => Compilation.Contract("TestUsdc");

    /// <summary>The hasher of width <paramref name="t"/>.</summary>
    public static CompiledContract Poseidon(int t) => Compilation.Contract($"PoseidonT{t}");

    /// <summary>The table contracts of width <paramref name="t"/>, in constructor order.</summary>
    public static IReadOnlyList<CompiledContract> PoseidonTables(int t) =>
        [.. Enumerable.Range(0, PoseidonSolidity.TableCodes(t).Count).Select(k => Compilation.Contract($"PoseidonT{t}Table{k}"))];

    private static CompilationResult Compile()
    {
        var sources = Directory.GetFiles(SolidityDirectory, "*.sol")
            .OrderBy(f => f, StringComparer.Ordinal)
            .ToDictionary(f => Path.GetFileName(f), File.ReadAllText);
        return new SolidityCompiler().Compile(sources);
    }
}
