// SPDX-License-Identifier: MIT
namespace ZkOptions.Circuits.Settlement.Gadgets;

/// <summary>
/// Offsets of an account preimage in the witness (the leaf's fields in hashing order, with the positions and the
/// risk cache opened): public key, owner, nonce, collateral, liquidation start, order root, then K (series, quantity)
/// pairs, then the risk epoch, Σq·mark, Σ short charge and the S scenario losses.
/// </summary>
public static class AccountFields
{
    /// <summary>Fields before the positions.</summary>
    public const int Fixed = 7;

    public const int PublicKeyX = 0;
    public const int PublicKeyY = 1;
    public const int Owner = 2;
    public const int Nonce = 3;
    public const int Collateral = 4;
    public const int LiquidationStart = 5;
    public const int OrderRoot = 6;
}
