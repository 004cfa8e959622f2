// SPDX-License-Identifier: MIT
using System.Diagnostics;
using System.Globalization;
using System.Numerics;
using Xunit.Abstractions;
using ZkOptions.Field;
using ZkOptions.Field.BabyJubjub;
using ZkOptions.Settlement.Batches;
using ZkOptions.Settlement.Engine;
using ZkOptions.Settlement.Instruments;
using ZkOptions.Settlement.Numbers;
using ZkOptions.Settlement.Oracle;
using ZkOptions.Settlement.Orders;
using ZkOptions.Settlement.Parameters;
using ZkOptions.Settlement.Pricing;
using ZkOptions.Settlement.Risk;
using ZkOptions.Settlement.Simulation;
using ZkOptions.Settlement.State;
using ZkOptions.Settlement.Transactions;
using ZkOptions.Solidity.Tests.Rollup.EndToEnd;

namespace ZkOptions.Solidity.Tests.Rollup;

/// <summary>
/// The whole pipeline with nothing stubbed: the settlement engine's batches become witnesses of the real batch
/// circuit (circuits/Settlement), are proved with PLONK (INSECURE dev SRS), and are settled on anvil through the
/// generated Solidity verifier and OptionsRollup, with deposits and forced requests made on L1 by their owners and
/// exits paid in TestUsdc. The CI test proves four one-slot batches (a 2^19 domain, about 30 s each on 2 cores);
/// the full run (ZKOPTIONS_E2E_FULL=1, scripts/e2e-anvil.sh) proves the whole built-in scenario.
/// </summary>
[Collection(EndToEndCollection.Name)]
public sealed class EndToEndTests(ITestOutputHelper output)
{
    private const long T0 = 1_767_225_600; // 2026-01-01 00:00 UTC

    private static readonly BigInteger R = Fr.Modulus;

    [Fact]
    public async Task RealProofsOfADepositAnEpochAWithdrawalAndAForcedWithdrawalSettleOnChainAndPayTheOwner()
    {
        var clock = Stopwatch.StartNew();
        EddsaPrivateKey oracleKey = Key(200), accountKey = Key(1);
        // The oracle signs for anvil's chain and the rollup's address, predicted before anything is deployed.
        var parameters = new ExchangeParameters
        {
            OraclePublicKey = oracleKey.PublicKey,
            ChainId = 31337,
            RollupAddress = RollupDeployment.AddressValue(EndToEndChain.PredictedRollupAddress),
        };
        using var prover = new SettlementBatchProver(parameters, 1, output.WriteLine);
        using var chain = await EndToEndChain.StartAsync(prover.VerificationKey, parameters, T0 - 600);
        await chain.RequireOracleDomainOfAsync(parameters);
        var run = new EndToEndRun(prover, chain, output.WriteLine);
        var queue = new L1Queue();
        var engine = new SettlementEngine(new RollupState(parameters), queue);
        string owner = chain.Node.Accounts[1];
        BigInteger ownerValue = RollupDeployment.AddressValue(owner);
        const long account = 1;
        Batch OneTransaction(long number, long timestamp, Transaction tx)
        {
            var builder = new BatchBuilder(engine, number, timestamp);
            builder.Add(tx);
            return builder.Seal();
        }

        // 1. The owner deposits 10,000 USD on L1, opening account 1 (0 is the insurance account); the batch creates it.
        Assert.Equal(account, queue.NextAccount);
        queue.Enqueue(new L1Operation(L1OperationKind.Deposit, account, ownerValue, Usd.FromDollars(10_000), accountKey.PublicKey));
        Batch deposit = OneTransaction(1, T0, new DepositTx(0));
        Assert.Equal(chain.Rollup.Settings.GenesisStateRoot, deposit.OldRoot.ToBigInteger());
        Assert.NotEqual(deposit.OldRoot, deposit.NewRoot);
        await run.SettleAsync(deposit, queue);

        // 2. The first risk epoch; its commitment is registered on L1 before the batch.
        OracleEpoch epoch = Epoch(parameters, oracleKey, 1, T0 + 60);
        Batch oracle = OneTransaction(2, T0 + 60, new OracleUpdateTx(epoch));
        Assert.Equal(epoch.Commitment, Assert.Single(oracle.EpochCommitments));
        Assert.Equal(RollupDeployment.EpochChain(await chain.Rollup.OracleDomainAsync(), [epoch.Commitment.ToBigInteger()]), oracle.EpochChain.ToBigInteger());
        await run.SettleAsync(oracle, queue);

        // 3. A signed withdrawal of 2,500 USD to the owner: an exit, paid by withdraw().
        Usd withdrawn = Usd.FromDollars(2_500);
        var signature = accountKey.Sign(SignedMessages.Withdraw(account, withdrawn, ownerValue, 0, parameters.ChainId));
        Batch withdrawal = OneTransaction(3, T0 + 120, new WithdrawTx(account, withdrawn, ownerValue, 0, signature));
        Assert.Equal(new ExitRecord(account, ownerValue, withdrawn), Assert.Single(withdrawal.Exits));
        BatchRecord paidWithdrawal = await run.SettleAsync(withdrawal, queue);
        Assert.Equal(new BigInteger(withdrawn.Micros), paidWithdrawal.Paid);

        // 4. A forced withdrawal of 1,000 USD requested on L1 by the owner. Before the genuine batch goes in, its
        //    valid proof is replayed with each input tampered, and each is refused by its own check.
        queue.Enqueue(new L1Operation(L1OperationKind.ForcedWithdraw, account, ownerValue, Usd.FromDollars(1_000), BabyJubjubPoint.Identity));
        Batch forced = OneTransaction(4, T0 + 180, new ForcedWithdrawTx(1));
        Assert.Equal("true", forced.Transactions[0].Details["applied"]);
        BatchRecord paidForced = await run.SettleAsync(forced, queue, proof => TamperedCopiesAreRefusedAsync(chain, forced, oracle, proof, queue));
        Assert.Equal(new BigInteger(1_000_000_000), paidForced.Paid);

        Assert.Equal(new BigInteger(4), await chain.Rollup.BatchCountAsync());
        Assert.Equal(new BigInteger(3_500_000_000), await chain.Rollup.TokenBalanceAsync(owner));
        Assert.Equal(new BigInteger(6_500_000_000), await chain.Rollup.TokenBalanceAsync(chain.Rollup.Rollup));
        Assert.Equal(new Usd(6_500_000_000), engine.State.Find(account)!.Collateral);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"4 batches proved and settled in {clock.Elapsed.TotalSeconds:F0} s (proving {run.Records.Sum(r => r.ProveSeconds):F0} s); " +
            $"submitBatch gas: {string.Join(", ", run.Records.Select(r => r.SubmitGas))}"));
    }

    /// <summary>
    /// The valid, unsubmitted proof of <paramref name="batch"/> against the real verifier and rollup, with one thing
    /// changed each time: every attempt reverts with its named error and the root stays put. <paramref name="previous"/>
    /// is a settled batch that applied one (registered) epoch.
    /// </summary>
    private static async Task TamperedCopiesAreRefusedAsync(EndToEndChain chain, Batch batch, Batch previous, BatchProof proof, L1Queue queue)
    {
        RollupExit[] exits = EndToEndChain.Exits(batch);
        Assert.NotEmpty(exits);
        BigInteger[] With(int index, BigInteger value)
        {
            var publics = (BigInteger[])proof.PublicInputs.Clone();
            publics[index] = value;
            return publics;
        }
        Task Submit(BigInteger[] publics, BigInteger[]? words = null, RollupExit[]? withExits = null) =>
            chain.Rollup.SubmitBatchAsync(publics, batch.QueueConsumedAfter, EndToEndChain.Epochs(batch), withExits ?? exits, words ?? proof.ProofWords);
        BigInteger[] P = proof.PublicInputs;
        BigInteger rootBefore = await chain.Rollup.StateRootAsync();

        // The previous batch's old root (a real root, just not the current one).
        await Reverts.WithAsync("WrongOldRoot()", () => Submit(With(0, chain.Rollup.Settings.GenesisStateRoot)));
        // The queue as if the forced request had not been consumed, and a queue hash before from further back.
        await Reverts.WithAsync("WrongQueueHash()", () => Submit(With(4, queue.HashAfter(batch.QueueConsumedBefore).ToBigInteger())));
        await Reverts.WithAsync("WrongQueueHash()", () => Submit(With(3, queue.HashAfter(0).ToBigInteger())));
        // The batch applies no epoch, so its chain is the bare domain. Listing an epoch no one registered, listing the
        // registered one the chain does not cover, or a chain from another deployment's domain are all refused.
        Assert.Empty(batch.EpochCommitments);
        Assert.Equal(await chain.Rollup.OracleDomainAsync(), P[5]);
        await Reverts.WithAsync("UnregisteredOracleCommitment()", () => chain.Rollup.SubmitBatchAsync(P, batch.QueueConsumedAfter, [(P[5] + 1) % R], exits, proof.ProofWords));
        BigInteger registered = EndToEndChain.Epochs(previous).Single();
        await Reverts.WithAsync("EpochChainMismatch()", () => chain.Rollup.SubmitBatchAsync(P, batch.QueueConsumedAfter, [registered], exits, proof.ProofWords));
        await Reverts.WithAsync("EpochChainMismatch()", () => Submit(With(5, RollupDeployment.OracleDomain(31337, chain.Node.Accounts[9]))));
        // The data commitment plus r: the same residue, so only the range check stands between it and the verifier.
        await Reverts.WithAsync("PublicInputNotInField(uint256)", () => Submit(With(6, P[6] + R)), new BigInteger(6));
        // One proof word changed: an evaluation, then a commitment replaced by its negation (still a curve point).
        var evaluation = (BigInteger[])proof.ProofWords.Clone();
        evaluation[19] = (evaluation[19] + 1) % R;
        await Reverts.WithAsync("InvalidProof()", () => Submit(P, evaluation));
        var negatedA = (BigInteger[])proof.ProofWords.Clone();
        negatedA[1] = Fq.Modulus - negatedA[1];
        await Reverts.WithAsync("InvalidProof()", () => Submit(P, negatedA));
        // A valid proof of other public inputs: the data commitment differs by one.
        await Reverts.WithAsync("InvalidProof()", () => Submit(With(6, (P[6] + 1) % R)));
        // The exit list paying one micro-USD more than the proof committed to.
        await Reverts.WithAsync("ExitCommitmentMismatch()", () => Submit(P, withExits: [exits[0] with { Amount = exits[0].Amount + 1 }]));

        Assert.Equal(rootBefore, await chain.Rollup.StateRootAsync());
    }

    /// <summary>
    /// The L1 half of the full run, without proofs, so CI guards it: every queue entry of the built-in scenario (batches
    /// of at most 4) is sent by its owner (addresses anvil must impersonate), the queue chains agree with the engine's,
    /// the owners are recorded, every epoch commitment is registered and anvil's clock reaches every batch's timestamp.
    /// </summary>
    [Fact]
    public async Task TheFullRunsL1SideMirrorsTheBuiltInScenarioWithImpersonatedOwners()
    {
        var settings = new ScenarioSettings { MaxBatchTransactions = 4 };
        var simulator = new Simulator(settings);
        IReadOnlyList<Batch> batches = simulator.Run();
        using var standIn = new TestBatchProver();
        using var chain = await EndToEndChain.StartAsync(standIn.VerificationKey, simulator.Parameters, (ulong)(settings.Start - 3_600));
        Assert.Equal(chain.Rollup.Settings.GenesisStateRoot, batches[0].OldRoot.ToBigInteger());
        foreach (Batch batch in batches)
        {
            Assert.InRange(batch.Transactions.Count, 1, 4);
            await chain.MirrorQueueAsync(simulator.Queue, batch.QueueConsumedAfter);
            await chain.PrepareAsync(batch);
            Assert.True(await chain.Node.Rpc.GetBlockTimestampAsync() >= (ulong)batch.Timestamp);
            foreach (BigInteger epoch in EndToEndChain.Epochs(batch))
            {
                Assert.True(await chain.Rollup.Rpc.CallAsync(chain.Rollup.Rollup, Prover.Solidity.Abi.AbiEncoder.EncodeCall("oracleCommitmentRegistered(uint256)",
                    epoch)) is [.., 1]);
            }
        }

        Assert.Equal(simulator.Queue.Count, (int)await chain.Rollup.QueueLengthAsync());
        var deposits = Enumerable.Range(0, simulator.Queue.Count).Select(i => simulator.Queue[i]).Where(op => op.Kind == L1OperationKind.Deposit).ToArray();
        Assert.Contains(Enumerable.Range(0, simulator.Queue.Count), i => simulator.Queue[i].Kind == L1OperationKind.ForcedWithdraw);
        // The contract opened the accounts the engine's queue opened, in the same order, with the same keys and owners;
        // the scenario's deposits into the insurance account are top-ups naming the identity key.
        Assert.Equal(simulator.Queue.NextAccount, (long)await chain.Rollup.NextAccountAsync());
        foreach (L1Operation op in deposits.GroupBy(op => op.Account).Where(g => g.Key != 0).Select(g => g.First()))
        {
            Assert.Equal(op.Owner, await chain.Rollup.AccountOwnerAsync(op.Account));
            Assert.Equal((op.PublicKey.X.ToBigInteger(), op.PublicKey.Y.ToBigInteger()), await chain.Rollup.AccountKeyAsync(op.Account));
            Assert.DoesNotContain(RollupDeployment.Address(op.Owner), chain.Node.Accounts);
        }
        Assert.Equal(deposits.Aggregate(BigInteger.Zero, (sum, op) => sum + op.Amount.Micros), await chain.Rollup.TokenBalanceAsync(chain.Rollup.Rollup));
    }

    /// <summary>
    /// FULL mode: every batch of the built-in scenario with MaxBatchTransactions = N (ZKOPTIONS_E2E_SLOTS, default 4),
    /// proved with the N-slot circuit, submitted, its root checked and its exits paid. Writes the per-batch timing log
    /// to ZKOPTIONS_E2E_LOG when set. About an hour on 2 cores with N = 4; run it with scripts/e2e-anvil.sh.
    /// </summary>
    [FullEndToEndFact]
    public async Task FullBuiltInScenarioEveryBatchProvedSubmittedAndPaid()
    {
        await FullScenario.RunAsync(output);
    }

    /// <summary>A deterministic BabyJubjub key for the CI flow.</summary>
    private static EddsaPrivateKey Key(byte seed)
    {
        var bytes = new byte[32];
        bytes[0] = seed;
        "zkoptions-e2e"u8.CopyTo(bytes.AsSpan(1));
        return new EddsaPrivateKey(bytes);
    }

    /// <summary>An epoch of two BTC series 30 days out on a put-skewed smile, signed by the oracle.</summary>
    private static OracleEpoch Epoch(ExchangeParameters parameters, EddsaPrivateKey oracleKey, long id, long timestamp)
    {
        long expiry = T0 + 30 * 86_400 + 8 * 3_600;
        SeriesKey[] series =
        [
            new(1, expiry, 100_000 * SeriesKey.StrikeScale, OptionType.Call),
            new(1, expiry, 90_000 * SeriesKey.StrikeScale, OptionType.Put),
        ];
        double w = 0.55 * 0.55 * (expiry - timestamp) / (365.0 * 86_400);
        var smile = new SviParameters(A: 0.9 * w, B: w, Rho: -0.35, M: 0, Sigma: 0.1);
        var market = new MarketData(id, timestamp,
            [new UnderlyingMarket(1, Usd.FromDollars(95_000), 0.03, UnderlyingMarket.DefaultShortChargeRate, [new ExpiryMarket(expiry, smile, null)], series)]);
        return RiskOracle.Compute(market, parameters).SignedWith(oracleKey, parameters.OracleDomain);
    }
}

/// <summary>
/// The end-to-end tests run alone: each keeps both cores busy for minutes and holds a proving key of over a GB, and
/// other tests' transaction timeouts should not compete with it.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class EndToEndCollection
{
    public const string Name = "end to end (real batch proofs)";
}
