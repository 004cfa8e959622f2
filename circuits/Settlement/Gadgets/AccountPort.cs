// SPDX-License-Identifier: MIT
using ZkOptions.Circuit;
using ZkOptions.Circuit.Std;

namespace ZkOptions.Circuits.Settlement.Gadgets;

/// <summary>
/// One account-tree update of a slot: the leaf before (or the empty leaf for an account a deposit creates), the
/// leaf after (the rules' working copy), and one Merkle path for both, checked against the running accounts root.
/// An unused port leaves the root as it is and checks nothing, so its witness may be zeros.
/// </summary>
public sealed class AccountPort
{
    private readonly Variable[][] path;

    public AccountPort(Variable index, Variable isNew, AccountState old, Variable[][] path)
    {
        Index = index;
        IsNew = isNew;
        Old = old;
        New = old.Clone();
        this.path = path;
    }

    /// <summary>The account index (a leaf of the quaternary tree).</summary>
    public Variable Index { get; }

    /// <summary>1 when the index was unused before (the old leaf is 0).</summary>
    public Variable IsNew { get; }

    /// <summary>The account before the transaction.</summary>
    public AccountState Old { get; }

    /// <summary>The account after: rules change it.</summary>
    public AccountState New { get; set; }

    /// <summary>Checks the old leaf under <paramref name="root"/> when <paramref name="used"/> and returns the root after.</summary>
    public Variable Apply(Api api, int depth, Variable used, Variable root)
    {
        using (api.Scope("account update"))
        {
            api.AssertBoolean(IsNew);
            // The identity half of the leaf is hashed once when the rules left key, owner and nonce as they were.
            var oldIdentity = Old.IdentityHash(api);
            var oldLeaf = api.Select(IsNew, 0, Old.LeafHash(api, oldIdentity));
            var newLeaf = New.LeafHash(api, New.SameIdentityAs(Old) ? oldIdentity : null);
            var before = SparseMerkle.ComputeRoot(api, 4, depth, oldLeaf, Index, path);
            var after = SparseMerkle.ComputeRoot(api, 4, depth, newLeaf, Index, path);
            new RuleCheck(api, used).Equal("state.account-proof", before, root);
            return api.Select(used, after, root);
        }
    }
}

/// <summary>
/// The insurance account's update: only its collateral ever changes in a transaction, so the port takes the leaf's
/// nine hashed fields (positions and risk cache already hashed) and re-hashes the top level only.
/// </summary>
public sealed class InsurancePort(Variable[] oldLeafFields, Variable[][] path, Variable index)
{
    /// <summary>Collateral before.</summary>
    public Variable OldCollateral => oldLeafFields[AccountFields.Collateral];

    /// <summary>The collateral change the rules make.</summary>
    public Variable Delta { get; set; } = 0;

    public Variable Apply(Api api, int depth, Variable used, Variable root)
    {
        using (api.Scope("insurance account update"))
        {
            var fields = (Variable[])oldLeafFields.Clone();
            fields[AccountFields.Collateral] = OldCollateral + Delta;
            // The fund never pays out more than it holds (insurance.covers): settlement payouts are capped at its
            // balance by the rule, and an insolvent bid or an end-of-liquidation cover beyond it is refused here.
            using (api.Scope("insurance.covers"))
            {
                api.RangeCheck(fields[AccountFields.Collateral], 63);
            }
            // Only the collateral changes: the identity half is hashed once.
            Variable identity;
            using (api.Scope("account leaf"))
            {
                identity = Poseidon.Hash(api, oldLeafFields.AsSpan(0, 4));
            }
            var oldLeaf = AccountState.LeafOf(api, oldLeafFields, identity);
            var newLeaf = AccountState.LeafOf(api, fields, identity);
            var before = SparseMerkle.ComputeRoot(api, 4, depth, oldLeaf, index, path);
            var after = SparseMerkle.ComputeRoot(api, 4, depth, newLeaf, index, path);
            new RuleCheck(api, used).Equal("state.account-proof", before, root);
            return api.Select(used, after, root);
        }
    }
}
