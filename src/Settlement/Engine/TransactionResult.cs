// SPDX-License-Identifier: MIT
using ZkOptions.Field;
using ZkOptions.Field.Hashing;
using ZkOptions.Settlement.Numbers;
using ZkOptions.Settlement.Risk;
using ZkOptions.Settlement.State;
using ZkOptions.Settlement.Transactions;

namespace ZkOptions.Settlement.Engine;

/// <summary>An order-slot update inside an account's fill tree, with the slot's proof before the update.</summary>
public sealed record OrderSlotUpdate(long Account, long Slot, OrderFill Before, OrderFill After, MerkleProof Proof);

/// <summary>A series read from the current epoch, with its index and Merkle proof in the series tree.</summary>
public sealed record SeriesWitness(SeriesRisk Risk, int Index, MerkleProof Proof);

/// <summary>
/// An accepted transaction and everything a prover needs to re-check it: the roots around it, the account leaves
/// it changed (with proofs), the order slots and series it read, its exits, and named figures for people
/// (fill price, fees, margin after, whether a forced withdrawal applied).
/// </summary>
public sealed record TransactionResult(
    Transaction Transaction,
    long Timestamp,
    Fr RootBefore,
    Fr RootAfter,
    IReadOnlyList<AccountUpdate> AccountUpdates,
    IReadOnlyList<OrderSlotUpdate> OrderSlots,
    IReadOnlyList<SeriesWitness> Series,
    IReadOnlyList<ExitRecord> Exits,
    IReadOnlyDictionary<string, string> Details);
