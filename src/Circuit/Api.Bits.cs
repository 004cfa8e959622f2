// SPDX-License-Identifier: MIT
using System.Numerics;
using System.Runtime.CompilerServices;
using ZkOptions.Constraints;
using ZkOptions.Constraints.V2;
using ZkOptions.Field;

namespace ZkOptions.Circuit;

public sealed partial class Api
{
    // ---- Bits and ranges ----

    /// <summary>
    /// The <paramref name="n"/> bits of a, least significant first, each asserted boolean, with Σ 2^i·bᵢ = a, so it
    /// also proves a &lt; 2^n. For n = 254 the bits are also asserted to encode a value below r, which makes the
    /// decomposition unique. About 2n gates (3n for n = 254).
    /// </summary>
    public Variable[] ToBits(Variable a, int n, [CallerFilePath] string file = "", [CallerLineNumber] int line = 0) =>
        ToBitsCore(a, n, At($"to {n} bits (a < 2^{n})", file, line, new Operand("a", a)));

    /// <summary>Σ 2^i·bitsᵢ, asserting each bit boolean (free for bits already known to be boolean).</summary>
    public Variable FromBits(ReadOnlySpan<Variable> bits, [CallerFilePath] string file = "", [CallerLineNumber] int line = 0)
    {
        if (bits.Length > Fr.BitCount)
        {
            throw new ArgumentException($"at most {Fr.BitCount} bits", nameof(bits));
        }
        var site = At($"from {bits.Length} bits", file, line);
        foreach (var bit in bits)
        {
            AssertBooleanCore(bit, site);
        }
        return FromBitsUnchecked(bits);
    }

    /// <summary>Proves 0 ≤ a &lt; 2^bits and returns a as a <see cref="Bounded"/> for comparisons. About 2·bits gates.</summary>
    public Bounded RangeCheck(Variable a, int bits, [CallerFilePath] string file = "", [CallerLineNumber] int line = 0)
    {
        CheckWidth(bits);
        RangeCheckCore(a, bits, At($"range check 0 ≤ a < 2^{bits}", file, line, new Operand("a", a)));
        return new Bounded(a, bits);
    }

    /// <summary>A value already asserted (or known) to be boolean, as a 1-bit <see cref="Bounded"/>.</summary>
    public Bounded AsBoolean(Variable a, [CallerFilePath] string file = "", [CallerLineNumber] int line = 0)
    {
        AssertBooleanCore(a, At("assert a ∈ {0, 1}", file, line, new Operand("a", a)));
        return new Bounded(a, 1);
    }

    /// <summary>
    /// Asserts that the number the bits encode (least significant first) is at most <paramref name="bound"/>.
    /// About one gate per bit; the bits must already be boolean (as from <see cref="ToBits"/>).
    /// </summary>
    public void AssertBitsAtMost(ReadOnlySpan<Variable> bits, BigInteger bound, [CallerFilePath] string file = "", [CallerLineNumber] int line = 0) =>
        AssertBitsAtMostCore(bits, bound, At($"assert bits ≤ {bound}", file, line, new Operand("bits", FromBitsUnchecked(bits))));

    /// <summary>
    /// <see cref="AssertBitsAtMost(ReadOnlySpan{Variable}, BigInteger, string, int)"/> for bits of
    /// <paramref name="number"/> (as <see cref="ToBits"/> returns them), which v2 reads instead of summing the bits again.
    /// </summary>
    internal void AssertBitsAtMost(ReadOnlySpan<Variable> bits, BigInteger bound, Variable number, string file, int line) =>
        AssertBitsAtMostCore(bits, bound, At($"assert bits ≤ {bound}", file, line, new Operand("bits", number)), number);

    internal Variable[] ToBitsCore(Variable a, int n, Site site)
    {
        if (n < 1 || n > Fr.BitCount)
        {
            throw new ArgumentOutOfRangeException(nameof(n), $"a decomposition has 1 to {Fr.BitCount} bits");
        }
        if (a.IsConstant)
        {
            var value = a.Constant.ToBigInteger();
            if (value >> n != 0)
            {
                Violated(site);
            }
            var constantBits = new Variable[n];
            for (int i = 0; i < n; i++)
            {
                constantBits[i] = new Variable((value >> i & 1) == 1 ? Fr.One : Fr.Zero);
            }
            return constantBits;
        }
        var bits = HintCore($"{n} bits", [a], n, static (inputs, outputs) =>
        {
            var value = inputs[0].ToBigInteger();
            for (int i = 0; i < outputs.Length; i++)
            {
                outputs[i] = (value >> i & 1) == 1 ? Fr.One : Fr.Zero;
            }
        }, site);
        if (TargetSystem == ProofSystem.V2)
        {
            AssertBooleansInRows(bits, site);
        }
        else
        {
            foreach (var bit in bits)
            {
                AssertBooleanCore(bit, site);
            }
        }
        AssertZero(FromBitsUnchecked(bits) - a, site);
        if (n == Fr.BitCount)
        {
            AssertBitsAtMostCore(bits, Fr.Modulus - 1, site, a);
        }
        return bits;
    }

    /// <summary>v2: the bits (fresh hint wires) checked boolean five to a <see cref="GateKind.Booleans"/> row.</summary>
    private void AssertBooleansInRows(Variable[] bits, Site site)
    {
        for (int i = 0; i < bits.Length; i += WideLayout.Width)
        {
            var row = new WideRow { Gate = GateKind.Booleans };
            for (int k = 0; k < WideLayout.Width && i + k < bits.Length; k++)
            {
                row.Wires[k] = bits[i + k].IsSingleWire(out int wire) ? (uint)wire
                    : throw new InvalidOperationException("a hint output is one wire");
                MarkBoolean(bits[i + k]);
            }
            AddRow(row, site);
        }
    }

    /// <summary>
    /// The bits' number is at most <paramref name="bound"/>; <paramref name="number"/>, when given, is a variable
    /// already constrained equal to Σ 2^i·bitsᵢ (mod r), which spares v2 summing the bits again.
    /// </summary>
    internal void AssertBitsAtMostCore(ReadOnlySpan<Variable> bits, BigInteger bound, Site site, Variable? number = null)
    {
        if (bound.Sign < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(bound), "the bound must be ≥ 0");
        }
        int n = bits.Length;
        if (bound >= (BigInteger.One << n) - 1)
        {
            return;
        }
        if (TargetSystem == ProofSystem.V2 && n > 2 * MaxLimbBits)
        {
            AssertBitsAtMostByRange(bits, bound, site, number ?? FromBitsUnchecked(bits));
            return;
        }
        // Scan from the top bit keeping eq = "the bits so far equal the bound's". Where the bound has a 1, eq becomes
        // eq·b; where it has a 0, eq·b = 0 is asserted (a 1 there would make the number larger) and eq is unchanged.
        // Below the lowest 0 of the bound nothing can make the number larger, so those bits are not visited.
        int lowestZero = 0;
        while ((bound >> lowestZero & 1) == 1)
        {
            lowestZero++;
        }
        Variable equal = Fr.One;
        for (int i = n - 1; i >= lowestZero; i--)
        {
            AssertBooleanCore(bits[i], site);
            if ((bound >> i & 1) == 1)
            {
                equal = MulCore(equal, bits[i], site);
            }
            else
            {
                AssertProduct(equal, bits[i], Fr.Zero, site);
            }
        }
    }

    /// <summary>
    /// v2: Σ 2^i·bitsᵢ ≤ bound as range checks on lookups (a handful of rows instead of one a bit). With V the bits'
    /// number (V &lt; 2^n) and m the bound's bit length, bound − V is in [0, 2^m) exactly when V ≤ bound, as long as a
    /// negative difference, which wraps to at least r − 2^n + 1, cannot land below 2^m: so for n ≤ 252, or n = 253
    /// with m ≤ 252. Otherwise (n = 253 with m = 253, or n = 254, where V may even exceed r) the bits are split at 127
    /// into hi and lo and compared in that order: e = [hi = bound_hi], and e·(bound_lo − lo) + (1 − e)·(bound_hi − hi − 1)
    /// must lie in [0, 2^128); every term is below 2^127 in size, so a negative one wraps far above 2^128.
    /// </summary>
    private void AssertBitsAtMostByRange(ReadOnlySpan<Variable> bits, BigInteger bound, Site site, Variable value)
    {
        foreach (var bit in bits)
        {
            AssertBooleanCore(bit, site);   // free for bits from ToBits
        }
        int n = bits.Length;
        int m = Math.Max(1, (int)bound.GetBitLength());
        if (n <= 252 || (n == 253 && m <= 252))
        {
            RangeCheckCore(new Variable(Fr.FromBigInteger(bound)) - value, m, site);
            return;
        }
        const int split = 127;
        BigInteger mask = (BigInteger.One << split) - 1;
        Variable boundHi = new(Fr.FromBigInteger(bound >> split)), boundLo = new(Fr.FromBigInteger(bound & mask));
        Variable hi = Collapse(FromBitsUnchecked(bits[split..]), site);   // summed once, used twice
        // lo is the low bits' number; in the field it is V − 2^127·hi whatever V is, since both sides agree mod r.
        Variable lo = value - hi * Fr.FromBigInteger(BigInteger.One << split);
        Variable hiEqual = IsZeroCore(boundHi - hi, site);
        Variable below = boundHi - hi - Fr.One;
        RangeCheckCore(MulCore(hiEqual, boundLo - lo - below, site) + below, split + 1, site);
    }

    private static Variable FromBitsUnchecked(ReadOnlySpan<Variable> bits)
    {
        Variable sum = default;
        Fr weight = Fr.One;
        foreach (var bit in bits)
        {
            sum += bit * weight;
            weight = weight.Double();
        }
        return sum;
    }

    private static void CheckWidth(int bits)
    {
        if (bits < 1 || bits > Bounded.MaxBits)
        {
            throw new ArgumentOutOfRangeException(nameof(bits), $"a range check has 1 to {Bounded.MaxBits} bits");
        }
    }
}
