// SPDX-License-Identifier: MIT
namespace ZkOptions.Field;

/// <summary>Twist membership, negation and equality for <see cref="G2Affine"/>.</summary>
public readonly partial struct G2Affine : IEquatable<G2Affine>
{
    /// <summary>The twist coefficient b' = 3/ξ of y² = x³ + b'.</summary>
    internal static readonly Fq2 B = new Fq2(Fq.FromUInt64(3), Fq.Zero) * Fq2.NonResidue.Inverse();

    /// <summary>
    /// True when y² = x³ + b' (b' = 3/ξ), and for infinity. The twist has cofactor 2p − r, so a point on it is
    /// almost never in G2: decoders must also call <see cref="IsInSubgroup"/>.
    /// </summary>
    public bool IsOnCurve()
    {
        if (IsInfinity)
        {
            return true;
        }
        Fq2.Square(in Y, out Fq2 y2);
        Fq2.Square(in X, out Fq2 x3);
        Fq2.Mul(in x3, in X, out x3);
        Fq2.Add(in x3, in B, out x3);
        return y2.Equals(x3);
    }

    /// <summary>r = −p = (x, −y); infinity stays infinity.</summary>
    public static void Neg(in G2Affine p, out G2Affine r)
    {
        if (p.IsInfinity)
        {
            r = Infinity;
            return;
        }
        Fq2.Neg(in p.Y, out Fq2 y);
        r = new G2Affine(p.X, y);
    }

    /// <summary>−p.</summary>
    public G2Affine Negate()
    {
        Neg(in this, out G2Affine r);
        return r;
    }

    /// <summary>−p.</summary>
    public static G2Affine operator -(G2Affine p) => p.Negate();

    /// <summary>Equal coordinates; infinity equals only infinity, whatever coordinates it carries.</summary>
    public bool Equals(G2Affine other)
    {
        if (IsInfinity || other.IsInfinity)
        {
            return IsInfinity == other.IsInfinity;
        }
        return X.Equals(other.X) && Y.Equals(other.Y);
    }

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is G2Affine other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => IsInfinity ? 0 : HashCode.Combine(X, Y);

    /// <summary>Point equality.</summary>
    public static bool operator ==(G2Affine a, G2Affine b) => a.Equals(b);

    /// <summary>Point inequality.</summary>
    public static bool operator !=(G2Affine a, G2Affine b) => !a.Equals(b);

    /// <summary>"(x, y)" in decimal, or "infinity".</summary>
    public override string ToString() => IsInfinity ? "infinity" : $"({X}, {Y})";
}
