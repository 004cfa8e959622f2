// SPDX-License-Identifier: MIT
using System.Runtime.InteropServices;

namespace ZkOptions.Field.BabyJubjub;

/// <summary>
/// A point (x, y) of BabyJubjub, the twisted Edwards curve a·x² + y² = 1 + d·x²·y² over BN254's Fr with
/// a = 168700 and d = 168696 (EIP-2494; circomlibjs <c>babyjub.js</c>), in affine coordinates as circomlibjs keeps it.
/// </summary>
/// <remarks>
/// The constructor does not check the curve equation, so values read from outside must be checked with
/// <see cref="IsOnCurve"/> (and <see cref="IsInPrimeSubgroup"/> where the protocol needs it) before use; the
/// group operations in <see cref="BabyJubjub"/> refuse points that are off the curve. The identity is (0, 1);
/// there is no point at infinity on a twisted Edwards curve with these parameters.
/// </remarks>
[StructLayout(LayoutKind.Sequential)]
public readonly struct BabyJubjubPoint(Fr x, Fr y) : IEquatable<BabyJubjubPoint>
{
    /// <summary>The x coordinate.</summary>
    public readonly Fr X = x;

    /// <summary>The y coordinate.</summary>
    public readonly Fr Y = y;

    /// <summary>The group identity (0, 1).</summary>
    public static BabyJubjubPoint Identity => new(Fr.Zero, Fr.One);

    /// <summary>True for the identity (0, 1).</summary>
    public bool IsIdentity => X.IsZero && Y.IsOne;

    /// <summary>True when a·x² + y² = 1 + d·x²·y² (circomlibjs <c>inCurve</c>).</summary>
    public bool IsOnCurve
    {
        get
        {
            Fr.Square(in X, out Fr x2);
            Fr.Square(in Y, out Fr y2);
            Fr a = BabyJubjub.A;
            Fr d = BabyJubjub.D;
            Fr.Mul(in a, in x2, out Fr lhs);
            Fr.Add(in lhs, in y2, out lhs);
            Fr.Mul(in x2, in y2, out Fr rhs);
            Fr.Mul(in rhs, in d, out rhs);
            Fr one = Fr.One;
            Fr.Add(in rhs, in one, out rhs);
            return lhs.Equals(rhs);
        }
    }

    /// <summary>
    /// True when the point is on the curve and l·P is the identity, l = <see cref="BabyJubjub.SubgroupOrder"/>:
    /// the prime-order subgroup that <see cref="BabyJubjub.Base8"/> generates (circomlibjs <c>inSubgroup</c>). Costs a
    /// scalar multiplication.
    /// </summary>
    public bool IsInPrimeSubgroup => IsOnCurve && IsAnnihilatedBySubgroupOrder();

    private bool IsAnnihilatedBySubgroupOrder()
    {
        BabyJubjub.Multiply(in this, in SubgroupScalar.Order, out ExtendedPoint product);
        return product.IsIdentity;
    }

    /// <inheritdoc />
    public bool Equals(BabyJubjubPoint other) => X.Equals(other.X) && Y.Equals(other.Y);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is BabyJubjubPoint other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(X, Y);

    /// <summary>Coordinate equality.</summary>
    public static bool operator ==(BabyJubjubPoint left, BabyJubjubPoint right) => left.Equals(right);

    /// <summary>Coordinate inequality.</summary>
    public static bool operator !=(BabyJubjubPoint left, BabyJubjubPoint right) => !left.Equals(right);

    /// <summary>"(x, y)" in decimal.</summary>
    public override string ToString() => $"({X}, {Y})";
}
