// SPDX-License-Identifier: MIT
using System.Collections.Concurrent;
using ZkOptions.Field;
using ZkOptions.Field.BabyJubjub;
using ZkOptions.Sequencer.Inputs;
using ZkOptions.Settlement.Orders;

namespace ZkOptions.Sequencer.Core;

/// <summary>
/// Signatures intake has verified (on the request pool, before the sequencing thread), so the engine's signature
/// rule does not verify the same order again on the sequencing thread: each order is verified once. A signature not
/// remembered here is verified in full, so the rule is never weakened. An order is forgotten when it leaves the book.
/// </summary>
public sealed class VerifiedSignatures
{
    private readonly ConcurrentDictionary<(Fr Message, EddsaSignature Signature), BabyJubjubPoint> verified = new();

    /// <summary>Verifies <paramref name="order"/> (whose message is <paramref name="message"/>) against <paramref name="publicKey"/> and remembers it when valid.</summary>
    public bool Verify(BabyJubjubPoint publicKey, SignedOrder order, Fr message)
    {
        if (!EddsaPoseidon.Verify(publicKey, message, order.Signature))
        {
            return false;
        }
        verified[(message, order.Signature)] = publicKey;
        return true;
    }

    /// <summary>The engine's check: a remembered signature under the same key, or a full verification.</summary>
    public bool Check(in BabyJubjubPoint publicKey, Fr message, in EddsaSignature signature) =>
        verified.TryGetValue((message, signature), out BabyJubjubPoint key) && key == publicKey
        || EddsaPoseidon.Verify(publicKey, message, signature);

    /// <summary>Forgets an order that can no longer trade.</summary>
    public void Forget(SubmitOrder order) => verified.TryRemove((order.Hash, order.Order.Signature), out _);

    /// <summary>Signatures remembered.</summary>
    public int Count => verified.Count;
}
