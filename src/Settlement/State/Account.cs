// SPDX-License-Identifier: MIT
using System.Numerics;
using ZkOptions.Field;
using ZkOptions.Field.BabyJubjub;
using ZkOptions.Field.Hashing;
using ZkOptions.Settlement.Hashing;
using ZkOptions.Settlement.Instruments;
using ZkOptions.Settlement.Numbers;

namespace ZkOptions.Settlement.State;

/// <summary>
/// An account of the state tree. Its leaf is <see cref="AccountLeaf.Hash"/> of
/// <c>(pubKey.x, pubKey.y, owner, nonce, collateral, liquidationStart, orderRoot, positionsHash, riskHash)</c>
/// with <c>positionsHash = HashMany(key₁, q₁, …, key_K, q_K)</c> (an empty slot hashes as key 0, quantity 0) and
/// <c>riskHash = </c><see cref="RiskCache.Hash"/>; an unused index holds leaf 0. Transactions work on a
/// <see cref="Clone"/> and commit it only when every rule holds, so a rejected transaction changes nothing.
/// </summary>
public sealed class Account
{
    private readonly Dictionary<long, OrderFill> fills;

    /// <summary>A new account with no positions, orders or collateral.</summary>
    public Account(long index, BabyJubjubPoint publicKey, BigInteger owner, int positionSlots, int scenarioCount, int orderTreeDepth, long epoch)
    {
        Index = index;
        PublicKey = publicKey;
        Owner = owner;
        Positions = new PositionSlot[positionSlots];
        Risk = new RiskCache(epoch, scenarioCount);
        OrderTree = new SparseMerkleTree(4, orderTreeDepth);
        fills = [];
    }

    private Account(Account other)
    {
        Index = other.Index;
        PublicKey = other.PublicKey;
        Owner = other.Owner;
        Nonce = other.Nonce;
        Collateral = other.Collateral;
        LiquidationStart = other.LiquidationStart;
        Positions = (PositionSlot[])other.Positions.Clone();
        Risk = other.Risk.Clone();
        OrderTree = other.OrderTree.Clone();
        fills = new Dictionary<long, OrderFill>(other.fills);
    }

    /// <summary>Index in the account tree.</summary>
    public long Index { get; }

    /// <summary>The EdDSA-Poseidon key that signs orders, withdrawals and liquidation bids.</summary>
    public BabyJubjubPoint PublicKey { get; }

    /// <summary>The L1 address (160 bits) that may force a withdrawal; set by the first deposit.</summary>
    public BigInteger Owner { get; }

    /// <summary>Counts signed withdrawals and liquidation bids (replay protection for them).</summary>
    public long Nonce { get; set; }

    /// <summary>Cash in micro-USD; may be negative only through losses.</summary>
    public Usd Collateral { get; set; }

    /// <summary>Batch timestamp at which a liquidation started; 0 when the account is not in liquidation.</summary>
    public long LiquidationStart { get; set; }

    /// <summary>True while a liquidation auction runs on the account.</summary>
    public bool IsLiquidating => LiquidationStart != 0;

    /// <summary>The K position slots.</summary>
    public PositionSlot[] Positions { get; }

    /// <summary>The cached margin sums.</summary>
    public RiskCache Risk { get; set; }

    /// <summary>The order-fill tree (quaternary).</summary>
    public SparseMerkleTree OrderTree { get; }

    /// <summary>True when no slot holds a position.</summary>
    public bool HasNoPositions => Positions.All(p => p.IsEmpty);

    /// <summary>The fill record of order slot <paramref name="slot"/>.</summary>
    public OrderFill Fill(long slot) => fills.TryGetValue(slot, out OrderFill f) ? f : default;

    /// <summary>Sets an order slot and its tree leaf.</summary>
    public void SetFill(long slot, OrderFill fill)
    {
        fills[slot] = fill;
        OrderTree.Set(slot, fill.LeafHash());
    }

    /// <summary>The used order slots.</summary>
    public IReadOnlyDictionary<long, OrderFill> Fills => fills;

    /// <summary>The slot holding <paramref name="series"/>, or −1.</summary>
    public int SlotOf(SeriesKey series) => Array.FindIndex(Positions, p => p.Series == series);

    /// <summary>The position in <paramref name="series"/> (zero when none).</summary>
    public Quantity PositionIn(SeriesKey series)
    {
        int i = SlotOf(series);
        return i < 0 ? Quantity.Zero : Positions[i].Quantity;
    }

    /// <summary>
    /// Adds <paramref name="delta"/> to the position in <paramref name="series"/>, using the first empty slot for a
    /// new series; returns the slot, or −1 when every slot is taken by another series.
    /// </summary>
    public int AddPosition(SeriesKey series, Quantity delta)
    {
        int i = SlotOf(series);
        if (i < 0)
        {
            i = Array.FindIndex(Positions, p => p.IsEmpty);
            if (i < 0)
            {
                return -1;
            }
        }
        Quantity q = Positions[i].Quantity + delta;
        if (Math.Abs(q.Units) > Quantity.MaxUnits)
        {
            throw new OverflowException($"position in {series} would exceed {Quantity.MaxUnits} units");
        }
        Positions[i] = q.IsZero ? PositionSlot.Empty : new PositionSlot(series, q);
        return i;
    }

    /// <summary>A deep copy to work on.</summary>
    public Account Clone() => new(this);

    /// <summary>The K slots as (key, quantity) pairs (an empty slot as 0, 0): the preimage of <see cref="PositionsHash"/>.</summary>
    public Fr[] PositionFields()
    {
        var v = new Fr[2 * Positions.Length];
        for (int i = 0; i < Positions.Length; i++)
        {
            v[2 * i] = Positions[i].Series?.ToField() ?? Fr.Zero;
            v[2 * i + 1] = FieldCodec.Signed(Positions[i].Quantity.Units);
        }
        return v;
    }

    /// <summary>HashMany over the K slots as (key, quantity) pairs.</summary>
    public Fr PositionsHash() => FieldCodec.HashMany(PositionFields());

    /// <summary>The leaf's nine inputs in <see cref="AccountLeafField"/> order.</summary>
    public Fr[] LeafFields() =>
    [
        PublicKey.X, PublicKey.Y, Fr.FromBigInteger(Owner), FieldCodec.Unsigned(Nonce), FieldCodec.Signed(Collateral.Micros),
        FieldCodec.Unsigned(LiquidationStart), OrderTree.Root, PositionsHash(), Risk.Hash(),
    ];

    /// <summary>The account leaf (see the type's summary).</summary>
    public Fr LeafHash() => AccountLeaf.Hash(LeafFields());
}
