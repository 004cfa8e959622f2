// SPDX-License-Identifier: MIT
using System.Numerics;
using ZkOptions.Prover.Solidity.Abi;
using ZkOptions.Settlement.Engine;
using ZkOptions.Settlement.Numbers;
using ZkOptions.Settlement.Parameters;
using ZkOptions.Settlement.State;
using ZkOptions.Settlement.Transactions;

namespace ZkOptions.Solidity.Tests.Rollup;

/// <summary>
/// What the contract lets into the queue matches what the settlement engine and the circuit can consume: forced
/// withdrawals only for opened accounts and only from their owner (the circuit cannot prove a refusal for an index
/// with no leaf), top-ups into an opened account from anyone who names its key (the engine credits them), and amounts
/// only up to <see cref="L1Operation.MaxAmount"/> (2^62 − 1, where <see cref="L1Queue"/> stops).
/// </summary>
public sealed class AccountOwnershipTests(RollupFixture fixture) : IClassFixture<RollupFixture>
{
    private static readonly BigInteger MaxAmount = (BigInteger.One << 62) - 1;

    private string User(int i) => fixture.Account(i);

    [Fact]
    public async Task AForcedWithdrawalNeedsAnOpenedAccountAndComesOnlyFromItsOwner()
    {
        var s = await RollupScenario.StartAsync(fixture, new RollupSettings { GenesisStateRoot = 3, AccountTreeDepth = 2 });
        await Reverts.WithAsync("AccountNotOpen()", () => s.Rollup.RequestForcedWithdrawalAsync(User(1), 1, 1));
        Assert.Equal(BigInteger.Zero, await s.Rollup.AccountOwnerAsync(1));

        await s.DepositAsync(User(1), 1_000_000);
        Assert.Equal(RollupDeployment.AddressValue(User(1)), await s.Rollup.AccountOwnerAsync(1));
        await Reverts.WithAsync("NotAccountOwner()", () => s.Rollup.RequestForcedWithdrawalAsync(User(2), 1, 1));
        await Reverts.WithAsync("AccountNotOpen()", () => s.Rollup.RequestForcedWithdrawalAsync(User(1), 2, 1));

        // The request is accepted before any batch consumed the deposit: the queue is consumed in order, so the
        // account exists by the time the request is reached.
        await s.RequestForcedWithdrawalAsync(User(1), 1, 400_000);
        Assert.Equal(2, (int)await s.Rollup.QueueLengthAsync());
        Assert.Equal(s.Queue.HashAfter(2).ToBigInteger(), await s.Rollup.QueueHashAtAsync(2));
    }

    [Fact]
    public async Task ATopUpFromAnotherSenderNamingTheAccountsKeyIsCreditedAsTheEngineDoes()
    {
        var s = await RollupScenario.StartAsync(fixture, new RollupSettings { GenesisStateRoot = 3, AccountTreeDepth = 2 });
        await s.DepositAsync(User(1), 1_000_000);
        // Another sender: the top-up must name the account's key; then the owner stays the opener.
        await s.Rollup.FundAsync(User(2), 250_000);
        await Reverts.WithAsync("KeyMismatch()", () => s.Rollup.TopUpAsync(User(2), 1, 250_000, RollupScenario.Key(9)));
        await s.TopUpAsync(User(2), 1, 250_000, RollupScenario.Key(1));
        Assert.Equal(RollupDeployment.AddressValue(User(1)), await s.Rollup.AccountOwnerAsync(1));
        Assert.Equal(s.Queue.HashAfter(2).ToBigInteger(), await s.Rollup.QueueHashAtAsync(2));
        await Reverts.WithAsync("NotAccountOwner()", () => s.Rollup.RequestForcedWithdrawalAsync(User(2), 1, 1));
        await s.RequestForcedWithdrawalAsync(User(1), 1, 1_250_000);

        // The engine consumes the same three entries: the top-up credits the account and keeps its key and owner,
        // and the owner's forced withdrawal pays out.
        var engine = new SettlementEngine(new RollupState(new ExchangeParameters { AccountTreeDepth = 2 }), s.Queue);
        engine.Apply(new DepositTx(0), 1_000);
        engine.Apply(new DepositTx(1), 1_000);
        Account account = engine.State.Find(1)!;
        Assert.Equal(new Usd(1_250_000), account.Collateral);
        Assert.Equal(RollupDeployment.AddressValue(User(1)), account.Owner);
        Assert.Equal(RollupScenario.Key(1), account.PublicKey);
        TransactionResult forced = engine.Apply(new ForcedWithdrawTx(2), 1_000);
        Assert.Equal("true", forced.Details["applied"]);
        Assert.Equal(new ExitRecord(1, RollupDeployment.AddressValue(User(1)), new Usd(1_250_000)), Assert.Single(forced.Exits));
        Assert.Equal(s.Queue.HashAfter(3).ToBigInteger(), await s.Rollup.QueueHashAtAsync(3));
    }

    [Fact]
    public async Task TheContractQueuesAmountsUpToTheEnginesBoundAndNoMore()
    {
        var s = await RollupScenario.StartAsync(fixture, new RollupSettings { GenesisStateRoot = 3, AccountTreeDepth = 2 });
        Assert.Equal(L1Operation.MaxAmount, MaxAmount);
        Assert.Equal(MaxAmount, (BigInteger)AbiDecoder.DecodeSingle(AbiType.UInt256,
            await s.Rollup.Rpc.CallAsync(s.Rollup.Rollup, AbiEncoder.EncodeCall("MAX_AMOUNT()")))!);

        // Above the bound: the engine's queue refuses the entry, and the contract refuses to queue it.
        var tooLarge = new L1Operation(L1OperationKind.Deposit, 1, RollupDeployment.AddressValue(User(1)), new Usd(long.MaxValue / 2 + 1), RollupScenario.Key(1));
        Assert.Throws<ArgumentOutOfRangeException>(() => new L1Queue().Enqueue(tooLarge));
        await s.Rollup.FundAsync(User(1), MaxAmount + 1);
        await Reverts.WithAsync("AmountTooLarge()", () => s.Rollup.DepositAsync(User(1), MaxAmount + 1, RollupScenario.Key(1)));
        await Reverts.WithAsync("AmountTooLarge()", () => s.Rollup.DepositAsync(User(1), (BigInteger.One << 96) - 1, RollupScenario.Key(1)));

        // At the bound: both accept it, and the queue hashes agree.
        await s.Rollup.DepositAsync(User(1), MaxAmount, RollupScenario.Key(1));
        s.Queue.Enqueue(tooLarge with { Amount = new Usd((long)MaxAmount) });
        Assert.Equal(s.Queue.HashAfter(1).ToBigInteger(), await s.Rollup.QueueHashAtAsync(1));

        // The same bound for top-ups and forced withdrawals.
        await Reverts.WithAsync("AmountTooLarge()", () => s.Rollup.TopUpAsync(User(1), 1, MaxAmount + 1, RollupScenario.Key(1)));
        await Reverts.WithAsync("AmountTooLarge()", () => s.Rollup.RequestForcedWithdrawalAsync(User(1), 1, MaxAmount + 1));
        await s.RequestForcedWithdrawalAsync(User(1), 1, (long)MaxAmount);
        Assert.Equal(s.Queue.HashAfter(2).ToBigInteger(), await s.Rollup.QueueHashAtAsync(2));
        Assert.Equal(MaxAmount, await s.Rollup.TokenBalanceAsync(s.Rollup.Rollup));
    }
}
