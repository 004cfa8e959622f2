// SPDX-License-Identifier: MIT
using ZkOptions.Circuit;
using ZkOptions.Circuit.Std;
using ZkOptions.Circuits.Settlement.Gadgets;

namespace ZkOptions.Circuits.Settlement;

/// <summary>
/// What one transaction slot offers its rules: the running state (roots, epoch, timestamp), the account, order,
/// series and signature ports, and collectors for what the active rule asks of the shared parts (which ports it
/// uses, the states to margin, the signatures to check, the L1 queue entry it consumes, the exit it emits and its
/// public data). Rules are mutually exclusive, so each collector sums selector·value over the rules.
/// </summary>
public sealed class SlotContext
{
    private readonly Dictionary<int, Variable[]> dataByLength = [];
    private readonly Dictionary<int, Variable> dataActive = [];

    public SlotContext(Api api, SettlementShape shape, Variable timestamp, Variable oracleDomain, EpochState epoch, AccountPort primary, AccountPort counterparty,
        InsurancePort insurance, OrderSlotPort[] orderSlots, SeriesPort[] series, Variable[][] signatures, Variable[] tx)
    {
        Api = api;
        Shape = shape;
        Timestamp = timestamp;
        OracleDomain = oracleDomain;
        Epoch = epoch;
        NewEpoch = epoch;
        Primary = primary;
        Counterparty = counterparty;
        Insurance = insurance;
        OrderSlots = orderSlots;
        Series = series;
        Signatures = signatures;
        Tx = tx;
        SeriesUsed = new Variable[series.Length];
        Array.Fill(SeriesUsed, (Variable)0);
        for (int i = 0; i < 2; i++)
        {
            MarginInputs[i] = new MarginInput(shape.Scenarios);
            SignatureRequests[i] = new SignatureRequest();
        }
    }

    public Api Api { get; }
    public SettlementShape Shape { get; }
    public Variable Timestamp { get; }

    /// <summary>Poseidon(chainId, rollupAddress) (ExchangeParameters.OracleDomain): the oracle signs it into every epoch.</summary>
    public Variable OracleDomain { get; }

    /// <summary>The epoch commitment the slot applies (hashed into the batch's epoch chain) when Active.</summary>
    public (Variable Active, Variable Commitment) AppliedEpoch { get; private set; } = (0, 0);

    /// <summary>The slot applies the epoch with <paramref name="commitment"/> when <paramref name="active"/>.</summary>
    public void ApplyEpoch(Variable active, Variable commitment) =>
        AppliedEpoch = (AppliedEpoch.Active + active, AppliedEpoch.Commitment + Api.Mul(active, commitment));

    /// <summary>The epoch in force when the slot starts.</summary>
    public EpochState Epoch { get; }

    /// <summary>The epoch after the slot (an oracle update changes it).</summary>
    public EpochState NewEpoch { get; set; }

    public AccountPort Primary { get; }
    public AccountPort Counterparty { get; }
    public InsurancePort Insurance { get; }
    public OrderSlotPort[] OrderSlots { get; }
    public SeriesPort[] Series { get; }
    public Variable[][] Signatures { get; }
    public Variable[] Tx { get; }

    public Variable PrimaryUsed { get; private set; } = 0;
    public Variable CounterpartyUsed { get; private set; } = 0;
    public Variable InsuranceUsed { get; private set; } = 0;
    public Variable OrderSlotsUsed { get; private set; } = 0;
    public Variable[] SeriesUsed { get; }
    public MarginInput[] MarginInputs { get; } = new MarginInput[2];
    public SignatureRequest[] SignatureRequests { get; } = new SignatureRequest[2];
    public (Variable Active, Variable Account, Variable Recipient, Variable Amount) Exit { get; private set; } = (0, 0, 0, 0);
    public (Variable Active, Variable[] Fields) QueueEntry { get; private set; } = (0, [0, 0, 0, 0, 0, 0]);

    /// <summary>The margin figures of the two evaluators, available to the rules' second phase.</summary>
    public MarginFigures[] Margin { get; } = new MarginFigures[2];

    public void UsePrimary(Variable when) => PrimaryUsed += when;
    public void UseCounterparty(Variable when) => CounterpartyUsed += when;
    public void UseInsurance(Variable when) => InsuranceUsed += when;
    public void UseOrderSlots(Variable when) => OrderSlotsUsed += when;
    public void UseSeries(int i, Variable when) => SeriesUsed[i] += when;

    /// <summary>The primary port's new state becomes <paramref name="state"/> when <paramref name="active"/>.</summary>
    public void CommitPrimary(Variable active, AccountState state) => Primary.New = state.SelectFrom(Api, active, Primary.New);

    /// <summary>The counterparty port's new state becomes <paramref name="state"/> when <paramref name="active"/>.</summary>
    public void CommitCounterparty(Variable active, AccountState state) => Counterparty.New = state.SelectFrom(Api, active, Counterparty.New);

    /// <summary>Adds <paramref name="delta"/> to the insurance account's collateral when <paramref name="active"/>.</summary>
    public void PayInsurance(Variable active, Variable delta) => Insurance.Delta += Api.Mul(active, delta);

    /// <summary>Evaluator <paramref name="i"/> margins <paramref name="state"/> when <paramref name="active"/>.</summary>
    public void RequestMargin(int i, Variable active, AccountState state) => MarginInputs[i].Add(Api, active, state);

    /// <summary>Signature port <paramref name="i"/> checks a signature by (x, y) over the message when <paramref name="active"/>.</summary>
    public void RequestSignature(int i, Variable active, Variable keyX, Variable keyY, Variable message) =>
        SignatureRequests[i].Add(Api, active, keyX, keyY, message);

    /// <summary>The slot emits the exit (account, recipient, amount) when <paramref name="active"/>.</summary>
    public void EmitExit(Variable active, Variable account, Variable recipient, Variable amount) =>
        Exit = (Exit.Active + active, Exit.Account + Api.Mul(active, account), Exit.Recipient + Api.Mul(active, recipient),
            Exit.Amount + Api.Mul(active, amount));

    /// <summary>The slot consumes the L1 queue entry (kind, account, owner, amount, key x, key y) when <paramref name="active"/>.</summary>
    public void ConsumeQueueEntry(Variable active, params Variable[] fields)
    {
        var f = QueueEntry.Fields.Zip(fields, (acc, v) => acc + Api.Mul(active, v)).ToArray();
        QueueEntry = (QueueEntry.Active + active, f);
    }

    /// <summary>The slot's public data (TransactionData.Fields) when <paramref name="active"/>.</summary>
    public void PublishData(Variable active, params Variable[] fields)
    {
        if (!dataByLength.TryGetValue(fields.Length, out var acc))
        {
            acc = new Variable[fields.Length];
            Array.Fill(acc, (Variable)0);
            dataActive[fields.Length] = 0;
        }
        dataByLength[fields.Length] = acc.Zip(fields, (a, v) => a + Api.Mul(active, v)).ToArray();
        dataActive[fields.Length] += active;
    }

    /// <summary>HashMany of the active rule's public data (0 when no rule published).</summary>
    public (Variable Active, Variable Hash) DataHash()
    {
        Variable active = 0, hash = 0;
        foreach (var (length, fields) in dataByLength.OrderBy(kv => kv.Key))
        {
            active += dataActive[length];
            hash += Api.Mul(dataActive[length], AccountState.HashMany(Api, fields));
        }
        return (active, hash);
    }
}

/// <summary>The epoch part of the state: id, timestamp, commitment and the commitment's preimage (series root, spots hash).</summary>
public sealed record EpochState(Variable Id, Variable Timestamp, Variable Commitment, Variable SeriesRoot, Variable SpotsHash)
{
    public EpochState Select(Api api, Variable condition, EpochState other) => new(
        api.Select(condition, Id, other.Id), api.Select(condition, Timestamp, other.Timestamp), api.Select(condition, Commitment, other.Commitment),
        api.Select(condition, SeriesRoot, other.SeriesRoot), api.Select(condition, SpotsHash, other.SpotsHash));
}

/// <summary>The state a margin evaluator looks at: collateral and the risk cache, summed over the rules asking.</summary>
public sealed class MarginInput(int scenarios)
{
    public Variable Collateral { get; private set; } = 0;
    public Variable MarkSum { get; private set; } = 0;
    public Variable ShortSum { get; private set; } = 0;
    public Variable[] Losses { get; } = Enumerable.Repeat((Variable)0, scenarios).ToArray();

    public void Add(Api api, Variable active, AccountState s)
    {
        Collateral += api.Mul(active, s.Collateral);
        MarkSum += api.Mul(active, s.MarkSum);
        ShortSum += api.Mul(active, s.ShortSum);
        for (int i = 0; i < Losses.Length; i++)
        {
            Losses[i] += api.Mul(active, s.Loss(i));
        }
    }

    /// <summary>An account state carrying just these values (the figures read nothing else).</summary>
    public AccountState AsState(int positionSlots)
    {
        var fields = new Variable[AccountFields.Fixed + 2 * positionSlots + 3 + Losses.Length];
        Array.Fill(fields, (Variable)0);
        var s = new AccountState(fields, positionSlots) { Collateral = Collateral, MarkSum = MarkSum, ShortSum = ShortSum };
        for (int i = 0; i < Losses.Length; i++)
        {
            s.SetLoss(i, Losses[i]);
        }
        return s;
    }
}

/// <summary>A signature check request, summed over the rules asking.</summary>
public sealed class SignatureRequest
{
    public Variable Active { get; private set; } = 0;
    public Variable KeyX { get; private set; } = 0;
    public Variable KeyY { get; private set; } = 0;
    public Variable Message { get; private set; } = 0;

    public void Add(Api api, Variable active, Variable x, Variable y, Variable message)
    {
        Active += active;
        KeyX += api.Mul(active, x);
        KeyY += api.Mul(active, y);
        Message += api.Mul(active, message);
    }
}
