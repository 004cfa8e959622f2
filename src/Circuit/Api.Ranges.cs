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
    /// for max(rows + 1, 2^L), then the fewest rows. A check of n bits is k = ⌈n / L⌉ limbs on lane rows, four a row
    /// (each lane looked up in the table 0 … 2^L − 1), each row's w4 holding the value (or, past four limbs, the
    /// row's partial sum) tied by the row's own arithmetic gate. When the top limb has r &lt; L bits, its multiple by
    /// 2^(L − r) is looked up too (one more row, whose gate ties the two), which bounds it by 2^r.
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
            int rows = baseRows + pendingRanges.Sum(p => RowsFor(p.Bits, p.Value, limb));
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

    /// <summary>The rows a check of <paramref name="bits"/> bits of <paramref name="value"/> takes (limb 0: bits).</summary>
    private static int RowsFor(int bits, Variable value, int limb)
    {
        const int width = WideLayout.Width;
        int terms = value.TermCount;
        if (limb == 0)
        {
            int sum = bits + terms;
            return (bits + width - 1) / width + (sum <= width ? 1 : 1 + (sum - 2) / (width - 2));
        }
        var (k, _, shift) = Limbs(bits, limb);
        int tie = shift > 0 ? 1 : 0;
        if (k == 1 && value.IsSingleWire(out _))
        {
            return 1; // the value is its own limb: one lane row, or the tie row that looks both up
        }
        if (k == 1 && terms < width)
        {
            return 1 + tie; // limb − value = 0 in one row, the limb looked up in w0
        }
        int groups = (k + WideLayout.LaneCount - 1) / WideLayout.LaneCount;
        if (groups == 1)
        {
            // A value of several terms is first summed into one wire: a row of four terms, then three a row.
            int materialise = terms <= 1 ? 0 : 1 + Math.Max(0, (terms - 4 + 2) / 3);
            return materialise + 1 + tie;
        }
        // Each lane row's partial sum, then Σ 2^(4gL)·partial_g − value = 0 (five terms a row, folding three more a row).
        int sumTerms = groups + terms;
        return groups + (sumTerms <= width ? 1 : 1 + (sumTerms - width + 2) / 3) + tie;
    }

    /// <summary>k limbs of <paramref name="limb"/> bits for <paramref name="bits"/>, the top one of <c>top</c> bits, and the shift L − top that bounds it (0 when full).</summary>
    private static (int Count, int Top, int Shift) Limbs(int bits, int limb)
    {
        int k = (bits + limb - 1) / limb;
        int top = bits - (k - 1) * limb;
        return (k, top, limb - top);
    }

    private void RangeCheckInLimbs(Variable a, int bits, int limb, Site site)
    {
        var (k, _, shift) = Limbs(bits, limb);
        byte tag = builder.TableTag(RangeTable(limb));
        int groups = (k + WideLayout.LaneCount - 1) / WideLayout.LaneCount;
        int[] limbWires;
        if (k == 1 && a.IsSingleWire(out int plain))
        {
            limbWires = [plain];
            if (shift == 0)
            {
                var row = new WideRow { Lookup = tag, Lanes = true };
                row.Wires[0] = (uint)plain;
                builder.AddRow(row, site.Index);
            }
        }
        else
        {
            // The limbs, then (past four limbs) each lane row's partial sum Σⱼ 2^(jL)·limb_(4g+j).
            int partials = groups > 1 ? groups : 0;
            var outputs = HintCore($"{limb}-bit limbs", [a], k + partials, (inputs, outputs) =>
            {
                var v = inputs[0].ToBigInteger();
                var mask = (BigInteger.One << limb) - 1;
                var limbs = new BigInteger[k];
                for (int i = 0; i < k; i++)
                {
                    limbs[i] = i == k - 1 ? v : v & mask;
                    v >>= limb;
                }
                for (int i = 0; i < k; i++)
                {
                    outputs[i] = Fr.FromBigInteger(limbs[i]);
                }
                for (int g = 0; g < partials; g++)
                {
                    BigInteger partial = BigInteger.Zero;
                    for (int j = Math.Min(k, 4 * g + WideLayout.LaneCount) - 1; j >= 4 * g; j--)
                    {
                        partial = (partial << limb) + limbs[j];
                    }
                    outputs[k + g] = Fr.FromBigInteger(partial);
                }
            }, site);
            var wires = outputs.Select(l => l.IsSingleWire(out int w) ? w : throw new InvalidOperationException("a hint output is one wire")).ToArray();
            limbWires = wires[..k];
            if (k == 1 && a.TermCount < WideLayout.Width)
            {
                // One limb: limb − a = 0 in one row that looks its w0 (the limb) up, as cheap as a lane row and
                // without first summing a's terms into one wire.
                var terms = new List<Term>(1 + a.TermCount) { new(limbWires[0], Fr.One) };
                foreach (var t in a.Terms)
                {
                    terms.Add(new Term(t.Wire, -t.Coefficient));
                }
                builder.SetLookup(builder.AddSumRow([.. terms], -a.Constant, site.Index), tag);
            }
            else if (groups == 1)
            {
                // One lane row: the limbs in w0..w(k−1), and Σ 2^(jL)·limbⱼ − (α·w + c) = 0 with w in w4.
                var (wire, alpha, constant) = Affine(a, site);
                AddLaneRow(limbWires, limb, wire, alpha, constant, tag, site);
            }
            else
            {
                var sum = new List<Term>(groups + a.TermCount);
                Fr weight = Fr.One, step = Fr.FromBigInteger(BigInteger.One << (WideLayout.LaneCount * limb));
                for (int g = 0; g < groups; g++, weight *= step)
                {
                    int partial = wires[k + g];
                    AddLaneRow(limbWires[(WideLayout.LaneCount * g)..Math.Min(k, WideLayout.LaneCount * (g + 1))], limb, partial, Fr.One, Fr.Zero, tag, site);
                    sum.Add(new Term(partial, weight));
                }
                foreach (var t in a.Terms)
                {
                    sum.Add(new Term(t.Wire, -t.Coefficient));
                }
                AssertZero(FromTerms(sum, -a.Constant), site);
            }
        }
        if (shift > 0)
        {
            // limb·2^(L − r) < 2^L, with limb < 2^L, bounds the top limb by 2^r: the row w0 = 2^(L − r)·limb, w1 = limb
            // looks both up in its lanes (w2, w3 hold the constant one).
            var (_, scaledRow) = builder.DefineFirstCellWire([new Term(limbWires[^1], Fr.FromBigInteger(BigInteger.One << shift))], Fr.Zero, site.Index);
            builder.SetLaneLookup(scaledRow, tag);
        }
    }

    /// <summary>
    /// A lane row: <paramref name="limbs"/> (at most four) in the lanes w0.., the constant one in the unused lanes, and
    /// Σⱼ 2^(jL)·limbⱼ − α·w − c = 0 with w in w4.
    /// </summary>
    private void AddLaneRow(ReadOnlySpan<int> limbs, int limb, int wire, Fr alpha, Fr constant, byte tag, Site site)
    {
        var row = new WideRow { Gate = GateKind.Arithmetic, Lookup = tag, Lanes = true };
        Fr weight = Fr.One, step = Fr.FromBigInteger(BigInteger.One << limb);
        for (int j = 0; j < limbs.Length; j++, weight *= step)
        {
            row.Wires[j] = (uint)limbs[j];
            row.Coefficients[(int)Coefficient.Q0 + j] = weight;
        }
        row.Wires[WideLayout.LaneCount] = (uint)wire;
        row.Coefficients[(int)Coefficient.Q4] = -alpha;
        row.Coefficients[(int)Coefficient.Qc] = -constant;
        builder.AddRow(row, site.Index);
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
