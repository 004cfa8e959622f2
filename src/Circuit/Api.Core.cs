// SPDX-License-Identifier: MIT
using System.Globalization;
using ZkOptions.Constraints;
using ZkOptions.Constraints.V1;
using ZkOptions.Constraints.V2;
using ZkOptions.Circuit.Compiler;
using ZkOptions.Field;

namespace ZkOptions.Circuit;

/// <summary>
/// What a circuit's <c>Define</c> uses to state its rules. Values are <see cref="Variable"/>s (symbolic linear
/// combinations); every method that can add constraints records the caller's file and line and the current
/// <see cref="Scope"/>, so a failed constraint is reported where it was written. The gate shape of the proof system
/// stays behind this class: circuits never see it.
/// </summary>
public sealed partial class Api
{
    private readonly ConstraintSystemBuilder builder;
    private readonly bool testEngine;
    private readonly HashSet<Variable> knownBooleans = [];
    private readonly Dictionary<Variable, int> collapsed = [];
    private readonly List<string> scopes = [];
    private string scopePath = "";

    internal Api(ConstraintSystemBuilder builder, bool testEngine, Func<int, string> wireName)
    {
        this.builder = builder;
        this.testEngine = testEngine;
        WireName = wireName;
    }

    internal Func<int, string> WireName { get; }

    /// <summary>The layout being compiled to; gadgets with a custom gate in v2 use it (circuits never see it).</summary>
    internal ProofSystem TargetSystem => builder.System;

    /// <summary>Whether this API runs on values (the test engine) rather than compiling.</summary>
    internal bool IsTestEngine => testEngine;

    internal int AddRow(in WideRow row, Site site) => builder.AddRow(row, site.Index);

    internal int NewWire() => builder.NewWire();

    internal void SolveRow(int row) => builder.SolveRow(row);

    /// <summary>
    /// <paramref name="v"/> as a row cell plus an offset, w + k, for a gate that adds constants to its cells anyway: a
    /// constant is the constant-one wire 0 plus k − 1, a single wire with coefficient 1 is itself, anything else is
    /// collapsed to one wire first.
    /// </summary>
    internal (int Wire, Fr Offset) Cell(Variable v, Site site)
    {
        if (v.IsConstant)
        {
            return (0, v.Constant - Fr.One);
        }
        var terms = v.Terms;
        if (terms.Length == 1 && terms[0].Coefficient.IsOne)
        {
            return (terms[0].Wire, v.Constant);
        }
        return (MaterializeTerms(v, site), v.Constant);
    }

    /// <summary>The current scope path ("maker margin › poseidon"), empty at the top.</summary>
    public string CurrentScope => scopePath;

    /// <summary>
    /// Opens a named scope: every constraint until the returned handle is disposed is reported (and counted by
    /// <c>zkoptions circuit info</c>) under it. Scopes nest. <c>using (api.Scope("maker margin")) { … }</c>.
    /// </summary>
    public ScopeHandle Scope(string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        scopes.Add(name);
        scopePath = string.Join(" › ", scopes);
        return new ScopeHandle(this, scopes.Count);
    }

    internal void CloseScope(int depth)
    {
        if (scopes.Count != depth)
        {
            throw new InvalidOperationException($"scope '{scopes[^1]}' closed out of order");
        }
        scopes.RemoveAt(scopes.Count - 1);
        scopePath = string.Join(" › ", scopes);
    }

    /// <summary>A call site that may add gates: its origin is registered on the first gate.</summary>
    internal sealed class Site(Api api, string operation, Operand[] operands, string file, int line)
    {
        private readonly string scope = api.scopePath;
        private int index = -1;

        public int Index => index >= 0 ? index : index = api.builder.AddOrigin(Origin);

        public ConstraintOrigin Origin => new(scope, file, line, operation, operands);
    }

    internal Site At(string operation, string file, int line, params Operand[] operands) => new(this, operation, operands, file, line);

    // ---- the primitives every operation is built from ----

    /// <summary>
    /// A wire equal to the non-constant part of <paramref name="v"/> (Σ cᵢ·wᵢ); its constant is left out. Collapsed
    /// sums are remembered, and every prefix of the chain with them, so collapsing the same sum again is free and an
    /// accumulator that grows by one term per step (acc + w, the newest wire last) costs one gate per step, not a
    /// chain as long as the sum.
    /// </summary>
    internal int MaterializeTerms(Variable v, Site site)
    {
        var terms = v.Terms;
        if (terms.Length == 0)
        {
            throw new InvalidOperationException("a constant has no wire");
        }
        if (terms.Length == 1 && terms[0].Coefficient.IsOne)
        {
            return terms[0].Wire;
        }
        var key = new Variable(terms.ToArray(), Fr.Zero);
        if (collapsed.TryGetValue(key, out int known))
        {
            return known;
        }
        int acc;
        if (builder.System == ProofSystem.V2 && terms.Length > 2 && !collapsed.ContainsKey(new Variable(terms[..^1].ToArray(), Fr.Zero)))
        {
            // A row sums four terms, and each further row the running sum and three more.
            int width = WideLayout.Width - 1;
            acc = builder.DefineSumWire(terms[..Math.Min(width, terms.Length)], Fr.Zero, site.Index);
            for (int i = width; i < terms.Length; i += width - 1)
            {
                collapsed.TryAdd(new Variable(terms[..i].ToArray(), Fr.Zero), acc);
                int take = Math.Min(width - 1, terms.Length - i);
                acc = builder.DefineSumWire([new Term(acc, Fr.One), .. terms.Slice(i, take)], Fr.Zero, site.Index);
            }
        }
        else if (terms.Length == 1)
        {
            acc = builder.DefineWire(terms[0].Wire, 0, Fr.Zero, terms[0].Coefficient, Fr.Zero, Fr.Zero, site.Index);
        }
        else if (terms.Length > 2 && collapsed.TryGetValue(new Variable(terms[..^1].ToArray(), Fr.Zero), out int prefix))
        {
            acc = builder.DefineWire(prefix, terms[^1].Wire, Fr.Zero, Fr.One, terms[^1].Coefficient, Fr.Zero, site.Index);
        }
        else
        {
            acc = builder.DefineWire(terms[0].Wire, terms[1].Wire, Fr.Zero, terms[0].Coefficient, terms[1].Coefficient, Fr.Zero, site.Index);
            for (int i = 2; i < terms.Length; i++)
            {
                collapsed.TryAdd(new Variable(terms[..i].ToArray(), Fr.Zero), acc);
                acc = builder.DefineWire(acc, terms[i].Wire, Fr.Zero, Fr.One, terms[i].Coefficient, Fr.Zero, site.Index);
            }
        }
        collapsed[key] = acc;
        return acc;
    }

    /// <summary>A wire w equal to <paramref name="v"/> (adds gates only when v is not already 1·w).</summary>
    internal int Materialize(Variable v, Site site)
    {
        if (v.IsSingleWire(out int wire))
        {
            return wire;
        }
        if (v.IsConstant)
        {
            return builder.DefineWire(0, 0, Fr.Zero, Fr.Zero, Fr.Zero, v.Constant, site.Index);
        }
        var terms = v.Terms;
        if (terms.Length == 1)
        {
            return builder.DefineWire(terms[0].Wire, 0, Fr.Zero, terms[0].Coefficient, Fr.Zero, v.Constant, site.Index);
        }
        if (builder.System == ProofSystem.V2)
        {
            const int width = WideLayout.Width - 1;
            if (terms.Length <= width)
            {
                return builder.DefineSumWire(terms, v.Constant, site.Index);
            }
            int prefix = MaterializeTerms(new Variable(terms[..^(width - 1)].ToArray(), Fr.Zero), site);
            return builder.DefineSumWire([new Term(prefix, Fr.One), .. terms[^(width - 1)..]], v.Constant, site.Index);
        }
        int w = MaterializeTerms(new Variable(terms[..^1].ToArray(), Fr.Zero), site);
        var last = terms[^1];
        return builder.DefineWire(w, last.Wire, Fr.Zero, Fr.One, last.Coefficient, v.Constant, site.Index);
    }

    /// <summary><paramref name="v"/> with its wire terms collapsed to one wire (its constant kept symbolic).</summary>
    internal Variable Collapse(Variable v, Site site) =>
        v.TermCount <= 1 ? v : Variable.FromWire(MaterializeTerms(v, site)) + new Variable(v.Constant);

    /// <summary><paramref name="v"/> as α·w + k with a single wire w (materialising when it has several terms).</summary>
    internal (int Wire, Fr Alpha, Fr K) Affine(Variable v, Site site)
    {
        var terms = v.Terms;
        if (terms.Length == 1)
        {
            return (terms[0].Wire, terms[0].Coefficient, v.Constant);
        }
        return (MaterializeTerms(v, site), Fr.One, v.Constant);
    }

    /// <summary>Constrains <paramref name="v"/> = 0. Constants are checked at once.</summary>
    internal void AssertZero(Variable v, Site site)
    {
        if (v.IsConstant)
        {
            if (!v.Constant.IsZero)
            {
                Violated(site);
            }
            return;
        }
        var terms = v.Terms.ToArray().AsSpan();
        if (terms.Length > 3 && TryReuseCollapsed(terms, out var reduced))
        {
            terms = reduced;
        }
        if (builder.System == ProofSystem.V2)
        {
            // Fold four terms into a new wire until a row holds the rest: about n / 3 rows for n > 5 terms.
            while (terms.Length > WideLayout.Width)
            {
                int w = builder.DefineSumWire(terms[..(WideLayout.Width - 1)], Fr.Zero, site.Index);
                terms = (Term[])[new Term(w, Fr.One), .. terms[(WideLayout.Width - 1)..]];
            }
            builder.AddSumRow(terms, v.Constant, site.Index);
            return;
        }
        // Fold the first two terms into a new wire until three remain: (n − 2) gates for n > 3 terms.
        while (terms.Length > 3)
        {
            int w = builder.DefineWire(terms[0].Wire, terms[1].Wire, Fr.Zero, terms[0].Coefficient, terms[1].Coefficient, Fr.Zero, site.Index);
            var rest = new Term[terms.Length - 1];
            rest[0] = new Term(w, Fr.One);
            terms[2..].CopyTo(rest.AsSpan(1));
            terms = rest;
        }
        uint a = (uint)terms[0].Wire;
        uint b = terms.Length > 1 ? (uint)terms[1].Wire : 0;
        uint c = terms.Length > 2 ? (uint)terms[2].Wire : 0;
        Fr ql = terms[0].Coefficient;
        Fr qr = terms.Length > 1 ? terms[1].Coefficient : Fr.Zero;
        Fr qo = terms.Length > 2 ? terms[2].Coefficient : Fr.Zero;
        builder.AddGate(new PlonkGate(a, b, c, Fr.Zero, ql, qr, qo, v.Constant), site.Index);
    }

    /// <summary>
    /// Whether all but one or two of the terms (taken from the first or last three, where an accumulator's inputs and
    /// newest wires sit) form a sum collapsed before, possibly scaled; then the terms become k·w plus those one or two.
    /// </summary>
    private bool TryReuseCollapsed(ReadOnlySpan<Term> terms, out Term[] reduced)
    {
        int n = terms.Length;
        var candidates = new SortedSet<int> { 0, 1, 2, n - 3, n - 2, n - 1 };
        foreach (int i in candidates)
        {
            if (TryWith([i], terms, out reduced))
            {
                return true;
            }
        }
        foreach (int i in candidates)
        {
            foreach (int j in candidates.Where(j => j > i))
            {
                if (TryWith([i, j], terms, out reduced))
                {
                    return true;
                }
            }
        }
        reduced = [];
        return false;

        bool TryWith(int[] left, ReadOnlySpan<Term> span, out Term[] result)
        {
            var all = span.ToArray();
            var rest = new List<Term>(all.Length);
            for (int k = 0; k < all.Length; k++)
            {
                if (Array.IndexOf(left, k) < 0)
                {
                    rest.Add(all[k]);
                }
            }
            Fr scale = rest[0].Coefficient;
            Fr inverse = scale.Inverse();
            var key = new Variable(rest.Select(t => new Term(t.Wire, t.Coefficient * inverse)).ToArray(), Fr.Zero);
            if (collapsed.TryGetValue(key, out int wire))
            {
                result = [new Term(wire, scale), .. left.Select(k => all[k])];
                Array.Sort(result, (x, y) => x.Wire.CompareTo(y.Wire));
                return true;
            }
            result = [];
            return false;
        }
    }

    /// <summary>x·y, folding constants; one gate when both are single-wire affine values.</summary>
    internal Variable MulCore(Variable x, Variable y, Site site)
    {
        if (x.IsConstant)
        {
            return y.Scale(x.Constant);
        }
        if (y.IsConstant)
        {
            return x.Scale(y.Constant);
        }
        if (x.Equals(y))
        {
            var (u, alpha, k) = Affine(x, site);
            // (αu + k)² = α²·u·u + 2αk·u + k²
            return Variable.FromWire(builder.DefineWire(u, u, alpha * alpha, (alpha * k).Double(), Fr.Zero, k * k, site.Index));
        }
        var (ua, a, ka) = Affine(x, site);
        var (ub, b, kb) = Affine(y, site);
        // (a·u + ka)(b·v + kb) = ab·uv + a·kb·u + b·ka·v + ka·kb
        return Variable.FromWire(builder.DefineWire(ua, ub, a * b, a * kb, b * ka, ka * kb, site.Index));
    }

    /// <summary>Constrains x·y = z in one gate when each side is a single-wire affine value.</summary>
    internal void AssertProduct(Variable x, Variable y, Variable z, Site site)
    {
        if (x.IsConstant || y.IsConstant)
        {
            AssertZero(MulCore(x, y, site) - z, site);
            return;
        }
        var (ua, a, ka) = Affine(x, site);
        var (ub, b, kb) = Affine(y, site);
        if (z.IsConstant)
        {
            builder.AddGate(new PlonkGate((uint)ua, (uint)ub, 0, a * b, a * kb, b * ka, Fr.Zero, ka * kb - z.Constant), site.Index);
            return;
        }
        var (uc, c, kc) = Affine(z, site);
        builder.AddGate(new PlonkGate((uint)ua, (uint)ub, (uint)uc, a * b, a * kb, b * ka, -c, ka * kb - kc), site.Index);
    }

    /// <summary>Marks a variable as known to be 0 or 1 (so later boolean checks on it are free).</summary>
    internal void MarkBoolean(Variable v)
    {
        knownBooleans.Add(v);
        knownBooleans.Add(Fr.One - v);
    }

    internal bool IsKnownBoolean(Variable v) =>
        knownBooleans.Contains(v) || (v.IsConstant && (v.Constant.IsZero || v.Constant.IsOne));

    private void Violated(Site site)
    {
        var origin = site.Origin;
        string values = string.Join(", ", origin.Operands.Select(o => $"{o.Label} = {FormatValue(o.Value)}"));
        var failure = new ConstraintFailure(origin, null, values);
        if (testEngine)
        {
            throw new ConstraintViolationException(failure);
        }
        throw new CircuitDefinitionException($"{failure} — the constraint fails for every input (its operands are constants)");
    }

    private static string FormatValue(Variable v) => v.IsConstant ? FieldText.Signed(v.Constant) : "(not a constant)";
}

/// <summary>Closes an <see cref="Api.Scope"/> when disposed.</summary>
public readonly struct ScopeHandle : IDisposable
{
    private readonly Api? api;
    private readonly int depth;

    internal ScopeHandle(Api api, int depth)
    {
        this.api = api;
        this.depth = depth;
    }

    public void Dispose() => api?.CloseScope(depth);
}

/// <summary>Field elements as a person reads them: values above r/2 as negatives (r − 5 is "−5").</summary>
internal static class FieldText
{
    public static string Signed(Fr value)
    {
        var big = value.ToBigInteger();
        return big > Fr.Modulus / 2 ? "−" + (Fr.Modulus - big).ToString(CultureInfo.InvariantCulture) : big.ToString(CultureInfo.InvariantCulture);
    }
}
