// SPDX-License-Identifier: MIT
using ZkOptions.Circuit.Compiler;
using ZkOptions.Circuits.Settlement;
using ZkOptions.Circuits.Settlement.Witness;
using ZkOptions.Circuits.Tests.Support;
using ZkOptions.Field;
using ZkOptions.Settlement.Batches;
using ZkOptions.Settlement.Engine;
using ZkOptions.Settlement.Simulation;
using ZkOptions.Settlement.Transactions;

namespace ZkOptions.Circuits.Tests;

/// <summary>
/// A fuzz-style sweep of what `prove --batch` does with a hostile batch: every transaction of the built-in scenario
/// (one per batch, so one batch-1 circuit serves all) under a set of structured mutations of its records — roles
/// swapped, an account duplicated, indices shifted out of the tree, the type changed under its records, details and
/// records dropped. Building the witness may only refuse with <see cref="BatchRuleException"/>; a witness that builds
/// solves and checks without throwing, and one that differs from the honest witness is refused by the checker.
/// </summary>
public sealed class WitnessMutationSweepTests
{
    [Fact]
    public void Mutated_batches_are_refused_by_rule_and_never_crash_the_witness_builder()
    {
        var simulator = new Simulator(new ScenarioSettings { MaxBatchTransactions = 1 });
        var batches = simulator.Run().Where(b => b.Transactions.Count == 1).ToList();
        var p = simulator.Parameters;
        var shape = new SettlementShape(p, 1);
        var circuit = CircuitCompiler.Compile(new BatchCircuit(shape), "batch-1");
        // One transaction of each type, whose type the "type changed" mutation puts over another's records.
        var pool = batches.Select(b => b.Transactions[0].Transaction).GroupBy(t => t.GetType()).Select(g => g.First()).ToList();
        var solved = new HashSet<string>();
        var problems = new List<string>();
        int built = 0, refused = 0, checkedCount = 0;
        foreach (var batch in batches)
        {
            var honest = BatchWitness.Slots(batch, shape);
            foreach (var (name, mutated) in Mutations(batch.Transactions[0], pool, p.AccountCapacity, p.InsuranceAccount))
            {
                string what = $"batch {batch.Number} ({batch.Transactions[0].Transaction.TypeName}) {name}";
                var hostile = HostileBatches.WithTransaction(batch, 0, mutated);
                Fr[] slots;
                try
                {
                    slots = BatchWitness.Slots(hostile, shape);
                    built++;
                }
                catch (BatchRuleException)
                {
                    refused++;
                    continue;
                }
                catch (Exception e)
                {
                    problems.Add($"{what}: the witness builder threw {e.GetType().Name}: {e.Message}");
                    continue;
                }
                // Solving is the slow part: once per transaction type and mutation (once per new type for a type change).
                if (!solved.Add(name.StartsWith("type changed", StringComparison.Ordinal) ? name : $"{batch.Transactions[0].Transaction.TypeName}/{name}"))
                {
                    continue;
                }
                try
                {
                    var witness = circuit.Solve(BatchWitness.Assign(hostile, slots));
                    var failures = circuit.Check(witness, maxFailures: 1);
                    checkedCount++;
                    if (failures.Count == 0 && !slots.AsSpan().SequenceEqual(honest))
                    {
                        problems.Add($"{what}: the circuit accepts a witness that differs from the honest one");
                    }
                }
                catch (Exception e)
                {
                    problems.Add($"{what}: solving or checking threw {e.GetType().Name}: {e.Message}");
                }
            }
        }
        Assert.True(problems.Count == 0, $"{problems.Count} problems:\n{string.Join("\n", problems)}");
        Assert.True(refused > 0 && built > 0 && checkedCount > 0, $"refused {refused}, built {built}, checked {checkedCount}");
    }

    /// <summary>The structured mutations of one transaction's records, by name.</summary>
    private static IEnumerable<(string Name, TransactionResult Mutated)> Mutations(TransactionResult r, IReadOnlyList<Transaction> pool, long capacity, long insurance)
    {
        var tx = r.Transaction;
        switch (tx)
        {
            case TradeTx t:
                long maker = t.Maker.Order.Account, taker = t.Taker.Order.Account;
                yield return ("maker and taker swapped", r with { Transaction = t with { Maker = Owned(t.Maker, taker), Taker = Owned(t.Taker, maker) } });
                yield return ("taker is the maker", r with { Transaction = t with { Taker = Owned(t.Taker, maker) } });
                yield return ("maker out of the tree", r with { Transaction = t with { Maker = Owned(t.Maker, capacity) } });
                yield return ("taker is the insurance account", r with { Transaction = t with { Taker = Owned(t.Taker, insurance) } });
                break;
            case LiquidationBidTx b:
                yield return ("liquidator and victim swapped", r with { Transaction = b with { Liquidator = b.Victim, Victim = b.Liquidator } });
                yield return ("liquidator is the victim", r with { Transaction = b with { Liquidator = b.Victim } });
                yield return ("victim out of the tree", r with { Transaction = b with { Victim = capacity } });
                break;
            case SettleTx s:
                yield return ("account out of the tree", r with { Transaction = s with { Account = capacity } });
                yield return ("insurance settles", r with { Transaction = s with { Account = insurance } });
                break;
            case DepositTx d:
                yield return ("queue index shifted", r with { Transaction = new DepositTx(d.QueueIndex + 1) });
                break;
        }
        if (r.AccountUpdates.Count > 0)
        {
            var first = r.AccountUpdates[0];
            yield return ("account records swapped", r with { AccountUpdates = [.. r.AccountUpdates.Reverse()] });
            yield return ("first account duplicated", r with { AccountUpdates = [first, .. r.AccountUpdates] });
            yield return ("first account out of the tree", r with { AccountUpdates = [first with { Index = capacity }, .. r.AccountUpdates.Skip(1)] });
            yield return ("first account new", r with { AccountUpdates = [first with { Before = null }, .. r.AccountUpdates.Skip(1)] });
            yield return ("account records dropped", r with { AccountUpdates = [] });
        }
        yield return ("order slots dropped", r with { OrderSlots = [] });
        yield return ("order slots duplicated", r with { OrderSlots = [.. r.OrderSlots, .. r.OrderSlots] });
        yield return ("series dropped", r with { Series = [] });
        yield return ("series duplicated", r with { Series = [.. r.Series, .. r.Series] });
        yield return ("details dropped", r with { Details = new Dictionary<string, string>() });
        foreach (string key in r.Details.Keys)
        {
            yield return ($"detail {key} dropped", r with { Details = r.Details.Where(kv => kv.Key != key).ToDictionary(kv => kv.Key, kv => kv.Value) });
            yield return ($"detail {key} garbled", r with { Details = new Dictionary<string, string>(r.Details) { [key] = "0xg" } });
        }
        foreach (var other in pool.Where(o => o.GetType() != tx.GetType()))
        {
            yield return ($"type changed to {other.TypeName}", r with { Transaction = other });
        }
    }

    private static ZkOptions.Settlement.Orders.SignedOrder Owned(ZkOptions.Settlement.Orders.SignedOrder o, long account) =>
        o with { Order = o.Order with { Account = account } };
}
