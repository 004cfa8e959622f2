// SPDX-License-Identifier: MIT
using System.Numerics;
using System.Text;
using ZkOptions.Field;

namespace ZkOptions.Circuit;

/// <summary>
/// A value in a circuit: a linear combination Σ cᵢ·wᵢ + k of wires, kept symbolic so that additions, subtractions and
/// multiplications by constants cost no gates until a multiplication or an assertion needs them. A variable with no
/// terms is a constant, and operations on constants fold. Variables are immutable; <c>default</c> is the constant 0.
/// </summary>
/// <remarks>
/// The operators are linear only (+, −, and · by a constant): multiplying two variables needs the circuit's
/// <see cref="Api"/> (<c>api.Mul</c>), which decides how the product is constrained.
/// </remarks>
public readonly struct Variable : IEquatable<Variable>
{
    private static readonly Term[] NoTerms = [];

    private readonly Term[]? terms;

    /// <summary>The constant part k.</summary>
    internal Fr Constant { get; }

    internal Variable(Term[] terms, Fr constant)
    {
        this.terms = terms.Length == 0 ? null : terms;
        Constant = constant;
    }

    /// <summary>A constant.</summary>
    public Variable(Fr constant)
    {
        terms = null;
        Constant = constant;
    }

    /// <summary>The wire terms, sorted by wire, with no zero coefficient and no repeated wire.</summary>
    internal ReadOnlySpan<Term> Terms => terms ?? NoTerms;

    internal int TermCount => terms?.Length ?? 0;

    /// <summary>Whether the value is known when the circuit is compiled (no wire terms).</summary>
    public bool IsConstant => terms is null;

    /// <summary>The constant value; throws when the variable depends on wires.</summary>
    public Fr ConstantValue => IsConstant ? Constant : throw new InvalidOperationException("the variable is not a constant");

    /// <summary>A single wire with coefficient 1 and no constant.</summary>
    internal static Variable FromWire(int wire) => new([new Term(wire, Fr.One)], Fr.Zero);

    /// <summary>Whether this is exactly 1·w for one wire w (then <paramref name="wire"/> is set).</summary>
    internal bool IsSingleWire(out int wire)
    {
        if (terms is { Length: 1 } && terms[0].Coefficient.IsOne && Constant.IsZero)
        {
            wire = terms[0].Wire;
            return true;
        }
        wire = -1;
        return false;
    }

    public static implicit operator Variable(Fr value) => new(value);
    public static implicit operator Variable(long value) => new(FieldOf(value));
    public static implicit operator Variable(BigInteger value) => new(Fr.FromBigInteger(((value % Fr.Modulus) + Fr.Modulus) % Fr.Modulus));

    public static Variable operator +(Variable a, Variable b) => Combine(a, Fr.One, b, Fr.One);
    public static Variable operator -(Variable a, Variable b) => Combine(a, Fr.One, b, -Fr.One);
    public static Variable operator -(Variable a) => a.Scale(-Fr.One);
    public static Variable operator *(Variable a, Fr k) => a.Scale(k);
    public static Variable operator *(Fr k, Variable a) => a.Scale(k);
    public static Variable operator *(Variable a, long k) => a.Scale(FieldOf(k));
    public static Variable operator *(long k, Variable a) => a.Scale(FieldOf(k));

    /// <summary>k·this.</summary>
    internal Variable Scale(Fr k)
    {
        if (k.IsZero || (IsConstant && Constant.IsZero))
        {
            return default;
        }
        if (k.IsOne)
        {
            return this;
        }
        if (terms is null)
        {
            return new Variable(Constant * k);
        }
        var scaled = new Term[terms.Length];
        for (int i = 0; i < scaled.Length; i++)
        {
            scaled[i] = new Term(terms[i].Wire, terms[i].Coefficient * k);
        }
        return new Variable(scaled, Constant * k);
    }

    /// <summary>ka·a + kb·b, merging terms on the same wire and dropping those that cancel.</summary>
    internal static Variable Combine(Variable a, Fr ka, Variable b, Fr kb)
    {
        var ta = a.Terms;
        var tb = b.Terms;
        Fr constant = a.Constant * ka + b.Constant * kb;
        if (tb.Length == 0 && ka.IsOne)
        {
            return new Variable(a.terms ?? NoTerms, constant);
        }
        if (ta.Length == 0 && kb.IsOne)
        {
            return new Variable(b.terms ?? NoTerms, constant);
        }
        var merged = new Term[ta.Length + tb.Length];
        int i = 0, j = 0, n = 0;
        while (i < ta.Length || j < tb.Length)
        {
            Term next;
            if (j == tb.Length || (i < ta.Length && ta[i].Wire < tb[j].Wire))
            {
                next = new Term(ta[i].Wire, ta[i].Coefficient * ka);
                i++;
            }
            else if (i == ta.Length || tb[j].Wire < ta[i].Wire)
            {
                next = new Term(tb[j].Wire, tb[j].Coefficient * kb);
                j++;
            }
            else
            {
                next = new Term(ta[i].Wire, ta[i].Coefficient * ka + tb[j].Coefficient * kb);
                i++;
                j++;
            }
            if (!next.Coefficient.IsZero)
            {
                merged[n++] = next;
            }
        }
        return new Variable(n == merged.Length ? merged : merged[..n], constant);
    }

    /// <summary>The value of this combination under a full assignment of wires.</summary>
    internal Fr Evaluate(ReadOnlySpan<Fr> wires)
    {
        Fr sum = Constant;
        foreach (var term in Terms)
        {
            sum += term.Coefficient * wires[term.Wire];
        }
        return sum;
    }

    /// <summary>Writes the combination with wire names from <paramref name="name"/>, e.g. "2·x + w17 − 5".</summary>
    internal string Format(Func<int, string> name)
    {
        var text = new StringBuilder();
        foreach (var term in Terms)
        {
            AppendSigned(text, term.Coefficient, name(term.Wire));
        }
        if (!Constant.IsZero || text.Length == 0)
        {
            AppendSigned(text, Constant, null);
        }
        return text.ToString();
    }

    private static void AppendSigned(StringBuilder text, Fr coefficient, string? wire)
    {
        // Print c and r − c (a "negative" constant) in whichever is shorter, as a person would write them.
        BigInteger value = coefficient.ToBigInteger();
        bool negative = value > Fr.Modulus / 2;
        BigInteger magnitude = negative ? Fr.Modulus - value : value;
        if (text.Length > 0)
        {
            text.Append(negative ? " − " : " + ");
        }
        else if (negative)
        {
            text.Append('−');
        }
        if (wire is null)
        {
            text.Append(magnitude);
        }
        else
        {
            if (!magnitude.IsOne)
            {
                text.Append(magnitude).Append('·');
            }
            text.Append(wire);
        }
    }

    private static Fr FieldOf(long value) => value >= 0 ? Fr.FromUInt64((ulong)value) : -Fr.FromUInt64((ulong)-(value + 1)) - Fr.One;

    /// <summary>Structural equality (same terms and constant), not equality of values.</summary>
    public bool Equals(Variable other)
    {
        if (!Constant.Equals(other.Constant) || TermCount != other.TermCount)
        {
            return false;
        }
        return Terms.SequenceEqual(other.Terms);
    }

    public override bool Equals(object? obj) => obj is Variable other && Equals(other);

    public override int GetHashCode()
    {
        var hash = new HashCode();
        hash.Add(Constant);
        foreach (var term in Terms)
        {
            hash.Add(term);
        }
        return hash.ToHashCode();
    }

    public override string ToString() => Format(w => w == 0 ? "one" : $"w{w}");
}

/// <summary>One term c·w of a linear combination.</summary>
internal readonly record struct Term(int Wire, Fr Coefficient);
