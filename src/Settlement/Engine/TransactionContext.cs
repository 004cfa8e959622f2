// SPDX-License-Identifier: MIT
using ZkOptions.Field.BabyJubjub;
using ZkOptions.Field;
using ZkOptions.Settlement.Margin;
using ZkOptions.Settlement.Instruments;
using ZkOptions.Settlement.Numbers;
using ZkOptions.Settlement.Parameters;
using ZkOptions.Settlement.Risk;
using ZkOptions.Settlement.State;
using ZkOptions.Settlement.Transactions;
using static ZkOptions.Settlement.Transactions.TransactionRejectedException;

namespace ZkOptions.Settlement.Engine;

/// <summary>
/// The working set of one transaction: clones of the accounts it touches (one clone per index, however often it is
/// loaded), what it read and emitted, and the guards every rule family shares. Nothing reaches the state until
/// <see cref="Commit"/>, so a rejection leaves the state as it was.
/// </summary>
internal sealed class TransactionContext(RollupState state, L1Queue queue, long timestamp, SignatureCheck signatures)
{
    private readonly List<Account> loaded = [];

    public RollupState State { get; } = state;

    public L1Queue Queue { get; } = queue;

    public long Timestamp { get; } = timestamp;

    public ExchangeParameters Parameters => State.Parameters;

    public List<OrderSlotUpdate> OrderSlots { get; } = [];

    public List<SeriesWitness> SeriesRead { get; } = [];

    public List<ExitRecord> Exits { get; } = [];

    public Dictionary<string, string> Details { get; } = [];

    /// <summary>The epoch an oracle update moves to, set once every rule holds.</summary>
    public OracleEpoch? NewEpoch { get; set; }

    /// <summary>True when the transaction consumes the next L1 queue entry.</summary>
    public bool ConsumesQueueEntry { get; set; }

    /// <summary>A working copy of an existing account; a rejection when there is none.</summary>
    public Account Load(long index, string role)
    {
        Account? a = TryLoad(index);
        Require(a is not null, Rule.AccountExists, () => $"{role} account {index} does not exist");
        return a!;
    }

    /// <summary>A working copy of the account, or null when the index is unused.</summary>
    public Account? TryLoad(long index)
    {
        Account? mine = loaded.Find(a => a.Index == index);
        if (mine is not null)
        {
            return mine;
        }
        Account? stored = State.Find(index);
        if (stored is null)
        {
            return null;
        }
        Account clone = stored.Clone();
        loaded.Add(clone);
        return clone;
    }

    /// <summary>Adds a new account to the working set.</summary>
    public void Create(Account account) => loaded.Add(account);

    /// <summary>Rejects when <paramref name="index"/> is the insurance account (it only ever moves cash as the counterparty).</summary>
    public void RequireNotInsurance(long index, string role) =>
        Require(index != Parameters.InsuranceAccount, Rule.NotInsurance, index, () => $"the {role} is the insurance account {index}");

    /// <summary>The insurance account.</summary>
    public Account Insurance() => Load(Parameters.InsuranceAccount, "insurance");

    /// <summary>The current epoch, fresh enough for margin decisions.</summary>
    public OracleEpoch FreshEpoch()
    {
        OracleEpoch? e = State.Epoch;
        Require(e is not null, Rule.OracleFresh, () => "no risk epoch has been published yet");
        Require(Timestamp - e!.Timestamp <= Parameters.MaxEpochAgeSeconds, Rule.OracleFresh,
            () => $"epoch {e.Id} is {Timestamp - e.Timestamp} s old at batch time {Timestamp}; the limit is {Parameters.MaxEpochAgeSeconds} s");
        return e;
    }

    /// <summary>The current epoch (any age).</summary>
    public OracleEpoch CurrentEpoch()
    {
        OracleEpoch? e = State.Epoch;
        Require(e is not null, Rule.OracleFresh, () => "no risk epoch has been published yet");
        return e!;
    }

    /// <summary>Rejects unless the account's cached losses are for <paramref name="epoch"/>.</summary>
    public static void RequireCurrentCache(Account account, OracleEpoch epoch) =>
        Require(account.Risk.Epoch == epoch.Id, Rule.RiskCacheCurrent, account.Index,
            () => $"account {account.Index} has scenario losses for epoch {account.Risk.Epoch}, not the current {epoch.Id}; refresh it first");

    /// <summary>The series' epoch data, recorded as read.</summary>
    public SeriesRisk ReadSeries(OracleEpoch epoch, SeriesKey key)
    {
        (SeriesRisk Risk, int Index)? found = epoch.Find(key);
        Require(found is not null, Rule.SeriesListed, () => $"series {key.ToDisplay(Parameters.UnderlyingName)} is not in epoch {epoch.Id}");
        if (!SeriesRead.Exists(s => s.Risk.Key == key))
        {
            SeriesRead.Add(new SeriesWitness(found!.Value.Risk, found.Value.Index, epoch.ProveSeries(found.Value.Index)));
        }
        return found!.Value.Risk;
    }

    /// <summary>Rejects unless <paramref name="signature"/> is the account's over <paramref name="message"/>.</summary>
    public void RequireSignature(Account account, Fr message, EddsaSignature signature, string what) =>
        Require(signatures(account.PublicKey, message, signature), Rule.SignatureValid, account.Index,
            () => $"{what} is not signed by account {account.Index}'s key");

    /// <summary>
    /// Adds <paramref name="delta"/> to the account's position in the series (a new series takes a free slot) and
    /// the change to its cached risk sums; a rejection when every slot holds another series.
    /// </summary>
    public void MovePosition(Account account, SeriesRisk risk, Quantity delta)
    {
        Quantity before = account.PositionIn(risk.Key);
        int slot = account.AddPosition(risk.Key, delta);
        Require(slot >= 0, Rule.PositionSlotFree, account.Index,
            () => $"account {account.Index} holds {Parameters.PositionSlots} other series; no slot for {risk.Key.ToDisplay(Parameters.UnderlyingName)}");
        MarginCalculator.AddChange(account.Risk, risk, before, before + delta);
    }

    /// <summary>The margin figures of a working account.</summary>
    public MarginFigures Figures(Account account) => MarginCalculator.Evaluate(account, Parameters);

    /// <summary>
    /// Writes the working accounts to the state (in the order they were first loaded), then the new epoch and the
    /// queue position, if the transaction changes them.
    /// </summary>
    public void Commit()
    {
        foreach (Account a in loaded)
        {
            State.Put(a);
        }
        if (NewEpoch is not null)
        {
            State.Epoch = NewEpoch;
        }
        if (ConsumesQueueEntry)
        {
            State.QueueConsumed++;
            State.QueueHash = Queue.HashAfter(State.QueueConsumed);
        }
    }
}
