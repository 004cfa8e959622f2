// SPDX-License-Identifier: MIT
using System.Numerics;
using ZkOptions.Field;
using ZkOptions.Settlement.State;

namespace ZkOptions.Solidity.Tests.Rollup;

/// <summary>
/// OptionsRollup on anvil with a real PLONK verifier (of <see cref="EightPublicInputsCircuit"/>) and genuine proofs:
/// the queue chains exactly like the settlement engine's <see cref="L1Queue"/>, a batch advances the root, consumes
/// the queue and credits exits for pull withdrawal, and every check rejects with its named error.
/// </summary>
public sealed class RollupContractTests(RollupFixture fixture) : IClassFixture<RollupFixture>
{
    private static readonly BigInteger R = Fr.Modulus;

    private string User(int i) => fixture.Account(i);

    [Fact]
    public async Task TheQueueChainsLikeTheSettlementEngine()
    {
        var s = await RollupScenario.StartAsync(fixture);
        await s.DepositAsync(User(1), 5_000_000);
        await s.DepositAsync(User(2), 7_250_000);
        await s.RequestForcedWithdrawalAsync(User(1), 1, 1_000_000);
        await s.TopUpAsync(User(1), 1, 1, RollupScenario.Key(1));

        Assert.Equal(4, (int)await s.Rollup.QueueLengthAsync());
        for (int i = 0; i <= 4; i++)
        {
            Assert.Equal(s.Queue.HashAfter(i).ToBigInteger(), await s.Rollup.QueueHashAtAsync(i));
        }
        Assert.Equal(new BigInteger(12_250_001), await s.Rollup.TokenBalanceAsync(s.Rollup.Rollup));
        Assert.Equal(BigInteger.Zero, await s.Rollup.TokenBalanceAsync(User(1)));
    }

    [Fact]
    public async Task DepositsOutsideTheRulesAreRefused()
    {
        // Depth 1: four leaves, the insurance account and three that deposits can open.
        var s = await RollupScenario.StartAsync(fixture, new RollupSettings { GenesisStateRoot = 1, AccountTreeDepth = 1 });
        await s.Rollup.FundAsync(User(1), 100);
        var key = RollupScenario.Key(1);
        await Reverts.WithAsync("ZeroAmount()", () => s.Rollup.DepositAsync(User(1), 0, key));
        await Reverts.WithAsync("PublicKeyNotInField()", () => s.Rollup.DepositAsync(User(1), 1, R, 1));
        await Reverts.WithAsync("PublicKeyNotInField()", () => s.Rollup.DepositAsync(User(1), 1, 1, R));
        await Reverts.WithAsync("AccountNotOpen()", () => s.Rollup.TopUpAsync(User(1), 1, 1, key));
        await Reverts.WithAsync("ZeroAmount()", () => s.Rollup.RequestForcedWithdrawalAsync(User(1), 1, 0));
        await Reverts.WithAsync("AccountNotOpen()", () => s.Rollup.RequestForcedWithdrawalAsync(User(1), 1, 1));
        await s.DepositAsync(User(1), 100);
        await s.DepositAsync(User(2), 1);
        await s.DepositAsync(User(3), 1);
        Assert.Equal(new BigInteger(4), await s.Rollup.NextAccountAsync());
        await s.Rollup.FundAsync(User(4), 1);
        await Reverts.WithAsync("AccountTreeFull()", () => s.Rollup.DepositAsync(User(4), 1, RollupScenario.Key(4)));
        await Reverts.WithAsync("ZeroAmount()", () => s.Rollup.TopUpAsync(User(4), 3, 0, RollupScenario.Key(3)));
        await Reverts.WithAsync("KeyMismatch()", () => s.Rollup.TopUpAsync(User(4), 3, 1, RollupScenario.Key(4)));
        await s.TopUpAsync(User(4), 3, 1, RollupScenario.Key(3));
        Assert.Equal(new BigInteger(4), await s.Rollup.QueueLengthAsync());
        Assert.Equal(s.Queue.HashAfter(4).ToBigInteger(), await s.Rollup.QueueHashAtAsync(4));
    }

    [Fact]
    public async Task ABatchAdvancesTheRootConsumesTheQueueAndCreditsExitsForWithdrawal()
    {
        var s = await RollupScenario.StartAsync(fixture);
        await s.DepositAsync(User(1), 5_000_000);
        await s.DepositAsync(User(2), 3_000_000);
        await s.TopUpAsync(User(2), 2, 1_000_000, RollupScenario.Key(2));
        BigInteger epoch = 0xE90C;
        await s.Rollup.RegisterOracleCommitmentAsync(epoch);

        RollupExit[] exits = [new(1, User(1), 1_200_000), new(2, User(3), 800_000), new(1, User(1), 300_000)];
        BigInteger[] publics = await s.PublicInputsAsync(newRoot: 4242, consumedAfter: 2, exits, [epoch]);
        await s.SubmitAsync(publics, 2, exits, [epoch]);

        Assert.Equal(new BigInteger(4242), await s.Rollup.StateRootAsync());
        Assert.Equal(new BigInteger(2), await s.Rollup.QueueConsumedAsync());
        Assert.Equal(publics[2], await s.Rollup.LastTimestampAsync());
        Assert.Equal(BigInteger.One, await s.Rollup.BatchCountAsync());
        Assert.Equal(new BigInteger(1_500_000), await s.Rollup.WithdrawableAsync(User(1)));
        Assert.Equal(new BigInteger(800_000), await s.Rollup.WithdrawableAsync(User(3)));

        await s.Rollup.WithdrawAsync(User(1));
        await s.Rollup.WithdrawAsync(User(3));
        Assert.Equal(new BigInteger(1_500_000), await s.Rollup.TokenBalanceAsync(User(1)));
        Assert.Equal(new BigInteger(800_000), await s.Rollup.TokenBalanceAsync(User(3)));
        Assert.Equal(new BigInteger(9_000_000 - 2_300_000), await s.Rollup.TokenBalanceAsync(s.Rollup.Rollup));
        Assert.Equal(BigInteger.Zero, await s.Rollup.WithdrawableAsync(User(1)));
        await Reverts.WithAsync("NothingToWithdraw()", () => s.Rollup.WithdrawAsync(User(1)));

        // A second batch: no exits, the last deposit, no new epoch (the state keeps the one it has).
        await s.SubmitAsync(await s.PublicInputsAsync(4343, 3, []), 3, []);
        Assert.Equal(new BigInteger(4343), await s.Rollup.StateRootAsync());
        Assert.Equal(new BigInteger(3), await s.Rollup.QueueConsumedAsync());
    }

    public static TheoryData<string, string> Rejections => new()
    {
        { "wrong old root", "WrongOldRoot()" },
        { "wrong queue hash before", "WrongQueueHash()" },
        { "wrong queue hash after", "WrongQueueHash()" },
        { "queue count beyond the queue", "QueueCountOutOfRange()" },
        { "queue count below the consumed count", "QueueCountOutOfRange()" },
        { "unregistered oracle commitment", "UnregisteredOracleCommitment()" },
        { "epoch chain over an epoch the batch does not list", "EpochChainMismatch()" },
        { "epoch listed but not in the chain", "EpochChainMismatch()" },
        { "epoch chain from another rollup's domain", "EpochChainMismatch()" },
        { "public input 6 is r + 1", "PublicInputNotInField(uint256)" },
        { "public input 0 is 2^256 - 1", "PublicInputNotInField(uint256)" },
        { "tampered proof", "InvalidProof()" },
        { "proof of other public inputs", "InvalidProof()" },
        { "timestamp in the future", "TimestampOutOfWindow()" },
        { "timestamp older than maxBatchDelay", "TimestampOutOfWindow()" },
        { "timestamp before the last batch", "TimestampOutOfWindow()" },
        { "exit amount differs from the commitment", "ExitCommitmentMismatch()" },
        { "exit dropped", "ExitCommitmentMismatch()" },
        { "exit mode", "ExitMode()" },
    };

    /// <summary>
    /// Every rejection, each from a rollup with one accepted batch (epoch registered, timestamp set) and two pending
    /// deposits. Apart from the proof cases, the proof is genuine for the submitted public inputs, so only the
    /// contract's own check can be what rejects.
    /// </summary>
    [Theory]
    [MemberData(nameof(Rejections))]
    public async Task ABatchBreakingARuleIsRejectedWithItsError(string change, string error)
    {
        var s = await RollupScenario.StartAsync(fixture, new RollupSettings { GenesisStateRoot = 99, MaxBatchDelay = 600, ForcedDeadline = 3600 });
        await s.DepositAsync(User(1), 2_000_000);
        BigInteger epoch = 0xABC, next = 0xABD;
        await s.Rollup.RegisterOracleCommitmentAsync(epoch);
        await s.SubmitAsync(await s.PublicInputsAsync(100, 1, [], [epoch]), 1, [], [epoch]);
        await s.Rollup.AdvanceTimeAsync(100);
        await s.DepositAsync(User(2), 1_000_000);
        await s.TopUpAsync(User(2), 2, 500_000, RollupScenario.Key(2));
        await s.Rollup.RegisterOracleCommitmentAsync(next);

        RollupExit[] exits = [new(1, User(1), 250_000), new(1, User(2), 1)];
        BigInteger[] epochs = [next];
        BigInteger[] publics = await s.PublicInputsAsync(101, 3, exits, epochs);
        long consumedAfter = 3;
        BigInteger[]? proof = null;
        BigInteger now = publics[2];
        BigInteger[] Set(int i, BigInteger v)
        {
            publics[i] = v;
            return publics;
        }
        object?[] args = [];
        switch (change)
        {
            case "wrong old root": Set(0, 98); break;
            case "wrong queue hash before": Set(3, s.Queue.HashAfter(0).ToBigInteger()); break;
            case "wrong queue hash after": Set(4, s.Queue.HashAfter(2).ToBigInteger()); break;
            case "queue count beyond the queue": consumedAfter = 4; break;
            case "queue count below the consumed count": consumedAfter = 0; Set(4, s.Queue.HashAfter(0).ToBigInteger()); break;
            case "unregistered oracle commitment":
                epochs = [next + 1];
                Set(5, s.EpochChain(epochs));
                break;
            case "epoch chain over an epoch the batch does not list": epochs = []; break;
            case "epoch listed but not in the chain": epochs = [next, epoch]; break;
            case "epoch chain from another rollup's domain":
                Set(5, RollupDeployment.EpochChain(RollupDeployment.OracleDomain(31337, User(9)), epochs));
                break;
            case "public input 6 is r + 1":
                proof = fixture.Prover.Prove(Set(6, 1));
                Set(6, R + 1);
                args = [new BigInteger(6)];
                break;
            case "public input 0 is 2^256 - 1":
                proof = fixture.Prover.Prove(publics);
                Set(0, (BigInteger.One << 256) - 1);
                args = [BigInteger.Zero];
                break;
            case "tampered proof":
                proof = fixture.Prover.Prove(publics);
                proof[19] = (proof[19] + 1) % R; // evaluation b
                break;
            case "proof of other public inputs":
                proof = fixture.Prover.Prove([.. publics.Select((v, i) => i == 6 ? v + 1 : v)]);
                break;
            case "timestamp in the future": Set(2, now + 1000); break;
            case "timestamp older than maxBatchDelay":
                await s.Rollup.AdvanceTimeAsync(700);
                break;
            case "timestamp before the last batch": Set(2, await s.Rollup.LastTimestampAsync() - 1); break;
            case "exit amount differs from the commitment": exits[0] = exits[0] with { Amount = 250_001 }; break;
            case "exit dropped": exits = exits[..1]; break;
            case "exit mode":
                await s.RequestForcedWithdrawalAsync(User(2), 2, 1);
                await s.Rollup.AdvanceTimeAsync(3601);
                await s.Rollup.ActivateExitModeAsync(3);
                break;
            default: throw new ArgumentException(change);
        }
        proof ??= fixture.Prover.Prove(publics);
        await Reverts.WithAsync(error, () => s.Rollup.SubmitBatchAsync(publics, consumedAfter, epochs, exits, proof), args);
        Assert.Equal(new BigInteger(100), await s.Rollup.StateRootAsync());
    }

    [Fact]
    public async Task OnlyTheRegistrarRegistersOracleCommitmentsAndBatchesMayApplyNone()
    {
        var s = await RollupScenario.StartAsync(fixture, new RollupSettings { GenesisStateRoot = 5, OracleRegistrar = User(4) });
        await Reverts.WithAsync("NotOracleRegistrar()", () => s.Rollup.RegisterOracleCommitmentAsync(7));
        await Reverts.WithAsync("InvalidOracleCommitment()", () => s.Rollup.RegisterOracleCommitmentAsync(0, User(4)));
        await Reverts.WithAsync("InvalidOracleCommitment()", () => s.Rollup.RegisterOracleCommitmentAsync(R, User(4)));
        await s.Rollup.RegisterOracleCommitmentAsync(7, User(4));
        await Reverts.WithAsync("OracleCommitmentAlreadyRegistered()", () => s.Rollup.RegisterOracleCommitmentAsync(7, User(4)));

        // A batch that applies no epoch carries the bare domain, before and after one that applies an epoch: the
        // state can only change epoch through an applied, registered commitment.
        Assert.Equal(await s.Rollup.OracleDomainAsync(), (await s.PublicInputsAsync(6, 0, []))[5]);
        await s.SubmitAsync(await s.PublicInputsAsync(6, 0, []), 0, []);
        await s.SubmitAsync(await s.PublicInputsAsync(7, 0, [], [7]), 0, [], [7]);
        await s.SubmitAsync(await s.PublicInputsAsync(8, 0, []), 0, []);
        Assert.Equal(new BigInteger(8), await s.Rollup.StateRootAsync());
    }
}
