// SPDX-License-Identifier: MIT
using ZkOptions.Circuit;
using ZkOptions.Circuit.Std;

namespace ZkOptions.Circuits.Settlement.Gadgets;

/// <summary>
/// An account's leaf preimage as circuit variables, positions and risk cache opened. Rules change a working copy;
/// the port hashes the copy into the new leaf. Values: collateral in 1e-6 USD (signed 64-bit), quantities in 1e-4
/// contracts (|q| ≤ 2^47), risk sums exact in 1e-10 USD (signed, below 2^120).
/// </summary>
public sealed class AccountState
{
    private readonly Variable[] fields;
    private readonly int k;

    /// <summary>Wraps <paramref name="fields"/> (copied) for an account with <paramref name="positionSlots"/> slots.</summary>
    public AccountState(ReadOnlySpan<Variable> fields, int positionSlots)
    {
        this.fields = fields.ToArray();
        k = positionSlots;
    }

    /// <summary>A copy to change.</summary>
    public AccountState Clone() => new(fields, k);

    public int PositionSlots => k;

    public int Scenarios => fields.Length - AccountFields.Fixed - 2 * k - 3;

    public Variable PublicKeyX { get => fields[AccountFields.PublicKeyX]; set => fields[AccountFields.PublicKeyX] = value; }
    public Variable PublicKeyY { get => fields[AccountFields.PublicKeyY]; set => fields[AccountFields.PublicKeyY] = value; }
    public Variable Owner { get => fields[AccountFields.Owner]; set => fields[AccountFields.Owner] = value; }
    public Variable Nonce { get => fields[AccountFields.Nonce]; set => fields[AccountFields.Nonce] = value; }
    public Variable Collateral { get => fields[AccountFields.Collateral]; set => fields[AccountFields.Collateral] = value; }
    public Variable LiquidationStart { get => fields[AccountFields.LiquidationStart]; set => fields[AccountFields.LiquidationStart] = value; }
    public Variable OrderRoot { get => fields[AccountFields.OrderRoot]; set => fields[AccountFields.OrderRoot] = value; }

    public Variable SeriesAt(int slot) => fields[AccountFields.Fixed + 2 * slot];
    public void SetSeriesAt(int slot, Variable v) => fields[AccountFields.Fixed + 2 * slot] = v;
    public Variable QuantityAt(int slot) => fields[AccountFields.Fixed + 2 * slot + 1];
    public void SetQuantityAt(int slot, Variable v) => fields[AccountFields.Fixed + 2 * slot + 1] = v;

    private int RiskBase => AccountFields.Fixed + 2 * k;
    public Variable RiskEpoch { get => fields[RiskBase]; set => fields[RiskBase] = value; }
    public Variable MarkSum { get => fields[RiskBase + 1]; set => fields[RiskBase + 1] = value; }
    public Variable ShortSum { get => fields[RiskBase + 2]; set => fields[RiskBase + 2] = value; }
    public Variable Loss(int s) => fields[RiskBase + 3 + s];
    public void SetLoss(int s, Variable v) => fields[RiskBase + 3 + s] = v;

    /// <summary>Takes this value of every field when <paramref name="condition"/> is 1, else keeps <paramref name="other"/>'s.</summary>
    public AccountState SelectFrom(Api api, Variable condition, AccountState other)
    {
        var merged = new Variable[fields.Length];
        for (int i = 0; i < fields.Length; i++)
        {
            merged[i] = fields[i].Equals(other.fields[i]) ? fields[i] : api.Select(condition, fields[i], other.fields[i]);
        }
        return new AccountState(merged, k);
    }

    /// <summary>Poseidon over the K (series, quantity) pairs (HashMany, as the engine).</summary>
    public Variable PositionsHash(Api api) => HashMany(api, fields.AsSpan(AccountFields.Fixed, 2 * k));

    /// <summary>HashMany(epoch, Σq·mark, Σ short charge, L₁ … L_S).</summary>
    public Variable RiskHash(Api api) => HashMany(api, fields.AsSpan(RiskBase, 3 + Scenarios));

    /// <summary>Poseidon(pubKey.x, pubKey.y, owner, nonce): the leaf's identity half (AccountLeaf).</summary>
    public Variable IdentityHash(Api api)
    {
        using (api.Scope("account leaf"))
        {
            return Poseidon.Hash(api, [PublicKeyX, PublicKeyY, Owner, Nonce]);
        }
    }

    /// <summary>Whether key, owner and nonce are the same variables as <paramref name="other"/>'s (so is the identity half).</summary>
    public bool SameIdentityAs(AccountState other) =>
        PublicKeyX.Equals(other.PublicKeyX) && PublicKeyY.Equals(other.PublicKeyY) && Owner.Equals(other.Owner) && Nonce.Equals(other.Nonce);

    /// <summary>The account leaf (AccountLeaf.Hash), reusing <paramref name="identity"/> when the caller has it.</summary>
    public Variable LeafHash(Api api, Variable? identity = null)
    {
        var id = identity ?? IdentityHash(api);
        using (api.Scope("account leaf"))
        {
            var balance = Poseidon.Hash(api, [Collateral, LiquidationStart, OrderRoot, PositionsHash(api)]);
            return Poseidon.Hash(api, [id, balance, RiskHash(api)]);
        }
    }

    /// <summary>
    /// AccountLeaf.Hash of the leaf's nine fields as they are hashed (positions and risk cache already hashed), reusing
    /// <paramref name="identity"/> (the hash of the first four) when the caller has it.
    /// </summary>
    public static Variable LeafOf(Api api, ReadOnlySpan<Variable> fields, Variable? identity = null)
    {
        using (api.Scope("account leaf"))
        {
            var id = identity ?? Poseidon.Hash(api, fields[..4]);
            return Poseidon.Hash(api, [id, Poseidon.Hash(api, fields[4..8]), fields[8]]);
        }
    }

    /// <summary>1 when no slot holds a series.</summary>
    public Variable HasNoPositions(Api api)
    {
        Variable all = 1;
        for (int i = 0; i < k; i++)
        {
            all = api.Mul(all, api.IsZero(SeriesAt(i)));
        }
        return all;
    }

    /// <summary>The engine's HashMany (FieldCodec.HashMany): the width-5 Poseidon sponge.</summary>
    public static Variable HashMany(Api api, ReadOnlySpan<Variable> values) => PoseidonSponge.Hash(api, values);
}
