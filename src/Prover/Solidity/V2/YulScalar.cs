// SPDX-License-Identifier: MIT
using ZkOptions.Field;

namespace ZkOptions.Prover.Solidity.V2;

/// <summary>
/// A scalar of the generated verifier: a cheap Yul expression that yields a value below r (a literal, a memory slot,
/// or a proof word already range-checked). The operators emit one reduced operation into <see cref="YulCode"/> and
/// return its slot, so an identity written over <see cref="IFieldArithmetic{T}"/> (a gate's residuals, the lookup
/// compression, <see cref="PlonkV2.PlonkV2Identities"/>) generates its own Solidity. Constants are folded at
/// generation time: a zero coefficient removes its term, so a gate reads only the columns this key uses.
/// </summary>
internal sealed class YulScalar : IFieldArithmetic<YulScalar>
{
    private readonly YulCode? code;

    private YulScalar(YulCode? code, string text, Fr? value)
    {
        this.code = code;
        Text = text;
        Value = value;
    }

    /// <summary>The Yul expression (r is the local variable <c>r</c>).</summary>
    public string Text { get; }

    /// <summary>The value when it is known at generation time.</summary>
    public Fr? Value { get; }

    /// <inheritdoc/>
    public bool IsZero => Value is { IsZero: true };

    /// <inheritdoc/>
    public static YulScalar One => Constant(Fr.One);

    /// <inheritdoc/>
    public static YulScalar Constant(in Fr value) => new(null, Literal(value), value);

    /// <summary>A value read by <paramref name="text"/>, computed at run time.</summary>
    public static YulScalar Stored(YulCode code, string text) => new(code, text, null);

    /// <inheritdoc/>
    public static YulScalar operator +(YulScalar a, YulScalar b)
    {
        if (a.Value is { } x && b.Value is { } y)
        {
            return Constant(x + y);
        }
        if (a.IsZero)
        {
            return b;
        }
        return b.IsZero ? a : CodeOf(a, b).Let($"addmod({a.Text}, {b.Text}, r)");
    }

    /// <inheritdoc/>
    public static YulScalar operator -(YulScalar a, YulScalar b)
    {
        if (a.Value is { } x && b.Value is { } y)
        {
            return Constant(x - y);
        }
        if (b.IsZero)
        {
            return a;
        }
        string minusB = b.Value is { } c ? Literal(-c) : $"sub(r, {b.Text})";
        return a.IsZero && b.Value is null
            ? CodeOf(a, b).Let($"mod({minusB}, r)")
            : CodeOf(a, b).Let($"addmod({a.Text}, {minusB}, r)");
    }

    /// <inheritdoc/>
    public static YulScalar operator *(YulScalar a, YulScalar b)
    {
        if (a.Value is { } x && b.Value is { } y)
        {
            return Constant(x * y);
        }
        if (a.IsZero || b.IsZero)
        {
            return Constant(Fr.Zero);
        }
        if (a.Value is { IsOne: true })
        {
            return b;
        }
        return b.Value is { IsOne: true } ? a : CodeOf(a, b).Let($"mulmod({a.Text}, {b.Text}, r)");
    }

    private static YulCode CodeOf(YulScalar a, YulScalar b) =>
        a.code ?? b.code ?? throw new InvalidOperationException("two constants are folded, never emitted");

    /// <summary>A value as a Yul literal: decimal below 2^64, else 0x-hex (deterministic, and short where it can be).</summary>
    public static string Literal(in Fr value)
    {
        var big = value.ToBigInteger();
        return big < ulong.MaxValue ? big.ToString(System.Globalization.CultureInfo.InvariantCulture) : "0x" + big.ToString("x64").TrimStart('0');
    }

    public override string ToString() => Text;
}
