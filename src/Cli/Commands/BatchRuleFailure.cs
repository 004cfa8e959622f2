// SPDX-License-Identifier: MIT
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using ZkOptions.Circuit;
using ZkOptions.Circuits.Settlement.Witness;
using ZkOptions.Settlement.Batches;

namespace ZkOptions.Cli.Commands;

/// <summary>
/// One rule a batch breaks, as <c>batch check</c> reports it: the transaction (index and type), the rule's name and
/// the checker's message with the C# line that states the constraint, or the witness builder's refusal (no line then).
/// </summary>
internal sealed partial record BatchRuleFailure(int? Transaction, string Type, string Rule, string Message, ConstraintFailure? Constraint)
{
    /// <summary>The builder's refusal of a transaction whose records no slot can hold.</summary>
    public static BatchRuleFailure Of(BatchRuleException e) => new(e.Transaction, e.TransactionType, e.Rule, e.Detail, null);

    /// <summary>
    /// A failed constraint of the batch circuit. Its scope reads "slot 3 › trade › order.sides": the slot is the
    /// transaction (slots past the batch's transactions are noop padding) and the innermost rule-shaped scope the rule;
    /// constraints outside any rule (the old and new root) are named by their scope.
    /// </summary>
    public static BatchRuleFailure Of(ConstraintFailure f, Batch batch)
    {
        string[] scopes = f.Origin.Scope.Split(" › ");
        int? slot = scopes.Select(s => SlotScope().Match(s)).FirstOrDefault(m => m.Success) is { } m ? int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) : null;
        string type = slot is int i ? i < batch.Transactions.Count ? batch.Transactions[i].Transaction.TypeName : "noop" : "batch";
        string rule = scopes.LastOrDefault(s => RuleScope().IsMatch(s)) ?? (f.Origin.Scope.Length == 0 ? "batch" : f.Origin.Scope);
        return new(slot, type, rule, f.ToString(), f);
    }

    /// <summary>"FILE: transaction 0 (trade): order.sides: TradeRule.cs:48 slot 0 › … failed (gate 12): a = 5, b = 5".</summary>
    public string Describe(string file) => $"{file}: {(Transaction is int i ? $"transaction {i} ({Type})" : "batch")}: {Rule}: {Message}";

    public JsonObject ToJson() => new()
    {
        ["transaction"] = Transaction,
        ["type"] = Type,
        ["rule"] = Rule,
        ["message"] = Message,
        ["file"] = Constraint is null ? null : Path.GetFileName(Constraint.Origin.File),
        ["line"] = Constraint?.Origin.Line,
        ["gate"] = Constraint?.Gate,
    };

    [GeneratedRegex("^slot ([0-9]+)$")]
    private static partial Regex SlotScope();

    [GeneratedRegex("^[a-z0-9]+(\\.[a-z0-9-]+)+$")]
    private static partial Regex RuleScope();
}
