// SPDX-License-Identifier: MIT
using ZkOptions.Field;
using ZkOptions.Prover.Formats;

namespace ZkOptions.Prover.Plonk;

/// <summary>A proof and the public signals it proves (outputs first, then public inputs), as snarkjs returns them.</summary>
public sealed record PlonkProofResult(PlonkProof Proof, Fr[] PublicSignals)
{
    /// <summary>
    /// Writes proof.json and public.json with snarkjs's exact text (each atomically), the files `snarkjs plonk verify`
    /// and <c>zkoptions verify</c> take.
    /// </summary>
    public void Write(string proofPath, string publicPath)
    {
        Proof.Write(proofPath);
        Formats.PublicSignals.Write(publicPath, PublicSignals);
    }

    /// <summary>Reads a proof.json and its public.json (from zkoptions or snarkjs); a malformed file is an <see cref="InputFileException"/>.</summary>
    public static PlonkProofResult Read(string proofPath, string publicPath) =>
        new(PlonkProof.Read(proofPath), Formats.PublicSignals.Read(publicPath));
}
