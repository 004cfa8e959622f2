// SPDX-License-Identifier: MIT
namespace ZkOptions.Evm.Harness;

/// <summary>One contract from a solc run.</summary>
/// <param name="SourcePath">The source file (the key given to the compiler).</param>
/// <param name="Name">The contract name.</param>
/// <param name="AbiJson">The ABI, as JSON text.</param>
/// <param name="CreationBytecodeHex">Creation (init) code as hex without 0x; may hold <c>__$…$__</c> library placeholders.</param>
/// <param name="DeployedBytecodeHex">Runtime code as hex without 0x; may hold library placeholders.</param>
public sealed record CompiledContract(
    string SourcePath, string Name, string AbiJson, string CreationBytecodeHex, string DeployedBytecodeHex)
{
    /// <summary><c>path:Name</c>, unique within one compilation.</summary>
    public string FullyQualifiedName => $"{SourcePath}:{Name}";

    /// <summary>Creation code: what a deployment transaction carries (before any constructor arguments). Empty for abstract contracts and interfaces.</summary>
    /// <exception cref="InvalidOperationException">The code needs library linking, which this harness does not do.</exception>
    public byte[] CreationBytecode => Bytes(CreationBytecodeHex, "creation");

    /// <summary>Runtime code: what the chain stores at the contract's address (its size is what EIP-170 limits).</summary>
    /// <exception cref="InvalidOperationException">The code needs library linking, which this harness does not do.</exception>
    public byte[] DeployedBytecode => Bytes(DeployedBytecodeHex, "deployed");

    private byte[] Bytes(string hex, string which) =>
        hex.Contains("__", StringComparison.Ordinal)
            ? throw new InvalidOperationException($"The {which} bytecode of {FullyQualifiedName} references external libraries, which the harness does not link.")
            : Convert.FromHexString(hex);
}
