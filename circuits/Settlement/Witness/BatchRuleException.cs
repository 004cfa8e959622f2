// SPDX-License-Identifier: MIT
namespace ZkOptions.Circuits.Settlement.Witness;

/// <summary>
/// A transaction of a batch breaks a rule in a way its witness cannot even be laid out for the circuit (the same
/// account on both sides of a trade, a series the batch holds no record of, a queue entry without its details…).
/// It names the rule as the engine and the circuit's checker do (e.g. <c>order.sides</c>), so a hostile batch file
/// ends in the same "no" as one the circuit refuses, never in a crash of the prover.
/// </summary>
public sealed class BatchRuleException(long batch, int transaction, string type, string rule, string detail)
    : Exception($"batch {batch}, transaction {transaction} ({type}): {rule}: {detail}")
{
    /// <summary>The batch number.</summary>
    public long Batch { get; } = batch;

    /// <summary>The index of the transaction in the batch (0-based, as in the file's transactions array).</summary>
    public int Transaction { get; } = transaction;

    /// <summary>The transaction's type name, as in the batch file ("trade").</summary>
    public string TransactionType { get; } = type;

    /// <summary>The rule broken, by its stable name ("order.sides").</summary>
    public string Rule { get; } = rule;

    /// <summary>What is wrong, for people.</summary>
    public string Detail { get; } = detail;
}
