// SPDX-License-Identifier: MIT
namespace ZkOptions.Evm.Harness;

/// <summary>Compiler settings for <see cref="SolidityCompiler"/>.</summary>
public sealed record SolcOptions
{
    /// <summary>Whether the optimizer runs (default: on).</summary>
    public bool Optimize { get; init; } = true;

    /// <summary>The optimizer's expected number of runs per deployed opcode (default 200, solc's own default).</summary>
    public int OptimizerRuns { get; init; } = 200;

    /// <summary>Target EVM version, e.g. "cancun" or "osaka"; null leaves solc's default (osaka for solc 0.8.37).</summary>
    public string? EvmVersion { get; init; }

    /// <summary>Compile through the Yul IR pipeline (default: off).</summary>
    public bool ViaIR { get; init; }

    /// <summary>How long one solcjs run may take before it is killed (default: 5 minutes; solcjs is slow on large contracts).</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromMinutes(5);
}
