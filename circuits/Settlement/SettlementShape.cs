// SPDX-License-Identifier: MIT
using ZkOptions.Field;
using ZkOptions.Field.BabyJubjub;
using ZkOptions.Settlement.Batches;
using ZkOptions.Settlement.Parameters;
using ZkOptions.Circuits.Settlement.Gadgets;

namespace ZkOptions.Circuits.Settlement;

/// <summary>
/// The dimensions and constants a batch circuit is built for: the exchange parameters (K position slots, S scenarios,
/// tree depths, fee and margin factors, the oracle key, the insurance account) and the slots of the batch (their
/// kinds and order, <see cref="BatchLayout"/>). The verifying key binds all of them, so a key proves batches of
/// exactly one exchange configuration and layout.
/// </summary>
public sealed class SettlementShape
{
    private readonly SlotLayout general, trade;
    private readonly int[] offsets;

    /// <summary>A shape of <paramref name="slots"/> general slots under <paramref name="parameters"/> (<c>batch-N</c>).</summary>
    public SettlementShape(ExchangeParameters parameters, int slots)
        : this(parameters, BatchLayout.General(slots))
    {
    }

    /// <summary>A shape of the slots <paramref name="layout"/> lays out under <paramref name="parameters"/>.</summary>
    public SettlementShape(ExchangeParameters parameters, BatchLayout layout)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        ArgumentNullException.ThrowIfNull(layout);
        parameters.Validate();
        Parameters = parameters;
        Layout = layout;
        general = new SlotLayout(this, SlotKind.General);
        trade = new SlotLayout(this, SlotKind.Trade);
        offsets = new int[layout.Slots + 1];
        for (int i = 0; i < layout.Slots; i++)
        {
            offsets[i + 1] = offsets[i] + SlotLayoutOf(i).Size;
        }
    }

    /// <summary>The exchange parameters.</summary>
    public ExchangeParameters Parameters { get; }

    /// <summary>The kinds and order of the slots.</summary>
    public BatchLayout Layout { get; }

    /// <summary>Transaction slots per batch, of every kind.</summary>
    public int Slots => Layout.Slots;

    /// <summary>The circuit's name, <c>batch-N</c> or <c>batch-T-G</c>.</summary>
    public string Name => Layout.Name;

    /// <summary>The kind of slot <paramref name="slot"/>.</summary>
    public SlotKind KindOf(int slot) => Layout.KindOf(slot);

    /// <summary>Where slot <paramref name="slot"/>'s witness regions sit inside it.</summary>
    public SlotLayout SlotLayoutOf(int slot) => KindOf(slot) == SlotKind.Trade ? trade : general;

    /// <summary>Where slot <paramref name="slot"/> starts in the batch circuit's <c>slots</c> input.</summary>
    public int SlotOffset(int slot) => offsets[slot];

    /// <summary>The length of the batch circuit's <c>slots</c> input.</summary>
    public int SlotFieldCount => offsets[^1];

    /// <summary>Position slots per account (K).</summary>
    public int PositionSlots => Parameters.PositionSlots;

    /// <summary>Risk scenarios (S).</summary>
    public int Scenarios => Parameters.ScenarioCount;

    /// <summary>Fields of an account leaf preimage, with the position slots and the risk cache opened.</summary>
    public int AccountFieldCount => AccountFields.Fixed + 2 * PositionSlots + 3 + Scenarios;

    /// <summary>Fields of a series leaf: key, mark, short charge, settlement price and the risk array.</summary>
    public int SeriesFieldCount => 4 + Scenarios;

    /// <summary>The oracle's public key as a field pair.</summary>
    public BabyJubjubPoint OracleKey => Parameters.OraclePublicKey;

    /// <summary>The insurance account index as a field element.</summary>
    public Fr InsuranceAccount => Fr.FromUInt64((ulong)Parameters.InsuranceAccount);
}
