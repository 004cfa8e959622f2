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
    /// <summary>
    /// The stages of a proof and their share of its time, measured on a 2^16 key with the CPU engines
    /// (docs/BENCHMARKS.md: 0.21, 1.68, 0.65, 2.25 and 0.97 s); every stage scales as n·log n or better, so the shares
    /// hold at other sizes well enough for a progress bar.
    /// </summary>
    private static readonly (string Name, double Share)[] Stages =
    [
        ("read key, witness and additions", 0.03),
        ("check every gate", 0.01),
        ("round 1: [a], [b], [c]", 0.29),
        ("round 2: β, γ, [z]", 0.11),
        ("round 3: α, [t1], [t2], [t3]", 0.39),
        ("round 4: ξ and evaluations", 0.01),
        ("round 5: v, [Wξ], [Wξω]", 0.16),
    ];

    /// <summary>Proves that <paramref name="witness"/> (a .wtns, constant one first) satisfies the circuit of <paramref name="zkey"/>.</summary>
    /// <exception cref="InvalidWitnessException">The witness has the wrong length or does not satisfy the circuit.</exception>
    /// <param name="zkey">The proving key.</param>
    /// <param name="witness">The witness values.</param>
    /// <param name="blinding">Blinding source; the OS CSPRNG when null.</param>
    /// <param name="log">Receives one line per stage with its wall time (the CLI's --verbose).</param>
    /// <param name="progress">Receives each stage as it starts, with the estimated share of the proof done, and 1 at the end.</param>
    public PlonkProofResult Prove(PlonkZkeyFile zkey, ReadOnlySpan<Fr> witness, BlindingSource? blinding = null, Action<string>? log = null,
                                  IProgress<ProverProgress>? progress = null)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        int stage = 0;
        double done = 0;
        void Begin()
        {
            progress?.Report(new ProverProgress(Stages[stage].Name, done));
        }
        void End()
        {
            log?.Invoke($"{Stages[stage].Name,-34} {clock.Elapsed.TotalMilliseconds,9:F1} ms");
            clock.Restart();
            done += Stages[stage].Share;
            stage++;
            if (stage < Stages.Length)
            {
                Begin();
            }
        }
        Begin();
        var session = new PlonkProverSession(zkey, ntt, msm, witness, blinding ?? BlindingSource.Secure);
        End();
        session.CheckWitness();
        End();
        session.Round1WireCommitments();
        End();
        session.Round2PermutationCommitment();
        End();
        session.Round3QuotientCommitments();
        End();
        session.Round4Evaluations();
        End();
        session.Round5OpeningCommitments();
        End();
        progress?.Report(new ProverProgress("proof complete", 1));
        return session.Result();
    }
}
