// SPDX-License-Identifier: MIT
using ZkOptions.Field;
using ZkOptions.Field.Hashing;
using ZkOptions.Settlement.Numbers;

namespace ZkOptions.Settlement.State;

/// <summary>
/// An order slot of an account's fill tree: the storage id of the order that last used it and how much of that
/// order is filled. An order signs its storage id; the slot is <c>storageId mod capacity</c>. A higher id resets the
/// fill (a new order), the same id continues it, a lower id is a replay (Loopring's storage ids, StarkEx's order tree).
/// </summary>
public readonly record struct OrderFill(long StorageId, Quantity Filled)
{
    /// <summary>The leaf: 0 for an unused slot, else Poseidon(storageId, filled).</summary>
    public Fr LeafHash() =>
        StorageId == 0 && Filled.IsZero ? Fr.Zero : Poseidon.Hash(Fr.FromUInt64((ulong)StorageId), Fr.FromUInt64((ulong)Filled.Units));
}
