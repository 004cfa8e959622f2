// SPDX-License-Identifier: MIT
using System.Globalization;
using System.Numerics;
using ZkOptions.Field;
using ZkOptions.Field.BabyJubjub;
using ZkOptions.Settlement.Orders;

namespace ZkOptions.Sequencer.Http;

/// <summary>
/// What opens an account's WebSocket stream: the account's EdDSA-Poseidon signature (its order key) over
/// <see cref="SignedMessages.AccountStream"/>(account, expiresAt, chainId), written as
/// <c>account.expiresAt.R8x.R8y.S</c> (decimal). The client makes it itself, with no round trip; the expiry bounds
/// how long a leaked token opens the stream, and the chain id keeps a token for one deployment out of another.
/// </summary>
public sealed record AccountStreamToken(long Account, long ExpiresAt, EddsaSignature Signature)
{
    /// <summary>The token of <paramref name="key"/> for <paramref name="account"/>'s stream until <paramref name="expiresAt"/>.</summary>
    public static AccountStreamToken Sign(long account, long expiresAt, long chainId, EddsaPrivateKey key) =>
        new(account, expiresAt, key.Sign(SignedMessages.AccountStream(account, expiresAt, chainId)));

    /// <summary>Reads a token; null when <paramref name="text"/> is not one (five dot-separated decimals, S below l).</summary>
    public static AccountStreamToken? Parse(string text)
    {
        string[] parts = text.Split('.');
        if (parts.Length != 5
            || !long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out long account)
            || !long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out long expiresAt)
            || !Fr.TryParse(parts[2], out Fr x) || !Fr.TryParse(parts[3], out Fr y)
            || parts[4].Length is 0 or > 80 || !parts[4].All(char.IsAsciiDigit)
            || BigInteger.Parse(parts[4], CultureInfo.InvariantCulture) is var s && s >= BabyJubjub.SubgroupOrder)
        {
            return null;
        }
        return new AccountStreamToken(account, expiresAt, new EddsaSignature(new BabyJubjubPoint(x, y), s));
    }

    /// <summary>Whether the signature is <paramref name="key"/>'s over this token's account and expiry on <paramref name="chainId"/>.</summary>
    public bool IsSignedBy(BabyJubjubPoint key, long chainId) =>
        EddsaPoseidon.Verify(key, SignedMessages.AccountStream(Account, ExpiresAt, chainId), Signature);

    /// <inheritdoc/>
    public override string ToString() => string.Join('.',
        Account.ToString(CultureInfo.InvariantCulture), ExpiresAt.ToString(CultureInfo.InvariantCulture),
        Signature.R8.X.ToString(), Signature.R8.Y.ToString(), Signature.S.ToString(CultureInfo.InvariantCulture));
}
