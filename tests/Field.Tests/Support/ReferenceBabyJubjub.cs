// SPDX-License-Identifier: MIT
using System.Numerics;
using ZkOptions.Field.BabyJubjub;
using ZkOptions.Field.Hashing;
using Jubjub = ZkOptions.Field.BabyJubjub.BabyJubjub;

namespace ZkOptions.Field.Tests.Support;

/// <summary>
/// A deliberately naive BabyJubjub: the affine twisted Edwards addition law with two field divisions per step,
/// double-and-add on BigInteger scalars, and EdDSA-Poseidon verification written from circomlibjs's
/// <c>verifyPoseidon</c>. It shares nothing with the production curve code except the field arithmetic and
/// Poseidon, so the tests use it as the oracle for the windowed, limb-based multiplications.
/// </summary>
public static class ReferenceBabyJubjub
{
    /// <summary>
    /// (x1, y1) + (x2, y2) = ((x1·y2 + y1·x2)/(1 + t), (y1·y2 − a·x1·x2)/(1 − t)) with t = d·x1·x2·y1·y2; both
    /// divisions share the one inversion of (1 + t)(1 − t).
    /// </summary>
    public static BabyJubjubPoint Add(BabyJubjubPoint p, BabyJubjubPoint q)
    {
        Fr t = Jubjub.D * p.X * q.X * p.Y * q.Y;
        Fr inverse = ((Fr.One + t) * (Fr.One - t)).Inverse();
        Fr x = (p.X * q.Y + p.Y * q.X) * (Fr.One - t) * inverse;
        Fr y = (p.Y * q.Y - Jubjub.A * p.X * q.X) * (Fr.One + t) * inverse;
        return new BabyJubjubPoint(x, y);
    }

    /// <summary>k·p, most significant bit first, for any k ≥ 0, not reduced.</summary>
    public static BabyJubjubPoint Multiply(BabyJubjubPoint p, BigInteger k)
    {
        var acc = BabyJubjubPoint.Identity;
        for (long bit = (long)k.GetBitLength() - 1; bit >= 0; bit--)
        {
            acc = Add(acc, acc);
            if (!((k >> (int)bit) & 1).IsZero)
            {
                acc = Add(acc, p);
            }
        }
        return acc;
    }

    /// <summary>circomlibjs <c>verifyPoseidon</c>, step by step, with BigInteger scalars.</summary>
    public static bool Verify(BabyJubjubPoint publicKey, Fr message, EddsaSignature signature)
    {
        BabyJubjubPoint r8 = signature.R8;
        if (!r8.IsOnCurve || !publicKey.IsOnCurve)
        {
            return false;
        }
        if (signature.S.Sign < 0 || signature.S >= Jubjub.SubgroupOrder)
        {
            return false;
        }
        Fr hm = Poseidon.Hash([r8.X, r8.Y, publicKey.X, publicKey.Y, message]);
        BabyJubjubPoint left = Multiply(Jubjub.Base8, signature.S);
        BabyJubjubPoint right = Add(r8, Multiply(publicKey, hm.ToBigInteger() * 8));
        return left == right;
    }
}
