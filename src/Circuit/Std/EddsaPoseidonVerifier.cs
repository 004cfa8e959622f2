// SPDX-License-Identifier: MIT
using System.Runtime.CompilerServices;
using ZkOptions.Field;
using Jubjub = ZkOptions.Field.BabyJubjub.BabyJubjub;

namespace ZkOptions.Circuit.Std;

/// <summary>
/// EdDSA-Poseidon verification in circuit, as circomlib's <c>EdDSAPoseidonVerifier</c> defines it (and as
/// <see cref="ZkOptions.Field.BabyJubjub.EddsaPoseidon"/> and circomlibjs's <c>verifyPoseidon</c> compute it):
/// S &lt; l (the subgroup order), 8·A ≠ identity (A is not of small order), hm = Poseidon(R8x, R8y, Ax, Ay, M),
/// and S·Base8 = R8 + (8·hm)·A. It also asserts that A and R8 lie on the curve, which circomlib leaves out.
/// </summary>
public static class EddsaPoseidonVerifier
{
    /// <summary>Asserts that (R8, S) is a valid signature of <paramref name="message"/> under public key A.</summary>
    public static void Verify(Api api, PointVar publicKey, Variable message, PointVar r8, Variable s,
        [CallerFilePath] string file = "", [CallerLineNumber] int line = 0)
    {
        using (api.Scope("eddsa-poseidon verify"))
        {
            BabyJubjubGadget.AssertOnCurve(api, publicKey, file, line);
            BabyJubjubGadget.AssertOnCurve(api, r8, file, line);

            Variable[] sBits;
            using (api.Scope("S < l"))
            {
                sBits = api.ToBits(s, 253, file, line);
                api.AssertBitsAtMost(sBits, Jubjub.SubgroupOrder - 1, s, file, line);
            }

            PointVar a8;
            using (api.Scope("8·A ≠ identity"))
            {
                a8 = BabyJubjubGadget.Double(api, BabyJubjubGadget.Double(api, BabyJubjubGadget.Double(api, publicKey)));
                api.AssertNonZero(a8.X, file, line);
            }

            var hm = Poseidon.Hash(api, [r8.X, r8.Y, publicKey.X, publicKey.Y, message], file, line);
            Variable[] hmBits;
            using (api.Scope("hm bits"))
            {
                hmBits = api.ToBits(hm, Fr.BitCount, file, line);
            }

            var right = BabyJubjubGadget.Add(api, r8, BabyJubjubGadget.ScalarMulVariableBase(api, hmBits, a8));
            var left = BabyJubjubGadget.ScalarMulFixedBase(api, sBits, Jubjub.Base8);
            using (api.Scope("S·B8 == R8 + 8·hm·A"))
            {
                api.AssertEqual(left.X, right.X, file, line);
                api.AssertEqual(left.Y, right.Y, file, line);
            }
        }
    }
}
