// SPDX-License-Identifier: MIT
namespace ZkOptions.Field;

/// <summary>Curve membership, negation and equality for <see cref="G1Affine"/>.</summary>
public readonly partial struct G1Affine : IEquatable<G1Affine>
{
    /// <summary>The curve coefficient b = 3 of y² = x³ + 3.</summary>
    internal static readonly Fq B = Fq.FromUInt64(3);

    /// <summary>
    /// True when y² = x³ + 3, and for infinity. G1 has cofactor 1, so every point on the curve is in the
    /// order-r group and no subgroup check is needed.
    /// </summary>
    public bool IsOnCurve()
    {
        if (IsInfinity)
        {
            return true;
        }
        Fq.Square(in Y, out Fq y2);
        Fq.Square(in X, out Fq x3);
        Fq.Mul(in x3, in X, out x3);
        Fq.Add(in x3, in B, out x3);
        return y2.Equals(x3);
    }

    /// <summary>r = −p = (x, −y); infinity stays infinity.</summary>
    public static void Neg(in G1Affine p, out G1Affine r)
    {
        if (p.IsInfinity)
        {
            r = Infinity;
            return;
        }
        Fq.Neg(in p.Y, out Fq y);
        r = new G1Affine(p.X, y);
    }

    /// <summary>−p.</summary>
    public G1Affine Negate()
    {
        Neg(in this, out G1Affine r);
        return r;
    }

    /// <summary>−p.</summary>
    public static G1Affine operator -(G1Affine p) => p.Negate();

    /// <summary>Equal coordinates; infinity equals only infinity, whatever coordinates it carries.</summary>
    public bool Equals(G1Affine other)
    {
        if (IsInfinity || other.IsInfinity)
        {
            return IsInfinity == other.IsInfinity;
        }
        return X.Equals(other.X) && Y.Equals(other.Y);
    }

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is G1Affine other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => IsInfinity ? 0 : HashCode.Combine(X, Y);

    /// <summary>Point equality.</summary>
    public static bool operator ==(G1Affine a, G1Affine b) => a.Equals(b);

    /// <summary>Point inequality.</summary>
    public static bool operator !=(G1Affine a, G1Affine b) => !a.Equals(b);

    /// <summary>"(x, y)" in decimal, or "infinity".</summary>
    public override string ToString() => IsInfinity ? "infinity" : $"({X}, {Y})";
}
