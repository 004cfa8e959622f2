// SPDX-License-Identifier: MIT
using ZkOptions.Circuit;
using ZkOptions.Circuit.Std;
using ZkOptions.Circuits.Settlement.Gadgets;
using ZkOptions.Circuits.Settlement.Rules;
using R = ZkOptions.Circuits.Settlement.SlotRegions;

namespace ZkOptions.Circuits.Settlement;

/// <summary>The running values a batch threads through its slots.</summary>
public sealed record BatchRunningState(Variable AccountsRoot, EpochState Epoch, Variable QueueHash, Variable QueueIndex,
    Variable ExitHash, Variable DataHash, Variable EpochChain);

/// <summary>
/// One transaction slot: the type selector picks one of the slot kind's rules (or none: a noop, which changes
/// nothing); the slot's shared parts — two full account ports and the insurance port, two order slots, the series
/// reads (K in a general slot, one in a trade slot), two signature checks, two margin evaluators — serve whichever
/// rule is active. A trade slot has only the trade rule, so it carries none of the other rules' parts and leaves the
/// L1 queue, exit and epoch chains as they are.
/// </summary>
public static class TransactionSlot
{
    public static BatchRunningState Define(Api api, SettlementShape shape, SlotLayout layout, Variable[] w, Variable timestamp,
        Variable oracleDomain, BatchRunningState state)
    {
        var p = shape.Parameters;
        Variable[] Region(string name)
        {
            var (offset, count) = layout[name];
            return w.AsSpan(offset, count).ToArray();
        }
        Variable[][] Path(string name)
        {
            var flat = Region(name);
            return Enumerable.Range(0, flat.Length / 3).Select(i => flat.AsSpan(3 * i, 3).ToArray()).ToArray();
        }

        var type = Region(R.Type)[0];
        var rules = SettlementRule.For(layout.Kind);
        var selectors = new Variable[rules.Count];
        Variable any = 0;
        using (api.Scope("type"))
        {
            for (int i = 0; i < rules.Count; i++)
            {
                selectors[i] = api.IsEqual(type, rules[i].TypeCode);
                any += selectors[i];
            }
            // Noop (type 0) is the only other value.
            api.AssertEqual(api.Mul(type, 1 - any), 0);
        }

        AccountPort FullPort(string name) => new(Region(name + ".index")[0], Region(name + ".isNew")[0],
            new AccountState(Region(name + ".old"), shape.PositionSlots), Path(name + ".path"));
        var primary = FullPort(R.Primary);
        var counterparty = FullPort(R.Counterparty);
        var insurance = new InsurancePort(Region(R.Insurance + ".old"), Path(R.Insurance + ".path"), shape.InsuranceAccount);
        var orderSlots = Enumerable.Range(0, 2).Select(i =>
        {
            var old = Region($"{R.OrderSlot}{i}.old");
            return new OrderSlotPort(old[0], old[1], Path($"{R.OrderSlot}{i}.path"));
        }).ToArray();
        var series = Enumerable.Range(0, layout.SeriesPorts).Select(i =>
            new SeriesPort(Region($"{R.Series}{i}.fields"), Region($"{R.Series}{i}.index")[0], Path($"{R.Series}{i}.path"))).ToArray();
        var signatures = Enumerable.Range(0, 2).Select(i => Region($"{R.Signature}{i}")).ToArray();
        var ctx = new SlotContext(api, shape, timestamp, oracleDomain, state.Epoch, primary, counterparty, insurance, orderSlots, series, signatures, Region(R.Transaction));

        // Only a deposit may create an account, and only through the primary port.
        int depositRule = rules.ToList().FindIndex(r => r.TypeCode == ZkOptions.Settlement.Transactions.TransactionTypes.Deposit);
        Variable deposit = depositRule >= 0 ? selectors[depositRule] : 0;
        api.AssertEqual(api.Mul(primary.IsNew, 1 - deposit), 0);
        api.AssertEqual(counterparty.IsNew, 0);

        var checks = new List<Action>();
        for (int i = 0; i < rules.Count; i++)
        {
            checks.Add(rules[i].Apply(ctx, selectors[i]));
        }
        for (int i = 0; i < 2; i++)
        {
            using (api.Scope($"margin evaluator {i}"))
            {
                ctx.Margin[i] = MarginFigures.Evaluate(api, ctx.MarginInputs[i].AsState(shape.PositionSlots),
                    p.InitialMarginFactor.Value, p.LiquidationBufferFactor.Value);
            }
        }
        foreach (var check in checks)
        {
            check();
        }

        for (int i = 0; i < 2; i++)
        {
            var req = ctx.SignatureRequests[i];
            SignaturePort.Verify(api, req.Active, req.KeyX, req.KeyY, req.Message, signatures[i],
                i == 0 ? "signature.valid (maker order, withdrawal, bid) / oracle.signature" : "signature.valid (taker order)");
        }
        for (int i = 0; i < series.Length; i++)
        {
            series[i].Check(api, p.SeriesTreeDepth, ctx.SeriesUsed[i], state.Epoch.SeriesRoot);
        }

        var root = primary.Apply(api, p.AccountTreeDepth, ctx.PrimaryUsed, state.AccountsRoot);
        root = counterparty.Apply(api, p.AccountTreeDepth, ctx.CounterpartyUsed, root);
        root = insurance.Apply(api, p.AccountTreeDepth, ctx.InsuranceUsed, root);

        // A part no rule of this slot kind uses is left out: its running value passes through unchanged.
        Variable queueHash = state.QueueHash, queueIndex = state.QueueIndex;
        if (!IsZero(ctx.QueueEntry.Active))
        {
            using (api.Scope("l1.queue-order"))
            {
                var (active, fields) = ctx.QueueEntry;
                var next = Poseidon.Hash(api, [state.QueueHash, Poseidon.Hash(api, fields)]);
                queueHash = api.Select(active, next, state.QueueHash);
                new RuleCheck(api, active).Equal("l1.queue-order", ctx.Tx[R.QueueIndex], state.QueueIndex);
                queueIndex = state.QueueIndex + active;
            }
        }
        Variable exitHash = state.ExitHash;
        if (!IsZero(ctx.Exit.Active))
        {
            using (api.Scope("exit chain"))
            {
                var (active, account, recipient, amount) = ctx.Exit;
                exitHash = api.Select(active, Poseidon.Hash(api, [state.ExitHash, account, recipient, amount]), state.ExitHash);
            }
        }
        Variable dataHash;
        using (api.Scope("data chain"))
        {
            var (active, hash) = ctx.DataHash();
            dataHash = api.Select(active, Poseidon.Hash(api, [state.DataHash, hash]), state.DataHash);
        }
        Variable epochChain = state.EpochChain;
        if (!IsZero(ctx.AppliedEpoch.Active))
        {
            using (api.Scope("epoch chain"))
            {
                var (active, commitment) = ctx.AppliedEpoch;
                epochChain = api.Select(active, Poseidon.Hash(api, [state.EpochChain, commitment]), state.EpochChain);
            }
        }
        return new BatchRunningState(root, ctx.NewEpoch, queueHash, queueIndex, exitHash, dataHash, epochChain);
    }

    private static bool IsZero(Variable v) => v.IsConstant && v.ConstantValue.IsZero;
}
