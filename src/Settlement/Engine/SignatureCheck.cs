// SPDX-License-Identifier: MIT
using ZkOptions.Field;
using ZkOptions.Field.BabyJubjub;

namespace ZkOptions.Settlement.Engine;

/// <summary>Whether <paramref name="signature"/> is <paramref name="publicKey"/>'s EdDSA-Poseidon signature over <paramref name="message"/>.</summary>
public delegate bool SignatureCheck(in BabyJubjubPoint publicKey, Fr message, in EddsaSignature signature);
