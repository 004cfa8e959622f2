// SPDX-License-Identifier: MIT
using ZkOptions.Field;
using ZkOptions.Settlement.Hashing;
using ZkOptions.Settlement.Instruments;
using ZkOptions.Settlement.Numbers;

namespace ZkOptions.Settlement.Risk;

/// <summary>
/// What a risk epoch publishes for one series, per one long contract: the mark price, the naked-short charge (the
/// contingency c·spot a short contract adds to the requirement), the settlement price once the series has expired
/// (zero before), and the risk array — the loss in each scenario, positive = loss, already weighted (SPAN's
/// "fraction considered" for the extreme moves). After expiry the mark is the intrinsic value at the settlement
/// price and the array and short charge are zero.
/// </summary>
public sealed record SeriesRisk(SeriesKey Key, Usd Mark, Usd ShortCharge, Usd SettlementPrice, IReadOnlyList<Usd> RiskArray)
{
    /// <summary>True once the epoch carries the series' settlement price.</summary>
    public bool IsSettled => SettlementPrice.Micros > 0;

    /// <summary>The series leaf: HashMany(key, mark, shortCharge, settlementPrice, RA[0], …, RA[S−1]).</summary>
    public Fr LeafHash()
    {
        Span<Fr> v = new Fr[4 + RiskArray.Count];
        v[0] = Key.ToField();
        v[1] = FieldCodec.Signed(Mark.Micros);
        v[2] = FieldCodec.Signed(ShortCharge.Micros);
        v[3] = FieldCodec.Signed(SettlementPrice.Micros);
        for (int i = 0; i < RiskArray.Count; i++)
        {
            v[4 + i] = FieldCodec.Signed(RiskArray[i].Micros);
        }
        return FieldCodec.HashMany(v);
    }
}
