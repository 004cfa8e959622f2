// SPDX-License-Identifier: MIT
using ZkOptions.Field;
using ZkOptions.Field.Hashing;

namespace ZkOptions.Settlement.State;

/// <summary>
/// How the account leaf hashes its nine fields (<see cref="AccountLeafField"/> order), written once:
/// <c>Poseidon(Poseidon(pubKey.x, pubKey.y, owner, nonce), Poseidon(collateral, liquidationStart, orderRoot,
/// positionsHash), riskHash)</c>. Two width-5 hashes and one of width 4 instead of one of width 10, because a
/// permutation of width 5 or less is one PLONK v2 row a round (about 200 rows for the leaf instead of 700), and the
/// identity half stays the same when a trade changes an account. The circuit's account gadgets and the contract's
/// exit-mode claim (<c>OptionsRollup._leafHash</c>) compute the same.
/// </summary>
public static class AccountLeaf
{
    /// <summary>Fields in the leaf.</summary>
    public const int FieldCount = 9;

    /// <summary>Fields in each of the two width-5 halves: identity (key, owner, nonce), then balance (collateral … positionsHash).</summary>
    public const int HalfFields = 4;

    /// <summary>The leaf of <paramref name="fields"/> (nine, in <see cref="AccountLeafField"/> order).</summary>
    public static Fr Hash(ReadOnlySpan<Fr> fields)
    {
        if (fields.Length != FieldCount)
        {
            throw new ArgumentException($"an account leaf has {FieldCount} fields, not {fields.Length}", nameof(fields));
        }
        return Poseidon.Hash(Poseidon.Hash(fields[..HalfFields]), Poseidon.Hash(fields[HalfFields..(2 * HalfFields)]),
            fields[(int)AccountLeafField.RiskHash]);
    }
}
