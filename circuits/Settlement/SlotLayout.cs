// SPDX-License-Identifier: MIT
using ZkOptions.Settlement.Batches;

namespace ZkOptions.Circuits.Settlement;

/// <summary>
/// Where each part of one transaction slot's secret witness sits in the batch circuit's <c>slots</c> input: named
/// regions laid out once per shape, read by the circuit and written by <see cref="Witness.BatchWitness"/>, so the two
/// cannot drift apart.
/// </summary>
public sealed class SlotLayout
{
    private readonly Dictionary<string, (int Offset, int Count)> regions = [];

    /// <summary>The layout of one general slot of <paramref name="shape"/>.</summary>
    public SlotLayout(SettlementShape shape) : this(shape, SlotKind.General)
    {
    }

    /// <summary>
    /// The layout of one slot of <paramref name="kind"/>: a trade slot has the general slot's regions for the two
    /// accounts, the insurance account, the order slots and the signatures, one series and the trade's own fields.
    /// </summary>
    public SlotLayout(SettlementShape shape, SlotKind kind)
    {
        Kind = kind;
        int seriesPorts = kind == SlotKind.Trade ? 1 : shape.PositionSlots;
        int account = shape.AccountFieldCount, accountPath = 3 * shape.Parameters.AccountTreeDepth;
        Add(SlotRegions.Type, 1);
        foreach (string port in SlotRegions.FullPorts)
        {
            Add(port + ".index", 1);
            Add(port + ".isNew", 1);
            Add(port + ".old", account);
            Add(port + ".path", accountPath);
        }
        Add(SlotRegions.Insurance + ".old", 9);
        Add(SlotRegions.Insurance + ".path", accountPath);
        for (int i = 0; i < 2; i++)
        {
            Add($"{SlotRegions.OrderSlot}{i}.old", 2);
            Add($"{SlotRegions.OrderSlot}{i}.path", 3 * shape.Parameters.OrderTreeDepth);
        }
        for (int i = 0; i < seriesPorts; i++)
        {
            Add($"{SlotRegions.Series}{i}.fields", shape.SeriesFieldCount);
            Add($"{SlotRegions.Series}{i}.index", 1);
            Add($"{SlotRegions.Series}{i}.path", 3 * shape.Parameters.SeriesTreeDepth);
        }
        for (int i = 0; i < 2; i++)
        {
            Add($"{SlotRegions.Signature}{i}", 3);
        }
        Add(SlotRegions.Transaction, kind == SlotKind.Trade ? SlotRegions.TradeFieldCount : SlotRegions.TransactionFieldCount);
        SeriesPorts = seriesPorts;
    }

    /// <summary>The kind of slot this lays out.</summary>
    public SlotKind Kind { get; }

    /// <summary>Series reads the slot has (K for a general slot, 1 for a trade slot).</summary>
    public int SeriesPorts { get; }

    /// <summary>Field elements per slot.</summary>
    public int Size { get; private set; }

    /// <summary>The offset and length of region <paramref name="name"/>.</summary>
    public (int Offset, int Count) this[string name] =>
        regions.TryGetValue(name, out var r) ? r : throw new KeyNotFoundException($"no slot region '{name}'");

    private void Add(string name, int count)
    {
        regions.Add(name, (Size, count));
        Size += count;
    }
}

/// <summary>Names of the slot regions and of the generic transaction fields.</summary>
public static class SlotRegions
{
    public const string Type = "type";
    public const string Primary = "account0";
    public const string Counterparty = "account1";
    public const string Insurance = "insurance";
    public const string OrderSlot = "orderSlot";
    public const string Series = "series";
    public const string Signature = "signature";
    public const string Transaction = "tx";

    /// <summary>The two account ports that open positions and the risk cache.</summary>
    public static readonly string[] FullPorts = [Primary, Counterparty];

    /// <summary>
    /// The transaction's own fields, shared by all types (each type reads the ones it needs, see the rule files):
    /// a trade uses all of them, other types a few.
    /// </summary>
    public const int TransactionFieldCount = 24;

    // Trade: maker order (8), taker order (8), fill.
    /// <summary>Fields of an order in the slot (ZkOptions.Settlement.Orders.OrderField).</summary>
    public const int OrderFieldCount = (int)ZkOptions.Settlement.Orders.OrderField.MaxFee + 1;

    public const int MakerOrder = 0;          // account, series, side, limitPrice, amount, storageId, validUntil, maxFee
    public const int TakerOrder = MakerOrder + OrderFieldCount;
    public const int Fill = 16;

    /// <summary>The fields a trade reads: the two orders and the fill (a trade slot holds just these).</summary>
    public const int TradeFieldCount = Fill + 1;

    // Withdraw: amount, recipient, nonce. Liquidation bid: fraction, price, nonce. Settle: series.
    public const int Amount = 0;
    public const int Recipient = 1;
    public const int Nonce = 2;
    public const int Fraction = 0;
    public const int Price = 1;
    public const int SettleSeries = 0;

    // L1 queue entries (deposit, forced withdrawal): queue index, owner, amount, key x, key y, applied flag.
    public const int QueueIndex = 0;
    public const int QueueOwner = 1;
    public const int QueueAmount = 2;
    public const int QueueKeyX = 3;
    public const int QueueKeyY = 4;
    public const int QueueApplied = 5;

    // Oracle update: id, timestamp, series root, spots hash.
    public const int EpochId = 0;
    public const int EpochTimestamp = 1;
    public const int EpochSeriesRoot = 2;
    public const int EpochSpotsHash = 3;
}
