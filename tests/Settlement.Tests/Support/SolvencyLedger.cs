// SPDX-License-Identifier: MIT
using ZkOptions.Settlement.Engine;
using ZkOptions.Settlement.State;
using ZkOptions.Settlement.Transactions;

namespace ZkOptions.Settlement.Tests.Support;

/// <summary>
/// Follows every account's collateral and the tokens the contract holds (deposits consumed − exits) transaction by
/// transaction, and asserts after each that no balance is negative and the positive balances add up to no more than
/// the tokens: every exit claim can be paid.
/// </summary>
public sealed class SolvencyLedger
{
    private readonly Dictionary<long, long> balances = [];
    private Int128 tokens;

    /// <summary>Starts from <paramref name="state"/>, taking its balances as funded by deposits.</summary>
    public SolvencyLedger(RollupState state)
    {
        foreach (Account a in state.Accounts.Values)
        {
            balances[a.Index] = a.Collateral.Micros;
            tokens += a.Collateral.Micros;
        }
        Transactions = 0;
    }

    /// <summary>Transactions checked so far.</summary>
    public int Transactions { get; private set; }

    /// <summary>Applies <paramref name="r"/>, whose deposit (if any) brought <paramref name="deposited"/> µUSD in.</summary>
    public void Apply(TransactionResult r, long deposited)
    {
        foreach (AccountUpdate u in r.AccountUpdates)
        {
            balances[u.Index] = u.After.Collateral.Micros;
        }
        tokens += deposited;
        tokens -= r.Exits.Sum(e => e.Amount.Micros);
        Transactions++;
        var negative = balances.Where(b => b.Value < 0).ToArray();
        Assert.True(negative.Length == 0,
            $"after {r.Transaction.TypeName}: account {negative.FirstOrDefault().Key} holds {negative.FirstOrDefault().Value} µUSD");
        Int128 positive = balances.Values.Where(v => v > 0).Aggregate(Int128.Zero, (s, v) => s + v);
        Assert.True(positive <= tokens, $"after {r.Transaction.TypeName}: positive balances {positive} µUSD exceed the {tokens} µUSD the contract holds");
    }

    /// <summary>Applies a transaction whose deposit amount the batch file records.</summary>
    public void Apply(TransactionResult r) =>
        Apply(r, r.Transaction is DepositTx ? long.Parse(r.Details["l1Amount"], System.Globalization.CultureInfo.InvariantCulture) : 0);
}
