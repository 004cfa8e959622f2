// SPDX-License-Identifier: MIT
using ZkOptions.Field.Hashing;

namespace ZkOptions.Field.BabyJubjub;

/// <summary>
/// EdDSA over BabyJubjub with Poseidon as the message hash, exactly as circomlibjs 0.1.7 <c>src/eddsa.js</c>
/// (<c>signPoseidon</c>, <c>verifyPoseidon</c>) and circomlib's <c>EdDSAPoseidonVerifier</c> circuit. Signing is
/// <see cref="EddsaPrivateKey.Sign"/>.
/// </summary>
/// <remarks>
/// The challenge is hm = Poseidon(R8.x, R8.y, A.x, A.y, message) (five inputs), and a signature is valid when
/// Base8·S = R8 + A·(8·hm). As in circomlibjs, neither point is required to be in the prime-order subgroup: the
/// factor 8 clears any small-order component of A, and a small-order component of R8 makes the equation fail.
/// </remarks>
public static class EddsaPoseidon
{
    /// <summary>
    /// circomlibjs <c>verifyPoseidon(message, signature, publicKey)</c>: false when R8 or the public key is not on
    /// the curve, when S is not in [0, l), or when Base8·S ≠ R8 + A·(8·hm); otherwise true. Never throws for any
    /// input values.
    /// </summary>
    public static bool Verify(in BabyJubjubPoint publicKey, Fr message, in EddsaSignature signature)
    {
        BabyJubjubPoint r8 = signature.R8;
        if (!r8.IsOnCurve || !publicKey.IsOnCurve)
        {
            return false;
        }
        // circomlibjs: `if (sig.S >= subOrder) return false` (its S is never negative; ours could be, or longer
        // than 256 bits, which TryFromBigInteger refuses).
        if (!Scalar256.TryFromBigInteger(signature.S, out Scalar256 s) || !SubgroupScalar.IsReduced(in s))
        {
            return false;
        }
        Fr hm = Challenge(in r8, in publicKey, message);
        Base8Table.Multiply(in s, out ExtendedPoint left);
        // A·(8·hm) as 8·(A·hm): the scalar is not reduced mod l, because A may have a small-order component and
        // circomlibjs multiplies by the full integer. hm < r < 2^254 fits the limb form; 8·hm might not.
        WnafMultiplication.Multiply(ExtendedPoint.FromAffine(in publicKey), Scalar256.FromFr(in hm), out ExtendedPoint right);
        ExtendedPoint.DoubleWithoutT(in right, out right);
        ExtendedPoint.DoubleWithoutT(in right, out right);
        ExtendedPoint.Double(in right, out right);
        ExtendedPoint.Add(in right, PrecomputedAffinePoint.FromAffine(in r8.X, in r8.Y), out right);
        // circomlibjs compares affine coordinates; the projective comparison is the same test without inversions.
        return ExtendedPoint.SameAffinePoint(in left, in right);
    }

    /// <summary>hm = Poseidon(R8.x, R8.y, A.x, A.y, message).</summary>
    internal static Fr Challenge(in BabyJubjubPoint r8, in BabyJubjubPoint publicKey, Fr message) =>
        Poseidon.Hash([r8.X, r8.Y, publicKey.X, publicKey.Y, message]);
}
