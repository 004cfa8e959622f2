// SPDX-License-Identifier: MIT
using ZkOptions.Settlement.State;

namespace ZkOptions.Circuits.Settlement.Gadgets;

/// <summary>
/// Offsets of an account preimage in the witness (the leaf's fields in hashing order, AccountLeafField, with the
/// positions and the risk cache opened): public key, owner, nonce, collateral, liquidation start, order root, then K (series, quantity)
/// pairs, then the risk epoch, Σq·mark, Σ short charge and the S scenario losses.
/// </summary>
public static class AccountFields
{
    /// <summary>Fields before the positions.</summary>
    public const int Fixed = (int)AccountLeafField.PositionsHash;

    public const int PublicKeyX = (int)AccountLeafField.PublicKeyX;
    public const int PublicKeyY = (int)AccountLeafField.PublicKeyY;
    public const int Owner = (int)AccountLeafField.Owner;
    public const int Nonce = (int)AccountLeafField.Nonce;
    public const int Collateral = (int)AccountLeafField.Collateral;
    public const int LiquidationStart = (int)AccountLeafField.LiquidationStart;
    public const int OrderRoot = (int)AccountLeafField.OrderRoot;
}
