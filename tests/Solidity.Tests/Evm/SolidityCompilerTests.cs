// SPDX-License-Identifier: MIT
using ZkOptions.Evm.Harness;

namespace ZkOptions.Solidity.Tests.Evm;

/// <summary>The pinned solcjs through <see cref="SolidityCompiler"/>: outputs, settings, errors and warnings.</summary>
public sealed class SolidityCompilerTests
{
    [Fact]
    public async Task Compiles_with_the_pinned_solc_and_its_default_evm_version()
    {
        CompilationResult result = await new SolidityCompiler().CompileAsync(CounterContract.FileName, CounterContract.Source);

        Assert.StartsWith("0.8.37+", result.CompilerVersion);
        // solc 0.8.37 targets Osaka unless told otherwise.
        Assert.Equal("osaka", result.EvmVersion);
        CompiledContract counter = result.Contract("Counter");
        Assert.Equal("Counter.sol:Counter", counter.FullyQualifiedName);
        Assert.Contains("\"increment\"", counter.AbiJson);
        Assert.NotEmpty(counter.DeployedBytecode);
        Assert.True(counter.CreationBytecode.Length > counter.DeployedBytecode.Length);
    }

    [Fact]
    public async Task Settings_reach_the_compiler()
    {
        var compiler = new SolidityCompiler(new SolcOptions { EvmVersion = "cancun", Optimize = false });

        CompilationResult result = await compiler.CompileAsync(CounterContract.FileName, CounterContract.Source);
        CompiledContract optimized = (await new SolidityCompiler().CompileAsync(CounterContract.FileName, CounterContract.Source)).Contract("Counter");

        Assert.Equal("cancun", result.EvmVersion);
        Assert.True(result.Contract("Counter").DeployedBytecode.Length > optimized.DeployedBytecode.Length,
            "the optimizer should shrink the runtime code");
    }

    [Fact]
    public async Task Via_ir_compiles_through_the_ir_pipeline()
    {
        var viaIr = new SolidityCompiler(new SolcOptions { ViaIR = true });
        CompiledContract legacy = (await new SolidityCompiler().CompileAsync(CounterContract.FileName, CounterContract.Source)).Contract("Counter");

        CompiledContract ir = (await viaIr.CompileAsync(CounterContract.FileName, CounterContract.Source)).Contract("Counter");

        Assert.NotEmpty(ir.DeployedBytecode);
        Assert.NotEqual(legacy.DeployedBytecodeHex, ir.DeployedBytecodeHex);
    }

    [Fact]
    public async Task A_syntax_error_raises_solcs_message()
    {
        const string broken = "// SPDX-License-Identifier: MIT\npragma solidity ^0.8.0;\ncontract Broken { function f() public { uint x = } }\n";

        var e = await Assert.ThrowsAsync<SolidityCompilationException>(() => new SolidityCompiler().CompileAsync("Broken.sol", broken));

        SolcDiagnostic error = Assert.Single(e.Errors);
        Assert.Equal("ParserError", error.Type);
        Assert.Equal("Broken.sol", error.SourcePath);
        Assert.Contains("ParserError", e.Message);
        Assert.Contains("Broken.sol:3:", e.Message);
    }

    [Fact]
    public async Task Compiles_several_files_and_reports_warnings()
    {
        var sources = new Dictionary<string, string>
        {
            ["lib/Math.sol"] = "// SPDX-License-Identifier: MIT\npragma solidity ^0.8.0;\nlibrary Math { function twice(uint a) internal pure returns (uint) { return 2 * a; } }\n",
            ["Main.sol"] = "// SPDX-License-Identifier: MIT\npragma solidity ^0.8.0;\nimport \"lib/Math.sol\";\n" +
                           "contract Main { function f(uint a) external pure returns (uint) { uint unused; return Math.twice(a); } }\n",
        };

        CompilationResult result = await new SolidityCompiler().CompileAsync(sources);

        Assert.Equal(["Math", "Main"], result.Contracts.Select(c => c.Name).Order(StringComparer.Ordinal).Reverse());
        Assert.Contains(result.Warnings, w => w.Message.Contains("Unused local variable"));
        Assert.Throws<KeyNotFoundException>(() => result.Contract("Missing"));
    }
}
