// SPDX-License-Identifier: MIT
using System.Diagnostics;
using ZkOptions.Circuit;
using ZkOptions.Circuit.Compiler;
using ZkOptions.Circuits.Settlement;
using ZkOptions.Circuits.Settlement.Witness;
using ZkOptions.Cli.Output;
using ZkOptions.Constraints;
using ZkOptions.Constraints.V2;
using ZkOptions.Field;
using ZkOptions.Prover;
using ZkOptions.Prover.Engines;
using ZkOptions.Prover.Formats;
using ZkOptions.Prover.Plonk;
using ZkOptions.Prover.PlonkV2;
using ZkOptions.Prover.Solidity.V2;
using ZkOptions.Settlement.Batches;
using ZkOptions.Settlement.Simulation;
using ZkOptions.Settlement.Transactions;

namespace ZkOptions.Cli.Demo;

/// <summary>
/// The built-in session of <c>zkoptions demo</c>, end to end: the settlement engine runs the built-in scenario (oracle
/// epochs with risk arrays, signed orders and trades, a crash and a liquidation, expiry settlement) in batches cut for
/// the <see cref="Layout"/> circuit (trade slots and a general slot); that circuit, on PLONK v2, checks one batch of
/// every transaction type against the engine; a key is made from a development SRS; the batch with the most trades
/// is proved, verified in C# (and a forged new root is refused), and the v2 Solidity verifier and its calldata are
/// exported.
/// </summary>
internal sealed class DemoSession(INttEngine ntt, IMsmEngine msm, Action<string> step, IProgress<ProverProgress>? progress = null)
{
    // Shares of the whole run, measured on 2 cores: the proof takes most of it.
    private const double SessionShare = 0.03, CheckShare = 0.17, SetupShare = 0.08, ProveShare = 0.70;

    /// <summary>The seed of the development SRS. The demo's key is for looking at, never for deployment.</summary>
    public const ulong DevSrsSeed = 1;

    /// <summary>
    /// Six trade slots and one general slot: 123,341 rows, which fill a 2^17 domain to 94 %, so one proof stays within
    /// the demo's time on two cores.
    /// </summary>
    public static readonly BatchLayout Layout = new(tradeSlots: 6, generalSlots: 1);

    /// <summary>Runs the session, writing its files into <paramref name="directory"/> (which exists and is empty).</summary>
    public DemoReport Run(string directory, bool keepKey)
    {
        var total = Stopwatch.StartNew();
        var clock = Stopwatch.StartNew();
        string circuitName = Layout.Name;

        progress?.Report(new ProverProgress("running the settlement session", 0));
        var simulator = new Simulator(new ScenarioSettings { Layout = Layout });
        IReadOnlyList<Batch> batches = simulator.Run();
        var session = SessionFacts.Of(simulator, batches);
        double sessionSeconds = Lap(clock);
        step($"session: {Counted.Of(session.Batches, "batch", "batches")} cut for {circuitName}, {Counted.Of(session.Transactions, "transaction")} " +
             $"({session.ByTypeText()}); {Counted.Of(session.Rejected, "request")} refused by the engine ({sessionSeconds:F1} s)");

        progress?.Report(new ProverProgress($"checking {circuitName} against the engine", SessionShare));
        var shape = new SettlementShape(simulator.Parameters, Layout);
        CompiledCircuit circuit = CircuitCompiler.Compile(new BatchCircuit(shape), circuitName, ProofSystem.V2);
        Batch proved = batches.MaxBy(TradesIn)!; // the first of those with the most trades
        int provedTrades = TradesIn(proved);
        Fr[] witness = [];
        var checkedTypes = new List<string>();
        // The batches are independent: solved and checked side by side, reported in order.
        List<Batch> toCheck = BatchesCoveringEveryType(batches, proved);
        var solvedWitnesses = new Fr[toCheck.Count][];
        var failuresOf = new IReadOnlyList<ConstraintFailure>[toCheck.Count];
        Parallel.For(0, toCheck.Count, ParallelLimit.Options, b =>
        {
            solvedWitnesses[b] = circuit.Solve(BatchWitness.Build(toCheck[b], shape));
            failuresOf[b] = circuit.Check(solvedWitnesses[b], maxFailures: 5);
        });
        for (int b = 0; b < toCheck.Count; b++)
        {
            Batch batch = toCheck[b];
            if (failuresOf[b].Count > 0)
            {
                throw new DemoFailedException($"the {circuitName} circuit refuses batch {batch.Number} ({TypesText(batch)}), " +
                                              $"which the engine accepted: {string.Join("; ", failuresOf[b])}");
            }
            checkedTypes.AddRange(batch.Transactions.Select(t => t.Transaction.TypeName).Where(t => !checkedTypes.Contains(t)));
            if (batch == proved)
            {
                witness = solvedWitnesses[b];
            }
        }
        double checkSeconds = Lap(clock);
        int tradeSlot = Enumerable.Range(0, Layout.Slots).First(i => Layout.KindOf(i) == SlotKind.Trade);
        int tradeSlotRows = RowsIn(circuit, $"trade slot {tradeSlot}");
        step($"circuit: {circuitName} on PLONK v2 ({circuit.RowCount:N0} rows; a trade slot {tradeSlotRows:N0}) agrees with the engine on batches holding every one of " +
             $"{checkedTypes.Count} transaction types: {string.Join(", ", checkedTypes)} ({checkSeconds:F1} s)");

        progress?.Report(new ProverProgress("setup: development SRS", SessionShare + CheckShare));
        WideCircuit wide = circuit.ToWideCircuit();
        int power = PlonkV2Setup.DomainPower(wide);
        var srs = DevPowersOfTau.Create(new QuotientLayout(power, WideGates.All).CommitmentKeySize, DevSrsSeed);
        using PlonkV2ProvingKey key = new PlonkV2Setup(ntt, msm).Create(wide, srs);
        string? keyFile = null;
        if (keepKey)
        {
            keyFile = $"{circuitName}.v2.key";
            PlonkV2ProvingKeyFile.Write(key, Path.Combine(directory, keyFile));
        }
        double setupSeconds = Lap(clock);
        step($"setup: {wide.Rows.Count:N0} rows, domain 2^{power}, development SRS (seed {DevSrsSeed}; insecure: its τ is known, so the " +
             $"fixed commitments are [p(τ)]₁ rather than MSMs) ({setupSeconds:F1} s)");

        progress?.Report(new ProverProgress($"prove: batch {proved.Number}", SessionShare + CheckShare + SetupShare));
        PlonkV2ProofResult result = new PlonkV2Prover(ntt, msm).Prove(key, witness,
            log: line => progress?.Report(new ProverProgress($"prove: {line}", SessionShare + CheckShare + SetupShare)));
        double proveSeconds = Lap(clock);
        var expected = proved.PublicInputs.Select(p => p.Value).ToArray();
        if (!result.PublicInputs.AsSpan().SequenceEqual(expected))
        {
            throw new DemoFailedException($"the proof's public inputs differ from batch {proved.Number}'s");
        }
        step($"prove: batch {proved.Number} ({TypesText(proved)}; each trade between two signed orders) ({proveSeconds:F1} s)");

        PlonkV2VerifyingKey vk = key.VerifyingKey;
        bool valid = PlonkV2Verifier.Verify(vk, result.Proof, result.PublicInputs);
        Fr[] forged = [.. result.PublicInputs];
        forged[1] += Fr.One; // newStateRoot: a sequencer claiming a state the batch does not lead to
        bool forgedRefused = !PlonkV2Verifier.Verify(vk, result.Proof, forged);
        double verifySeconds = Lap(clock);
        if (!valid || !forgedRefused)
        {
            throw new DemoFailedException(!valid ? "the C# verifier rejects the demo's proof" : "the C# verifier accepts a forged new state root");
        }
        step($"verify (C#): valid; the same proof with a forged new state root is refused ({verifySeconds:F2} s)");

        byte[] calldata = PlonkV2Calldata.Encode(result.Proof, result.PublicInputs);
        var files = new DemoFiles(directory);
        result.Proof.Write(files.Proof);
        PublicSignals.Write(files.Public, result.PublicInputs);
        vk.Write(files.VerificationKey);
        AtomicFile.WriteAllText(files.Verifier, PlonkV2SolidityVerifier.Generate(vk));
        AtomicFile.WriteAllText(files.Calldata, "0x" + Convert.ToHexStringLower(calldata) + "\n");
        AtomicFile.WriteAllText(files.Readme, DemoFiles.ReadmeText(proved.Number, provedTrades, circuitName, keyFile));
        step($"export: {string.Join(", ", DemoFiles.Names.Where(n => n != DemoFiles.Marker))}");

        long gas = PlonkV2VerifierGasModel.Transaction(vk, calldata);
        return new DemoReport(
            Session: session,
            Circuit: circuitName,
            Rows: wide.Rows.Count,
            TradeSlotRows: tradeSlotRows,
            DomainPower: power,
            PublicSignals: vk.PublicCount,
            CheckedTypes: checkedTypes,
            ProvedBatch: proved.Number,
            ProvedTrades: provedTrades,
            NewStateRoot: proved.NewRoot,
            ProofBytes: PlonkV2Calldata.ProofWords(result.Proof).Length * 32,
            CalldataBytes: calldata.Length,
            ExpectedGas: gas,
            SessionSeconds: sessionSeconds,
            CheckSeconds: checkSeconds,
            SetupSeconds: setupSeconds,
            ProveSeconds: proveSeconds,
            VerifySeconds: verifySeconds,
            TotalSeconds: total.Elapsed.TotalSeconds,
            Directory: directory,
            KeyFile: keyFile);
    }

    /// <summary>The rows under a scope of the circuit (a slot's rows sit under "trade slot i" and its sub-scopes).</summary>
    private static int RowsIn(CompiledCircuit circuit, string scope) =>
        circuit.GatesByScope().Where(s => s.Scope == scope || s.Scope.StartsWith(scope + " › ", StringComparison.Ordinal)).Sum(s => s.Gates);

    private static int TradesIn(Batch batch) => batch.Transactions.Count(t => t.Transaction is TradeTx);

    private static string TypesText(Batch batch) =>
        string.Join(", ", batch.Transactions.GroupBy(t => t.Transaction.TypeName).Select(g => Counted.Of(g.Count(), g.Key)));

    /// <summary>The batch to prove, then the first batch holding each transaction type none of the chosen ones holds yet.</summary>
    private static List<Batch> BatchesCoveringEveryType(IReadOnlyList<Batch> batches, Batch proved)
    {
        var chosen = new List<Batch> { proved };
        var covered = new HashSet<string>(proved.Transactions.Select(t => t.Transaction.TypeName));
        foreach (Batch batch in batches)
        {
            if (batch.Transactions.Any(t => !covered.Contains(t.Transaction.TypeName)))
            {
                chosen.Add(batch);
                covered.UnionWith(batch.Transactions.Select(t => t.Transaction.TypeName));
            }
        }
        return chosen;
    }

    private static double Lap(Stopwatch clock)
    {
        double seconds = clock.Elapsed.TotalSeconds;
        clock.Restart();
        return seconds;
    }
}
