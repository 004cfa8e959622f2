// SPDX-License-Identifier: MIT
using ZkOptions.Settlement.Transactions;

namespace ZkOptions.Settlement.Batches;

/// <summary>What a slot of a batch circuit can hold.</summary>
public enum SlotKind
{
    /// <summary>Any transaction: the universal slot (K series reads, three account ports, two signatures).</summary>
    General,

    /// <summary>A trade (or nothing): two account ports, one series, two signatures.</summary>
    Trade,
}

/// <summary>
/// The slots of a batch circuit, <c>batch-T-G</c>: T trade slots and G general slots (<c>batch-N</c> is N general
/// slots). The general slots are spread evenly, the first at slot 0, so housekeeping (deposits, an oracle update, risk
/// refreshes, liquidations) can come before, between and after runs of trades. A batch's transactions go, in order,
/// each into the earliest free slot at or after the previous one's that accepts it: a trade into any slot, anything
/// else into a general slot; the slots left over are padding (noops), which change nothing.
/// </summary>
public sealed record BatchLayout
{
    /// <summary>A layout of <paramref name="tradeSlots"/> trade slots and <paramref name="generalSlots"/> general slots.</summary>
    public BatchLayout(int tradeSlots, int generalSlots)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(tradeSlots);
        ArgumentOutOfRangeException.ThrowIfNegative(generalSlots);
        ArgumentOutOfRangeException.ThrowIfLessThan(tradeSlots + generalSlots, 1);
        TradeSlots = tradeSlots;
        GeneralSlots = generalSlots;
    }

    /// <summary>N general slots: the layout of <c>batch-N</c>.</summary>
    public static BatchLayout General(int slots) => new(0, slots);

    /// <summary>Trade slots (T).</summary>
    public int TradeSlots { get; }

    /// <summary>General slots (G).</summary>
    public int GeneralSlots { get; }

    /// <summary>All slots.</summary>
    public int Slots => TradeSlots + GeneralSlots;

    /// <summary>The circuit's name: <c>batch-G</c> when every slot is general, else <c>batch-T-G</c>.</summary>
    public string Name => TradeSlots == 0 ? $"batch-{GeneralSlots}" : $"batch-{TradeSlots}-{GeneralSlots}";

    /// <summary>The kind of slot <paramref name="slot"/>: general slots sit at ⌊g·(T+G)/G⌋ for g = 0 … G − 1.</summary>
    public SlotKind KindOf(int slot)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(slot);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(slot, Slots);
        if (GeneralSlots == 0)
        {
            return SlotKind.Trade;
        }
        // Slot s is general when some g has ⌊g·S/G⌋ = s, i.e. when ⌈s·G/S⌉ differs for s and s + 1.
        long s = slot, n = Slots, g = GeneralSlots;
        return CeilDiv(s * g, n) != CeilDiv((s + 1) * g, n) ? SlotKind.General : SlotKind.Trade;

        static long CeilDiv(long a, long b) => (a + b - 1) / b;
    }

    /// <summary>
    /// Whether every kind of transaction fits some batch of this layout (it has a general slot): a sequencer cutting a
    /// scenario's batches needs it, or its deposits and oracle updates could never be batched.
    /// </summary>
    public bool HoldsEveryType => GeneralSlots >= 1;

    /// <summary>Whether a slot of <paramref name="kind"/> can hold a transaction of type <paramref name="typeCode"/>.</summary>
    public static bool Accepts(SlotKind kind, int typeCode) =>
        kind == SlotKind.General || typeCode is TransactionTypes.Trade or TransactionTypes.Noop;

    /// <summary>
    /// The earliest slot at or after <paramref name="from"/> that accepts a transaction of <paramref name="typeCode"/>,
    /// or −1 when none does.
    /// </summary>
    public int NextSlot(int from, int typeCode)
    {
        for (int s = Math.Max(0, from); s < Slots; s++)
        {
            if (Accepts(KindOf(s), typeCode))
            {
                return s;
            }
        }
        return -1;
    }

    /// <summary>
    /// The slot of each of <paramref name="typeCodes"/> (transactions in batch order), or null when they do not fit.
    /// Taking the earliest accepting slot each time fits every sequence that fits at all.
    /// </summary>
    public int[]? Assign(IReadOnlyList<int> typeCodes)
    {
        ArgumentNullException.ThrowIfNull(typeCodes);
        var slots = new int[typeCodes.Count];
        int next = 0;
        for (int i = 0; i < typeCodes.Count; i++)
        {
            int s = NextSlot(next, typeCodes[i]);
            if (s < 0)
            {
                return null;
            }
            slots[i] = s;
            next = s + 1;
        }
        return slots;
    }

    /// <summary>Reads <c>batch-N</c> or <c>batch-T-G</c>; null for any other text.</summary>
    public static BatchLayout? Parse(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var parts = name.Split('-');
        if (parts.Length is < 2 or > 3 || parts[0] != "batch" || !parts.Skip(1).All(p => p.Length is > 0 and <= 7 && p.All(char.IsAsciiDigit)))
        {
            return null;
        }
        int[] n = parts.Skip(1).Select(int.Parse).ToArray();
        return n.Length == 1 ? (n[0] >= 1 ? General(n[0]) : null) : n[0] + n[1] >= 1 ? new BatchLayout(n[0], n[1]) : null;
    }

    /// <inheritdoc/>
    public override string ToString() => Name;
}
