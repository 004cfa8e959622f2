// SPDX-License-Identifier: MIT
using ZkOptions.Field;
using ZkOptions.Prover.Engines;
using ZkOptions.Prover.Engines.Cpu;
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
    /// Whether round 3 evaluates its quotient eight points at a time on AVX-512 lanes (<see cref="FrLanes"/>), where the
    /// CPU has them; the same values as the scalar loop, which runs otherwise (tests compare the two).
    /// </summary>
    internal bool VectorLanes { get; init; } = FrLanes.IsSupported;

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
        // Each stage's share of a proof's time was measured on a 2^16 key with the CPU engines (docs/BENCHMARKS.md:
        // 0.21, 1.68, 0.65, 2.25 and 0.97 s); every stage scales as n·log n or better, so the shares hold at other
        // sizes well enough for a progress bar.
        var clock = System.Diagnostics.Stopwatch.StartNew();
        string? current = null;
        double done = 0, currentShare = 0;
        void EndStage()
        {
            if (current is not null)
            {
                log?.Invoke($"{current,-34} {clock.Elapsed.TotalMilliseconds,9:F1} ms");
                clock.Restart();
                done += currentShare;
            }
        }
        void Stage(string name, double share)
        {
            EndStage();
            (current, currentShare) = (name, share);
            progress?.Report(new ProverProgress(name, done));
        }

        Stage("read key, witness and additions", 0.03);
        var session = new PlonkProverSession(zkey, ntt, msm, witness, blinding ?? BlindingSource.Secure) { VectorLanes = VectorLanes };
        Stage("check every gate", 0.01);
        session.CheckWitness();
        Stage("round 1: [a], [b], [c]", 0.29);
        session.Round1WireCommitments();
        Stage("round 2: β, γ, [z]", 0.11);
        session.Round2PermutationCommitment();
        Stage("round 3: α, [t1], [t2], [t3]", 0.39);
        session.Round3QuotientCommitments();
        Stage("round 4: ξ and evaluations", 0.01);
        session.Round4Evaluations();
        Stage("round 5: v, [Wξ], [Wξω]", 0.16);
        session.Round5OpeningCommitments();
        EndStage();
        progress?.Report(new ProverProgress("proof complete", 1));
        return session.Result();
    }
}
