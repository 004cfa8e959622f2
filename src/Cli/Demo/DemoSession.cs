// SPDX-License-Identifier: MIT
using System.Diagnostics;
using ZkOptions.Constraints.V1;
using ZkOptions.Circuit.Compiler;
using ZkOptions.Circuits.Settlement;
using ZkOptions.Circuits.Settlement.Witness;
using ZkOptions.Cli.Commands;
using ZkOptions.Field;
using ZkOptions.Prover.Engines;
using ZkOptions.Prover.Formats;
using ZkOptions.Prover.Plonk;
using ZkOptions.Prover.Solidity;
using ZkOptions.Settlement.Batches;
using ZkOptions.Settlement.Simulation;
using ZkOptions.Settlement.Transactions;
using ZkOptions.Cli.Output;

namespace ZkOptions.Cli.Demo;

/// <summary>
/// The built-in session of <c>zkoptions demo</c>, end to end: the settlement engine runs the built-in scenario (an
/// oracle epoch with risk arrays, signed orders and trades, a crash and a liquidation, expiry settlement) in
/// one-transaction batches; the batch circuit checks one batch of every transaction type against the engine; a
/// batch-1 key is made from a development SRS; the first trade is proved, verified in C# (and a forged new root is
/// refused), and the Solidity verifier and its calldata are exported.
/// </summary>
internal sealed class DemoSession(INttEngine ntt, IMsmEngine msm, Action<string> step, IProgress<ProverProgress>? progress = null)
{
    // Shares of the whole run, measured on 2 cores: setup and prove take nearly all of it.
    private const double SessionShare = 0.02, CheckShare = 0.07, SetupShare = 0.45, ProveShare = 0.45;

    /// <summary>The seed of the development SRS. The demo's key is for looking at, never for deployment.</summary>
    public const ulong DevSrsSeed = 1;

    private const string Circuit = "batch-1";

    /// <summary>Runs the session, writing its files into <paramref name="directory"/> (which exists and is empty).</summary>
    public DemoReport Run(string directory, bool keepKey)
    {
        var total = Stopwatch.StartNew();
        var clock = Stopwatch.StartNew();

        progress?.Report(new ProverProgress("running the settlement session", 0));
        var simulator = new Simulator(new ScenarioSettings { MaxBatchTransactions = 1 });
        IReadOnlyList<Batch> batches = simulator.Run();
        var session = SessionFacts.Of(simulator, batches);
        double sessionSeconds = Lap(clock);
        step($"session: {Counted.Of(session.Batches, "batch", "batches")}, {Counted.Of(session.Transactions, "transaction")} ({session.ByTypeText()}); " +
             $"{Counted.Of(session.Rejected, "request")} refused by the engine ({sessionSeconds:F1} s)");

        progress?.Report(new ProverProgress($"checking {Circuit} against the engine", SessionShare));
        CompiledCircuit circuit = CircuitOptions.Compile(Circuit, simulator.Parameters);
        var shape = new SettlementShape(simulator.Parameters, 1);
        Batch proved = batches.First(b => b.Transactions[0].Transaction is TradeTx);
        Fr[] witness = [];
        var checkedTypes = new List<string>();
        foreach (Batch batch in batches.GroupBy(b => b.Transactions[0].Transaction.TypeName).Select(g => g.First()).OrderBy(b => b.Number))
        {
            Fr[] solved = circuit.Solve(BatchWitness.Build(batch, shape));
            var failures = circuit.Check(solved, maxFailures: 5);
            if (failures.Count > 0)
            {
                throw new DemoFailedException($"the {Circuit} circuit refuses batch {batch.Number} ({batch.Transactions[0].Transaction.TypeName}), " +
                                              $"which the engine accepted: {string.Join("; ", failures)}");
            }
            checkedTypes.Add(batch.Transactions[0].Transaction.TypeName);
            if (batch == proved)
            {
                witness = solved;
            }
        }
        double checkSeconds = Lap(clock);
        step($"circuit: {Circuit} ({circuit.GateCount:N0} gates) agrees with the engine on one batch of each of {checkedTypes.Count} " +
             $"transaction types: {string.Join(", ", checkedTypes)} ({checkSeconds:F1} s)");

        string zkeyPath = Path.Combine(directory, $"{Circuit}.zkey");
        progress?.Report(new ProverProgress("setup: development SRS", SessionShare + CheckShare));
        var srs = DevPowersOfTau.Create((1 << PlonkSetup.DomainPower(circuit.GateCount)) + 6, DevSrsSeed);
        PlonkZkeyHeader header = new PlonkSetup(ntt, msm).Write(circuit.ToPlonkCircuit(), srs.TauG1, srs.TauG2, zkeyPath,
            Scaled("setup", SessionShare + CheckShare, SetupShare));
        double setupSeconds = Lap(clock);
        step($"setup: {header.NConstraints:N0} PLONK gates, domain 2^{header.Power}, development SRS (seed {DevSrsSeed}; insecure) ({setupSeconds:F1} s)");

        PlonkProofResult result;
        using (var key = PlonkZkeyFile.Open(zkeyPath))
        {
            result = new PlonkProver(ntt, msm).Prove(key, witness, progress: Scaled("prove", SessionShare + CheckShare + SetupShare, ProveShare));
        }
        if (!keepKey)
        {
            File.Delete(zkeyPath);
        }
        double proveSeconds = Lap(clock);
        var expected = proved.PublicInputs.Select(p => p.Value).ToArray();
        if (!result.PublicSignals.AsSpan().SequenceEqual(expected))
        {
            throw new DemoFailedException($"the proof's public signals differ from batch {proved.Number}'s public inputs");
        }
        step($"prove: batch {proved.Number} (a trade between two signed orders) ({proveSeconds:F1} s)");

        PlonkVerificationKey vk = PlonkKeyExport.ToVerificationKey(header);
        bool valid = PlonkVerifier.Verify(vk, result.Proof, result.PublicSignals);
        Fr[] forged = [.. result.PublicSignals];
        forged[1] += Fr.One; // newStateRoot: a sequencer claiming a state the batch does not lead to
        bool forgedRefused = !PlonkVerifier.Verify(vk, result.Proof, forged);
        double verifySeconds = Lap(clock);
        if (!valid || !forgedRefused)
        {
            throw new DemoFailedException(!valid ? "the C# verifier rejects the demo's proof" : "the C# verifier accepts a forged new state root");
        }
        step($"verify (C#): valid; the same proof with a forged new state root is refused ({verifySeconds:F2} s)");

        byte[] calldata = PlonkCalldata.Encode(result.Proof, result.PublicSignals);
        var files = new DemoFiles(directory);
        result.Proof.Write(files.Proof);
        PublicSignals.Write(files.Public, result.PublicSignals);
        vk.Write(files.VerificationKey);
        AtomicFile.WriteAllText(files.Verifier, PlonkSolidityVerifier.Generate(vk));
        AtomicFile.WriteAllText(files.Calldata, "0x" + Convert.ToHexStringLower(calldata) + "\n");
        AtomicFile.WriteAllText(files.Readme, DemoFiles.ReadmeText(proved.Number, Circuit, keepKey ? Path.GetFileName(zkeyPath) : null));
        step("export: proof.json, public.json, verification_key.json, PlonkVerifier.sol and its calldata");

        return new DemoReport(
            Session: session,
            Circuit: Circuit,
            Gates: header.NConstraints,
            DomainPower: header.Power,
            PublicSignals: header.NPublic,
            CheckedTypes: checkedTypes,
            ProvedBatch: proved.Number,
            NewStateRoot: proved.NewRoot,
            ProofBytes: PlonkCalldata.ProofWords(result.Proof).Length * 32,
            CalldataBytes: calldata.Length,
            ExpectedGas: VerifierGasModel.Transaction(calldata, header.NPublic),
            SessionSeconds: sessionSeconds,
            CheckSeconds: checkSeconds,
            SetupSeconds: setupSeconds,
            ProveSeconds: proveSeconds,
            VerifySeconds: verifySeconds,
            TotalSeconds: total.Elapsed.TotalSeconds,
            Directory: directory,
            KeyKept: keepKey);
    }

    /// <summary>A setup's or a proof's own progress as a stretch of the whole demo's.</summary>
    private IProgress<ProverProgress>? Scaled(string step, double start, double share) =>
        progress is null ? null : new ScaledProgress(progress, step, start, share);

    private sealed class ScaledProgress(IProgress<ProverProgress> whole, string step, double start, double share) : IProgress<ProverProgress>
    {
        public void Report(ProverProgress value) => whole.Report(new ProverProgress($"{step}: {value.Phase}", start + share * value.Fraction));
    }

    private static double Lap(Stopwatch clock)
    {
        double seconds = clock.Elapsed.TotalSeconds;
        clock.Restart();
        return seconds;
    }
}
