// SPDX-License-Identifier: MIT
using ZkOptions.Field;
using ZkOptions.Prover.Engines;
using ZkOptions.Prover.Formats;
using ZkOptions.Prover.Polynomials;

namespace ZkOptions.Prover.Plonk;

/// <summary>
/// The snarkjs PLONK prover (eprint 2019/953 §8.4 with snarkjs's linearisation; snarkjs src/plonk_prove.js), round by
/// round. Proofs verify with `snarkjs plonk verify` and vice versa. NTTs and MSMs go to the given engines.
/// </summary>
public sealed class PlonkProver(INttEngine ntt, IMsmEngine msm)
{
    /// <summary>Proves that <paramref name="witness"/> (a .wtns, constant one first) satisfies the circuit of <paramref name="zkey"/>.</summary>
    /// <exception cref="InvalidWitnessException">The witness has the wrong length or does not satisfy the circuit.</exception>
    public PlonkProofResult Prove(PlonkZkeyFile zkey, ReadOnlySpan<Fr> witness, BlindingSource? blinding = null)
    {
        var session = new PlonkProverSession(zkey, ntt, msm, witness, blinding ?? BlindingSource.Secure);
        session.CheckWitness();
        session.Round1WireCommitments();
        session.Round2PermutationCommitment();
        session.Round3QuotientCommitments();
        session.Round4Evaluations();
        session.Round5OpeningCommitments();
        return session.Result();
    }
}
