// SPDX-License-Identifier: MIT
using System.Numerics;
using System.Text.Json;
using ZkOptions.Prover.Solidity.Abi;

namespace ZkOptions.Evm.Harness;

/// <summary>
/// Execution reverted (an <c>eth_call</c>, a gas estimate, or a transaction while its gas was being estimated).
/// Carries the raw revert data and, when the data is a standard <c>Error(string)</c> or <c>Panic(uint256)</c>, the
/// decoded reason or panic code.
/// </summary>
public sealed class EvmRevertException : EthRpcException
{
    private static readonly byte[] ErrorSelector = AbiEncoder.FunctionSelector("Error(string)");
    private static readonly byte[] PanicSelector = AbiEncoder.FunctionSelector("Panic(uint256)");

    /// <summary>Creates the exception from the node's error object; <paramref name="revertData"/> is what the contract reverted with.</summary>
    public EvmRevertException(string method, long code, string rpcMessage, JsonElement? data, byte[] revertData)
        : this(method, code, rpcMessage, data, revertData, Decode(revertData))
    {
    }

    private EvmRevertException(
        string method, long code, string rpcMessage, JsonElement? data, byte[] revertData, (string? Reason, BigInteger? Panic) decoded)
        : base(method, code, rpcMessage, data, Describe(method, revertData, decoded))
    {
        RevertData = revertData;
        Reason = decoded.Reason;
        PanicCode = decoded.Panic;
    }

    /// <summary>The bytes the contract reverted with (empty for a bare <c>revert()</c> or a failed <c>require</c> without message).</summary>
    public byte[] RevertData { get; }

    /// <summary>The message of <c>require(cond, "message")</c> / <c>revert("message")</c>; null for other revert data.</summary>
    public string? Reason { get; }

    /// <summary>The code of a compiler-inserted <c>Panic(uint256)</c> (0x01 assert, 0x11 overflow, 0x12 division by zero, ...); null otherwise.</summary>
    public BigInteger? PanicCode { get; }

    /// <summary>The first 4 bytes of the revert data (a custom error's selector), or null when there are fewer than 4.</summary>
    public byte[]? Selector => RevertData.Length >= 4 ? RevertData[..4] : null;

    private static (string? Reason, BigInteger? Panic) Decode(byte[] data)
    {
        if (data.Length < 4)
        {
            return (null, null);
        }
        try
        {
            if (data.AsSpan(0, 4).SequenceEqual(ErrorSelector))
            {
                return ((string?)AbiDecoder.DecodeSingle(AbiType.String, data.AsSpan(4)), null);
            }
            if (data.AsSpan(0, 4).SequenceEqual(PanicSelector))
            {
                return (null, (BigInteger?)AbiDecoder.DecodeSingle(AbiType.UInt256, data.AsSpan(4)));
            }
        }
        catch (FormatException)
        {
            // Looks like Error/Panic but is malformed: keep the raw data only.
        }
        return (null, null);
    }

    private static string Describe(string method, byte[] data, (string? Reason, BigInteger? Panic) decoded) =>
        decoded.Reason is not null ? $"{method}: execution reverted: {decoded.Reason}"
        : decoded.Panic is { } panic ? $"{method}: execution reverted with Panic(0x{panic:x2})"
        : data.Length == 0 ? $"{method}: execution reverted without data"
        : $"{method}: execution reverted with {data.Length} bytes of data {EthHex.Data(data.AsSpan(0, Math.Min(data.Length, 68)))}{(data.Length > 68 ? "…" : "")}";
}
