// SPDX-License-Identifier: MIT
using System.Numerics;
using ZkOptions.Constraints;
using ZkOptions.Constraints.V2;
using ZkOptions.Field;

namespace ZkOptions.Circuit;

public sealed partial class Api
{
    // ---- Range checks: bits in v1; in v2 lookups into a range table sized for the circuit ----

    /// <summary>The widest limb a v2 range table holds (2^16 entries).</summary>
    internal const int MaxLimbBits = 16;

    /// <summary>The narrowest limb worth a table: below it a bit decomposition is as cheap.</summary>
    private const int MinLimbBits = 4;

    private readonly List<(Variable Value, int Bits, Site Site)> pendingRanges = [];

    /// <summary>
    /// Proves 0 ≤ a &lt; 2^bits. v1: a bit decomposition. v2: deferred to the end of <c>Define</c>, when the rows of
    /// the whole circuit are known and <see cref="FinishRangeChecks"/> picks the limb width whose table fits the
    /// domain the circuit needs anyway.
    /// </summary>
    internal void RangeCheckCore(Variable a, int bits, Site site)
    {
        if (TargetSystem == ProofSystem.V1 || a.IsConstant)
        {
            ToBitsCore(a, bits, site);
            return;
        }
        _ = site.Index;   // register the origin now, in call order
        pendingRanges.Add((a, bits, site));
    }

    /// <summary>
    /// v2: lowers the deferred range checks with the limb width L (4 … 16, or bits) that gives the smallest domain
    /// for max(rows + 1, 2^L), then the fewest rows. A check of n bits is k = ⌈n / L⌉ limbs, each looked up in the
    /// table 0 … 2^L − 1 (the first in the row that recomposes them when it fits), and, when the top limb has
    /// r &lt; L bits, its multiple by 2^(L − r) looked up too, which bounds it by 2^r.
    /// </summary>
    internal void FinishRangeChecks()
    {
        if (pendingRanges.Count == 0)
        {
            return;
        }
        int baseRows = builder.ConstraintCount;
        int bestLimb = 0;
        (int Power, int Rows) best = (int.MaxValue, int.MaxValue);
        for (int limb = 0; limb <= MaxLimbBits; limb = limb == 0 ? MinLimbBits : limb + 1)
        {
            int rows = baseRows + pendingRanges.Sum(p => RowsFor(p.Bits, p.Value.TermCount, limb));
            int size = Math.Max(rows + 1, limb == 0 ? 0 : 1 << limb);
            int power = size <= 1 ? 0 : BitOperations.Log2((uint)(size - 1)) + 1;
            if (power < best.Power || (power == best.Power && rows <= best.Rows))
            {
                (best, bestLimb) = ((power, rows), limb);
            }
        }
        var pending = pendingRanges.ToList();
        pendingRanges.Clear();
        foreach (var (value, bits, site) in pending)
        {
            if (bestLimb == 0)
            {
                ToBitsCore(value, bits, site);
            }
            else
            {
                RangeCheckInLimbs(value, bits, bestLimb, site);
            }
        }
    }

    /// <summary>The rows a check of <paramref name="bits"/> bits of a value of <paramref name="terms"/> terms takes (limb 0: bits).</summary>
    private static int RowsFor(int bits, int terms, int limb)
    {
        const int width = WideLayout.Width;
        if (limb == 0)
        {
            int sum = bits + terms;
            return (bits + width - 1) / width + (sum <= width ? 1 : 1 + (sum - 2) / (width - 2));
        }
        int k = (bits + limb - 1) / limb;
        int top = bits - (k - 1) * limb;
        int sumTerms = k + terms;
        int recomposition = sumTerms <= width ? 1 : 1 + (sumTerms - 2) / (width - 2);
        return recomposition + (sumTerms <= width ? k - 1 : k) + (top < limb ? 1 : 0);
    }

    private void RangeCheckInLimbs(Variable a, int bits, int limb, Site site)
    {
        int k = (bits + limb - 1) / limb;
        int top = bits - (k - 1) * limb;
        byte tag = builder.TableTag(RangeTable(limb));
        var limbs = HintCore($"{limb}-bit limbs", [a], k, (inputs, outputs) =>
        {
            var v = inputs[0].ToBigInteger();
            var mask = (BigInteger.One << limb) - 1;
            for (int i = 0; i < outputs.Length; i++)
            {
                outputs[i] = Fr.FromBigInteger(i == outputs.Length - 1 ? v : v & mask);
                v >>= limb;
            }
        }, site);
        var wires = limbs.Select(l => l.IsSingleWire(out int w) ? w : throw new InvalidOperationException("a hint output is one wire")).ToArray();

        // Σ 2^(iL)·limbᵢ − a = 0, limb 0 first so that its row's w0 is limb 0.
        var terms = new List<Term>(k + a.TermCount);
        Fr weight = Fr.One, step = Fr.FromBigInteger(BigInteger.One << limb);
        foreach (int w in wires)
        {
            terms.Add(new Term(w, weight));
            weight *= step;
        }
        foreach (var t in a.Terms)
        {
            terms.Add(new Term(t.Wire, -t.Coefficient));
        }
        int first = 0;
        if (terms.Count <= WideLayout.Width)
        {
            builder.SetLookup(builder.AddSumRow([.. terms], -a.Constant, site.Index), tag);
            first = 1;
        }
        else
        {
            AssertZero(FromTerms(terms, -a.Constant), site);
        }
        for (int i = first; i < k; i++)
        {
            var row = new WideRow();
            row.Wires[0] = (uint)wires[i];
            row.Lookup = tag;
            builder.AddRow(row, site.Index);
        }
        if (top < limb)
        {
            // limb·2^(L − r) < 2^L, with limb < 2^L looked up above, bounds the top limb by 2^r.
            var (_, scaledRow) = builder.DefineFirstCellWire([new Term(wires[^1], Fr.FromBigInteger(BigInteger.One << (limb - top)))], Fr.Zero, site.Index);
            builder.SetLookup(scaledRow, tag);
        }
    }

    private static Variable FromTerms(List<Term> terms, Fr constant)
    {
        Variable sum = new(constant);
        foreach (var t in terms)
        {
            sum += Variable.FromWire(t.Wire) * t.Coefficient;
        }
        return sum;
    }

    private static readonly LookupTable?[] RangeTables = new LookupTable?[MaxLimbBits + 1];

    /// <summary>The table 0 … 2^bits − 1, one instance per width (so a circuit registers it once).</summary>
    private static LookupTable RangeTable(int bits)
    {
        lock (RangeTables)
        {
            return RangeTables[bits] ??= bits == 16 ? LookupTable.Range16 : LookupTable.Range($"range{bits}", bits);
        }
    }
}
