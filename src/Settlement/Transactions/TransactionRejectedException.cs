// SPDX-License-Identifier: MIT
namespace ZkOptions.Settlement.Transactions;

/// <summary>A transaction that breaks <see cref="Rule"/>; the state is unchanged.</summary>
public sealed class TransactionRejectedException(Rule rule, string detail, long? faultAccount = null)
    : InvalidOperationException($"{rule.Name()}: {detail}")
{
    /// <summary>The account whose order, signature or margin broke the rule, when one can be named.</summary>
    public long? FaultAccount { get; } = faultAccount;

    /// <summary>The rule broken.</summary>
    public Rule Rule { get; } = rule;

    /// <summary>The values involved, for people.</summary>
    public string Detail { get; } = detail;

    /// <summary>Throws a rejection of <paramref name="rule"/> unless <paramref name="holds"/>.</summary>
    public static void Require(bool holds, Rule rule, Func<string> detail)
    {
        if (!holds)
        {
            throw new TransactionRejectedException(rule, detail());
        }
    }

    /// <summary>As <see cref="Require(bool, Rule, Func{string})"/>, blaming <paramref name="account"/>.</summary>
    public static void Require(bool holds, Rule rule, long account, Func<string> detail)
    {
        if (!holds)
        {
            throw new TransactionRejectedException(rule, detail(), account);
        }
    }
}
