// SPDX-License-Identifier: MIT
using ZkOptions.Field.BabyJubjub;
using ZkOptions.Settlement.Parameters;

namespace ZkOptions.Sequencer.Hosting;

/// <summary>
/// The well-known development oracle key (like a local chain's funded dev accounts): <c>zkoptions serve</c> without
/// <c>--parameters</c> trusts it, so a fresh sequencer works with no set-up and <c>zkoptions loadgen</c> can sign
/// epochs for it. Everyone knows this key: a deployment passes its own parameters.
/// </summary>
public static class DevelopmentOracle
{
    /// <summary>The key: 32 bytes, "zkoptions-development-oracle" padded with zeros.</summary>
    public static EddsaPrivateKey Key { get; } = new(Pad("zkoptions-development-oracle"u8));

    /// <summary>The default parameters with the development oracle's public key.</summary>
    public static ExchangeParameters Parameters { get; } = new() { OraclePublicKey = Key.PublicKey };

    private static byte[] Pad(ReadOnlySpan<byte> text)
    {
        var bytes = new byte[EddsaPrivateKey.KeyLength];
        text.CopyTo(bytes);
        return bytes;
    }
}
