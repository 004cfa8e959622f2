// SPDX-License-Identifier: MIT
using System.Numerics;
using ZkOptions.Circuit;
using ZkOptions.Circuit.Std;
using ZkOptions.Field;
using ZkOptions.Field.BabyJubjub;

namespace ZkOptions.Circuits.Settlement.Gadgets;

/// <summary>
/// One EdDSA-Poseidon verification per port and slot. When no rule needs it, the port verifies a fixed valid
/// signature instead (chosen by the selector), so every slot has the same gates whatever its type.
/// </summary>
public static class SignaturePort
{
    private static readonly Lazy<(BabyJubjubPoint Key, Fr Message, EddsaSignature Signature)> Placeholder = new(() =>
    {
        var key = new EddsaPrivateKey(new byte[32]);
        Fr message = Fr.FromUInt64(0x5a4b6f70);
        return (key.PublicKey, message, key.Sign(message));
    });

    /// <summary>Verifies (R8x, R8y, S) over <paramref name="message"/> under (x, y) when <paramref name="active"/>.</summary>
    public static void Verify(Api api, Variable active, Variable keyX, Variable keyY, Variable message, ReadOnlySpan<Variable> signature, string rule)
    {
        var (pk, msg, sig) = Placeholder.Value;
        using (api.Scope(rule))
        {
            Variable Pick(Variable real, Fr placeholder) => api.Select(active, real, placeholder);
            EddsaPoseidonVerifier.Verify(api,
                new PointVar(Pick(keyX, pk.X), Pick(keyY, pk.Y)),
                Pick(message, msg),
                new PointVar(Pick(signature[0], sig.R8.X), Pick(signature[1], sig.R8.Y)),
                Pick(signature[2], Fr.FromBigInteger(sig.S)));
        }
    }
}
