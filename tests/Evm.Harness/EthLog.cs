// SPDX-License-Identifier: MIT
namespace ZkOptions.Evm.Harness;

/// <summary>One event log from a transaction receipt.</summary>
/// <param name="Address">The emitting contract.</param>
/// <param name="Topics">topic0 (the event signature hash, unless anonymous) and the indexed arguments, 32 bytes each.</param>
/// <param name="Data">The ABI-encoded non-indexed arguments.</param>
/// <param name="LogIndex">Position of the log in its block.</param>
public sealed record EthLog(string Address, IReadOnlyList<byte[]> Topics, byte[] Data, ulong LogIndex);
