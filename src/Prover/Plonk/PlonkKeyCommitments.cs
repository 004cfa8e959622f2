// SPDX-License-Identifier: MIT
using ZkOptions.Field;
using ZkOptions.Prover.Formats;

namespace ZkOptions.Prover.Plonk;

/// <summary>The eight verifying-key commitments, in the order the transcript absorbs them.</summary>
public readonly record struct PlonkKeyCommitments(
    G1Affine Qm, G1Affine Ql, G1Affine Qr, G1Affine Qo, G1Affine Qc, G1Affine S1, G1Affine S2, G1Affine S3)
{
    /// <summary>From a proving key's header.</summary>
    public static PlonkKeyCommitments Of(PlonkZkeyHeader h) => new(h.Qm, h.Ql, h.Qr, h.Qo, h.Qc, h.S1, h.S2, h.S3);

    /// <summary>From a verification key.</summary>
    public static PlonkKeyCommitments Of(PlonkVerificationKey vk) => new(vk.Qm, vk.Ql, vk.Qr, vk.Qo, vk.Qc, vk.S1, vk.S2, vk.S3);
}
