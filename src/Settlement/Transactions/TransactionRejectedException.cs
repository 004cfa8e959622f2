// SPDX-License-Identifier: MIT
namespace ZkOptions.Settlement.Transactions;

/// <summary>A transaction that breaks <see cref="Rule"/>; the state is unchanged.</summary>
public sealed class TransactionRejectedException(Rule rule, string detail)
    : InvalidOperationException($"{rule.Name()}: {detail}")
{
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
}
