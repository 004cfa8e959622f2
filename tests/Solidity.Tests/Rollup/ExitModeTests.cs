// SPDX-License-Identifier: MIT
using System.Numerics;
using ZkOptions.Field;
using ZkOptions.Field.Hashing;
using ZkOptions.Settlement.Hashing;
using ZkOptions.Settlement.Numbers;
using ZkOptions.Settlement.Parameters;
using ZkOptions.Settlement.State;

namespace ZkOptions.Solidity.Tests.Rollup;

/// <summary>
/// A forced withdrawal left unserved past the deadline freezes the rollup; then unconsumed deposits go back to their
/// depositors and owners claim their collateral from the last proven state, opened with the settlement engine's own
/// leaf, tree and root (a <see cref="RollupState"/>).
/// </summary>
public sealed class ExitModeTests(RollupFixture fixture) : IClassFixture<RollupFixture>
{
    private const ulong Deadline = 86_400;

    private string User(int i) => fixture.Account(i);

    [Fact]
    public async Task AnUnservedForcedWithdrawalFreezesTheRollupAndFundsComeBack()
    {
        // The proven L2 state: account 1 (user 1) holds 4 USD, account 2 (user 2) is 0.00005 USD in debt; the
        // contract opens them in that order.
        var parameters = new ExchangeParameters { AccountTreeDepth = 3 };
        var state = new RollupState(parameters);
        Account rich = NewAccount(parameters, 1, User(1), 4_000_000);
        Account poor = NewAccount(parameters, 2, User(2), -50);
        state.Put(rich);
        state.Put(poor);
        var tree = new SparseMerkleTree(4, parameters.AccountTreeDepth);
        foreach (Account a in state.Accounts.Values)
        {
            tree.Set(a.Index, a.LeafHash());
        }
        Assert.Equal(state.AccountsRoot, tree.Root);
        Fr[] rootPreimage = [tree.Root, Fr.Zero, Fr.Zero, Fr.Zero];
        Assert.Equal(state.Root, Poseidon.Hash(rootPreimage));

        var s = await RollupScenario.StartAsync(fixture, new RollupSettings { GenesisStateRoot = 1, AccountTreeDepth = 3, ForcedDeadline = Deadline });
        // Account 9's 1 USD deposit was lost on L2 (its proven collateral is negative), so it stays in the contract.
        await s.DepositAsync(User(1), 4_000_000);
        await s.DepositAsync(User(2), 1_000_000);
        await s.RequestForcedWithdrawalAsync(User(2), 2, 10);
        await s.SubmitAsync(await s.PublicInputsAsync(state.Root.ToBigInteger(), 3, []), 3, []);
        L1Operation pending = await s.DepositAsync(User(4), 700_000);
        await s.RequestForcedWithdrawalAsync(User(4), pending.Account, 1);
        L1Operation pendingTopUp = await s.TopUpAsync(User(5), rich.Index, 30_000, rich.PublicKey);

        // Exit mode needs an unconsumed forced request past its deadline.
        await Reverts.WithAsync("NotForcedRequest()", () => s.Rollup.ActivateExitModeAsync(3));
        await Reverts.WithAsync("RequestAlreadyConsumed()", () => s.Rollup.ActivateExitModeAsync(2));
        await Reverts.WithAsync("DeadlineNotPassed()", () => s.Rollup.ActivateExitModeAsync(4));
        await Reverts.WithAsync("NotExitMode()", () => s.Rollup.ReclaimDepositAsync(3, pending));
        await s.Rollup.AdvanceTimeAsync(Deadline - 100);
        await Reverts.WithAsync("DeadlineNotPassed()", () => s.Rollup.ActivateExitModeAsync(4));
        await s.Rollup.AdvanceTimeAsync(101);
        await s.Rollup.ActivateExitModeAsync(4, User(5));
        Assert.True(await s.Rollup.ExitModeAsync());
        await Reverts.WithAsync("ExitMode()", () => s.Rollup.ActivateExitModeAsync(4));
        await s.Rollup.FundAsync(User(4), 1);
        await Reverts.WithAsync("ExitMode()", () => s.Rollup.DepositAsync(User(4), 1, RollupScenario.Key(20)));
        await Reverts.WithAsync("ExitMode()", () => s.Rollup.TopUpAsync(User(4), pending.Account, 1, pending.PublicKey));
        await Reverts.WithAsync("ExitMode()", () => s.Rollup.RequestForcedWithdrawalAsync(User(4), pending.Account, 1));

        // The unconsumed deposit goes back, once, and only against its exact fields.
        await Reverts.WithAsync("WrongDepositPreimage()", () => s.Rollup.ReclaimDepositAsync(3, pending with { Amount = new Usd(700_001) }));
        await Reverts.WithAsync("WrongDepositPreimage()", () => s.Rollup.ReclaimDepositAsync(4, pending));
        await Reverts.WithAsync("NotUnconsumedDeposit()", () => s.Rollup.ReclaimDepositAsync(0, s.Queue[0]));
        await Reverts.WithAsync("NotUnconsumedDeposit()", () => s.Rollup.ReclaimDepositAsync(6, pending));
        await s.Rollup.ReclaimDepositAsync(3, pending, User(5));
        Assert.Equal(new BigInteger(700_000 + 1), await s.Rollup.TokenBalanceAsync(User(4)));
        await Reverts.WithAsync("DepositAlreadyReclaimed()", () => s.Rollup.ReclaimDepositAsync(3, pending));
        // A top-up goes back to whoever sent it, not to the account's owner.
        await Reverts.WithAsync("WrongDepositPreimage()", () => s.Rollup.ReclaimDepositAsync(5, pendingTopUp with { Owner = rich.Owner }));
        await s.Rollup.ReclaimDepositAsync(5, pendingTopUp);
        Assert.Equal(new BigInteger(30_000), await s.Rollup.TokenBalanceAsync(User(5)));

        // Owners claim max(collateral, 0) from the last proven state with the leaf preimage and the Merkle path.
        Fr[] richLeaf = LeafPreimage(rich);
        Assert.Equal(rich.LeafHash(), AccountLeaf.Hash(richLeaf));
        MerkleProof richPath = tree.Prove(rich.Index);
        await Reverts.WithAsync("NotAccountOwner()", () => s.Rollup.ClaimAccountAsync(User(2), 1, rootPreimage, richLeaf, richPath));
        await Reverts.WithAsync("WrongStateRootPreimage()", () => s.Rollup.ClaimAccountAsync(User(1), 1, [tree.Root, Fr.One, Fr.Zero, Fr.Zero], richLeaf, richPath));
        Fr[] inflated = (Fr[])richLeaf.Clone();
        inflated[4] = FieldCodec.Signed(5_000_000L);
        await Reverts.WithAsync("WrongMerkleProof()", () => s.Rollup.ClaimAccountAsync(User(1), 1, rootPreimage, inflated, richPath));
        await Reverts.WithAsync("WrongMerkleProof()", () => s.Rollup.ClaimAccountAsync(User(1), 3, rootPreimage, richLeaf, richPath));
        await Reverts.WithAsync("WrongMerkleProof()", () => s.Rollup.ClaimAccountAsync(User(1), 1, rootPreimage, richLeaf, new MerkleProof(richPath.Siblings.Take(2).ToArray())));
        await s.Rollup.ClaimAccountAsync(User(1), 1, rootPreimage, richLeaf, richPath);
        Assert.Equal(new BigInteger(4_000_000), await s.Rollup.WithdrawableAsync(User(1)));
        await Reverts.WithAsync("AccountAlreadyClaimed()", () => s.Rollup.ClaimAccountAsync(User(1), 1, rootPreimage, richLeaf, richPath));
        await s.Rollup.WithdrawAsync(User(1));
        Assert.Equal(new BigInteger(4_000_000), await s.Rollup.TokenBalanceAsync(User(1)));

        // The insurance account's leaf (in the state from genesis) has owner 0: no caller can claim it.
        Account insurance = state.Find(0)!;
        await Reverts.WithAsync("NotAccountOwner()", () => s.Rollup.ClaimAccountAsync(User(1), 0, rootPreimage, LeafPreimage(insurance), tree.Prove(0)));

        // A negative collateral (its residue is in the upper half of the field) pays nothing.
        await s.Rollup.ClaimAccountAsync(User(2), 2, rootPreimage, LeafPreimage(poor), tree.Prove(poor.Index));
        Assert.Equal(BigInteger.Zero, await s.Rollup.WithdrawableAsync(User(2)));
        Assert.Equal(new BigInteger(1_000_000), await s.Rollup.TokenBalanceAsync(s.Rollup.Rollup));
    }

    private static Account NewAccount(ExchangeParameters p, long index, string owner, long collateral) =>
        new(index, RollupScenario.Key(index), RollupDeployment.AddressValue(owner), p.PositionSlots, p.ScenarioCount, p.OrderTreeDepth, 0)
        {
            Collateral = new Usd(collateral),
            Nonce = 3,
        };

    /// <summary>The leaf preimage in Account.LeafHash's order.</summary>
    private static Fr[] LeafPreimage(Account a) =>
    [
        a.PublicKey.X, a.PublicKey.Y, Fr.FromBigInteger(a.Owner), FieldCodec.Unsigned(a.Nonce), FieldCodec.Signed(a.Collateral.Micros),
        FieldCodec.Unsigned(a.LiquidationStart), a.OrderTree.Root, a.PositionsHash(), a.Risk.Hash(),
    ];
}
