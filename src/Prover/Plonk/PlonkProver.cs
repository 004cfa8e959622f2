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
    /// <param name="zkey">The proving key.</param>
    /// <param name="witness">The witness values.</param>
    /// <param name="blinding">Blinding source; the OS CSPRNG when null.</param>
    /// <param name="log">Receives one line per stage with its wall time (the CLI's --verbose).</param>
    public PlonkProofResult Prove(PlonkZkeyFile zkey, ReadOnlySpan<Fr> witness, BlindingSource? blinding = null, Action<string>? log = null)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        void Stage(string name)
        {
            log?.Invoke($"{name,-34} {clock.Elapsed.TotalMilliseconds,9:F1} ms");
            clock.Restart();
        }
        var session = new PlonkProverSession(zkey, ntt, msm, witness, blinding ?? BlindingSource.Secure);
        Stage("read key, witness and additions");
        session.CheckWitness();
        Stage("check every gate");
        session.Round1WireCommitments();
        Stage("round 1: [a], [b], [c]");
        session.Round2PermutationCommitment();
        Stage("round 2: β, γ, [z]");
        session.Round3QuotientCommitments();
        Stage("round 3: α, [t1], [t2], [t3]");
        session.Round4Evaluations();
        Stage("round 4: ξ and evaluations");
        session.Round5OpeningCommitments();
        Stage("round 5: v, [Wξ], [Wξω]");
        return session.Result();
    }
}
