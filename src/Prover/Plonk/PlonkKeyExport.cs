// SPDX-License-Identifier: MIT
using ZkOptions.Field;
using ZkOptions.Prover.Polynomials;
using ZkOptions.Prover.Formats;

namespace ZkOptions.Prover.Plonk;

/// <summary>The verification key of a proving key (snarkjs `zkey export verificationkey`, src/zkey_export_verificationkey.js plonkVk).</summary>
public static class PlonkKeyExport
{
    /// <summary>The verification key for the key whose header is <paramref name="h"/>.</summary>
    public static PlonkVerificationKey ToVerificationKey(PlonkZkeyHeader h) => new()
    {
        NPublic = h.NPublic,
        Power = h.Power,
        K1 = h.K1,
        K2 = h.K2,
        Qm = h.Qm, Ql = h.Ql, Qr = h.Qr, Qo = h.Qo, Qc = h.Qc,
        S1 = h.S1, S2 = h.S2, S3 = h.S3,
        X2 = h.X2,
        W = EvaluationDomain.Get(h.Power).Generator,
    };
}
