// SPDX-License-Identifier: MIT
using ZkOptions.Field.Hashing;

namespace ZkOptions.Settlement.State;

/// <summary>
/// One leaf update of the account tree, as the prover needs it: the account before (null for an unused index),
/// after, and the Merkle proof of the leaf at the moment of the update (so a transaction touching two accounts
/// gives the second proof against the root after the first update).
/// </summary>
public sealed record AccountUpdate(long Index, Account? Before, Account After, MerkleProof Proof);
