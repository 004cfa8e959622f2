// SPDX-License-Identifier: MIT
using ZkOptions.Constraints.V2;
using ZkOptions.Field;
using ZkOptions.Prover.Engines;
using ZkOptions.Prover.Engines.Cpu;
using ZkOptions.Prover.Plonk;

namespace ZkOptions.Prover.PlonkV2;

/// <summary>
/// The PLONK v2 prover: five advice wires, a selector per gate of <see cref="WideGates.All"/>, next-row access, the
/// permutation over five cosets, KZG commitments, Fiat–Shamir over <see cref="PlonkV2Transcript"/>. Rounds as in
/// eprint 2019/953 §8.3 (docs/prover-v2.md): 1 wires, 2 grand product, 3 quotient, 4 evaluations, 5 openings.
/// </summary>
/// <param name="ntt">The NTT engine.</param>
/// <param name="msm">The MSM engine.</param>
/// <param name="transcriptHash">Makes an empty transcript hash; Keccak-256 when null.</param>
public sealed class PlonkV2Prover(INttEngine ntt, IMsmEngine msm, Func<ITranscriptHash>? transcriptHash = null)
{
    /// <summary>
    /// Whether a full garbage collection runs after each round (on by default), so the process's peak memory is about
    /// the largest round's live arrays rather than that plus the earlier rounds' garbage (measured in docs/BENCHMARKS.md).
    /// </summary>
    public bool CollectBetweenRounds { get; init; } = true;

    /// <summary>
    /// Whether round 3 evaluates its identities eight points at a time on AVX-512 lanes (<see cref="FrLanes"/>), where
    /// the CPU has them; the same values as the scalar loop, which runs otherwise (tests compare the two).
    /// </summary>
    internal bool VectorLanes { get; init; } = FrLanes.IsSupported;

    /// <summary>Proves that <paramref name="witness"/> (wire 0 = 1, then the public inputs) satisfies the circuit of <paramref name="key"/>.</summary>
    /// <param name="key">The proving key.</param>
    /// <param name="witness">One value per wire.</param>
    /// <param name="blinding">Blinding source; the OS CSPRNG (<see cref="BlindingSource.Secure"/>) when null.</param>
    /// <param name="log">Receives the time each round took (for `--verbose` and benchmarks), or null.</param>
    /// <exception cref="InvalidWitnessException">The witness has the wrong length or breaks a gate or a copy constraint.</exception>
    public PlonkV2ProofResult Prove(PlonkV2ProvingKey key, ReadOnlySpan<Fr> witness, BlindingSource? blinding = null, Action<string>? log = null)
    {
        if (witness.Length != key.WireCount)
        {
            throw new InvalidWitnessException($"the witness has {witness.Length} values, but this key's circuit has {key.WireCount} wires (is it for another circuit?)");
        }
        if (!witness[0].IsOne)
        {
            throw new InvalidWitnessException("wire 0 is the constant one, but the witness holds " + witness[0]);
        }
        int n = key.N;
        var cells = new Fr[WideLayout.Width][];
        var wireMap = key.WireMap.Span;
        for (int c = 0; c < cells.Length; c++)
        {
            cells[c] = new Fr[n];
            for (int i = 0; i < n; i++)
            {
                cells[c][i] = witness[(int)wireMap[c * n + i]];
            }
        }
        var publicInputs = witness.Slice(1, key.VerifyingKey.PublicCount).ToArray();
        var proof = ProveCells(key, cells, publicInputs, blinding ?? BlindingSource.Secure, check: true, log, ownsCells: true);
        return new PlonkV2ProofResult(proof, publicInputs);
    }

    /// <summary>
    /// The rounds on cell values given directly (5 columns of n). With <paramref name="check"/> false nothing is
    /// checked and a proof comes out whatever the cells: tests use it to show that the verifier, not the prover's
    /// checks, refuses a broken witness. <paramref name="editLaneHelper"/> (tests only) changes the lane helper h on H
    /// before it is committed, to show that the lane identity pins it. With <paramref name="ownsCells"/> the columns of
    /// <paramref name="cells"/> are cleared once round 2 is past (their last use), so they do not weigh on round 3.
    /// </summary>
    internal PlonkV2Proof ProveCells(PlonkV2ProvingKey key, Fr[][] cells, Fr[] publicInputs, BlindingSource blinding, bool check,
                                     Action<string>? log = null, Action<Fr[]>? editLaneHelper = null, bool ownsCells = false)
    {
        var session = new PlonkV2ProverSession(key, ntt, msm, cells, publicInputs, blinding, transcriptHash, ownsCells)
        {
            CheckLookups = check,
            EditLaneHelper = editLaneHelper,
            VectorLanes = VectorLanes,
        };
        var clock = System.Diagnostics.Stopwatch.StartNew();
        void Step(string name, Action round)
        {
            round();
            if (CollectBetweenRounds)
            {
                // The round's temporaries are unreachable now; a full collection lets the next round reuse their space
                // (the arrays are all about n long, so the large-object heap's free list fits them) instead of the
                // heap growing by a round's worth before the GC's own budget triggers one. The heap holds few objects
                // with references, so this costs milliseconds.
                GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: false);
            }
            log?.Invoke($"{name}: {clock.Elapsed.TotalMilliseconds:F0} ms");
            clock.Restart();
        }
        if (check)
        {
            Step("check gates", session.CheckGates);
        }
        Step("round 1 (wires, lookups' multiplicities)", session.Round1Wires);
        Step("round 2 (permutation, lookup helper)", () => session.Round2Permutation(check));
        Step("round 3 (quotient)", () => session.Round3Quotient(check));
        Step("round 4 (evaluations)", session.Round4Evaluations);
        Step("round 5 (openings)", session.Round5Openings);
        // The rounds read the key's memory through spans, which do not keep a mapped key alive on their own.
        GC.KeepAlive(key);
        return session.Result();
    }
}
