// SPDX-License-Identifier: MIT
namespace ZkOptions.Evm.Harness;

/// <summary>The receipt of a mined transaction.</summary>
/// <param name="TransactionHash">The transaction hash (0x-hex).</param>
/// <param name="Succeeded">The receipt status: true for 0x1, false when execution failed (reverted or ran out of gas).</param>
/// <param name="GasUsed">Gas this transaction used (what the sender paid for, after refunds).</param>
/// <param name="CumulativeGasUsed">Gas used in the block up to and including this transaction.</param>
/// <param name="EffectiveGasPrice">Wei paid per gas.</param>
/// <param name="BlockNumber">The block that includes the transaction.</param>
/// <param name="From">The sender.</param>
/// <param name="To">The recipient; null for a contract creation.</param>
/// <param name="ContractAddress">The created contract; null unless this was a creation.</param>
/// <param name="Logs">Events emitted, in order.</param>
public sealed record TransactionReceipt(
    string TransactionHash,
    bool Succeeded,
    ulong GasUsed,
    ulong CumulativeGasUsed,
    System.Numerics.BigInteger EffectiveGasPrice,
    ulong BlockNumber,
    string From,
    string? To,
    string? ContractAddress,
    IReadOnlyList<EthLog> Logs);
