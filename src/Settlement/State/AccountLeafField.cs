// SPDX-License-Identifier: MIT
namespace ZkOptions.Settlement.State;

/// <summary>
/// The account leaf's inputs in hashing order (<see cref="AccountLeaf.Hash"/>), written once: <see cref="Account.LeafFields"/>, the batch witness and the
/// circuit's account gadgets index by it. The contract's exit-mode claim (<c>OptionsRollup._leafHash</c>) hashes the
/// same nine fields, and its tests check it against <see cref="Account.LeafHash"/>.
/// </summary>
public enum AccountLeafField
{
    PublicKeyX,
    PublicKeyY,
    Owner,
    Nonce,
    Collateral,
    LiquidationStart,
    OrderRoot,
    PositionsHash,
    RiskHash,
}
