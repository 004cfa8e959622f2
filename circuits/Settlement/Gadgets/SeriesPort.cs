// SPDX-License-Identifier: MIT
using ZkOptions.Circuit;
using ZkOptions.Circuit.Std;

namespace ZkOptions.Circuits.Settlement.Gadgets;

/// <summary>
/// A series read from the current risk epoch: its leaf fields (key, mark, short charge, settlement price, risk
/// array) and its path in the epoch's quaternary series tree, checked against the series root when used.
/// </summary>
public sealed class SeriesPort(Variable[] fields, Variable index, Variable[][] path)
{
    public Variable Key => fields[0];
    public Variable Mark => fields[1];
    public Variable ShortCharge => fields[2];
    public Variable SettlementPrice => fields[3];
    public Variable Risk(int s) => fields[4 + s];
    public int Scenarios => fields.Length - 4;

    /// <summary>Asserts membership under <paramref name="seriesRoot"/> when <paramref name="used"/>.</summary>
    public void Check(Api api, int depth, Variable used, Variable seriesRoot)
    {
        using (api.Scope("series read"))
        {
            var leaf = AccountState.HashMany(api, fields);
            var root = SparseMerkle.ComputeRoot(api, 4, depth, leaf, index, path);
            new RuleCheck(api, used).Equal("series.listed", root, seriesRoot);
            // Prices and risk values are 64-bit signed in the engine; range them so products stay exact.
            for (int i = 1; i < fields.Length; i++)
            {
                SignedArithmetic.AssertSigned(api, api.Mul(used, fields[i]), 64);
            }
        }
    }
}

/// <summary>An order-fill slot (storage id, filled) in an account's order tree, and its path.</summary>
public sealed class OrderSlotPort(Variable storageId, Variable filled, Variable[][] path)
{
    public Variable StorageId => storageId;
    public Variable Filled => filled;

    /// <summary>
    /// Checks the old slot at <paramref name="slot"/> under <paramref name="orderRoot"/> when used and returns the
    /// order root with (<paramref name="newStorageId"/>, <paramref name="newFilled"/>) in its place.
    /// </summary>
    public Variable Apply(Api api, int depth, Variable used, Variable orderRoot, Variable slot, Variable newStorageId, Variable newFilled)
    {
        using (api.Scope("order slot update"))
        {
            var oldLeaf = api.Select(api.IsZero(storageId), 0, Poseidon.Hash(api, [storageId, filled]));
            var newLeaf = Poseidon.Hash(api, [newStorageId, newFilled]);
            var before = SparseMerkle.ComputeRoot(api, 4, depth, oldLeaf, slot, path);
            var after = SparseMerkle.ComputeRoot(api, 4, depth, newLeaf, slot, path);
            new RuleCheck(api, used).Equal("state.order-proof", before, orderRoot);
            return api.Select(used, after, orderRoot);
        }
    }
}
