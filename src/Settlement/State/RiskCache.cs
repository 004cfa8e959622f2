// SPDX-License-Identifier: MIT
using ZkOptions.Field;
using ZkOptions.Settlement.Hashing;

namespace ZkOptions.Settlement.State;

/// <summary>
/// The per-account margin sums cached in the leaf for one risk epoch, all exact in 1e-10 USD:
/// <c>MarkSum = Σ qᵢ·markᵢ</c>, <c>ShortSum = Σ shortChargeᵢ·max(0, −qᵢ)</c> and the scenario losses
/// <c>Losses[s] = Σ qᵢ·RAᵢ[s]</c>. A risk refresh recomputes them from every slot; a trade, settlement or liquidation
/// adds the change of the slots it touches, reading only those series' data. Because nothing is rounded here, the
/// incremental and the full computation give the same numbers.
/// </summary>
public sealed class RiskCache
{
    /// <summary>An all-zero cache for <paramref name="epoch"/> (an account without positions).</summary>
    public RiskCache(long epoch, int scenarioCount)
    {
        Epoch = epoch;
        Losses = new Int128[scenarioCount];
    }

    /// <summary>The risk epoch the sums were computed for (0: none yet).</summary>
    public long Epoch { get; set; }

    /// <summary>Σ qᵢ·markᵢ, 1e-10 USD.</summary>
    public Int128 MarkSum { get; set; }

    /// <summary>Σ shortChargeᵢ·max(0, −qᵢ), 1e-10 USD.</summary>
    public Int128 ShortSum { get; set; }

    /// <summary>Σ qᵢ·RAᵢ[s] per scenario, 1e-10 USD (positive = loss).</summary>
    public Int128[] Losses { get; }

    /// <summary>A deep copy.</summary>
    public RiskCache Clone()
    {
        var c = new RiskCache(Epoch, Losses.Length) { MarkSum = MarkSum, ShortSum = ShortSum };
        Losses.CopyTo(c.Losses, 0);
        return c;
    }

    /// <summary>Structural equality (for the incremental-equals-full checks).</summary>
    public bool SameAs(RiskCache other) =>
        Epoch == other.Epoch && MarkSum == other.MarkSum && ShortSum == other.ShortSum && Losses.AsSpan().SequenceEqual(other.Losses);

    /// <summary>(epoch, markSum, shortSum, L₁ … L_S), signed values as residues mod r: the preimage of <see cref="Hash"/>.</summary>
    public Fr[] Fields()
    {
        var v = new Fr[3 + Losses.Length];
        v[0] = FieldCodec.Unsigned(Epoch);
        v[1] = FieldCodec.Signed(MarkSum);
        v[2] = FieldCodec.Signed(ShortSum);
        for (int s = 0; s < Losses.Length; s++)
        {
            v[3 + s] = FieldCodec.Signed(Losses[s]);
        }
        return v;
    }

    /// <summary>HashMany of <see cref="Fields"/>.</summary>
    public Fr Hash() => FieldCodec.HashMany(Fields());
}
