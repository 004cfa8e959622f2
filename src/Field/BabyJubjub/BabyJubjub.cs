// SPDX-License-Identifier: MIT
using System.Globalization;
using System.Numerics;

namespace ZkOptions.Field.BabyJubjub;

/// <summary>
/// The BabyJubjub curve a·x² + y² = 1 + d·x²·y² over BN254's Fr (a = 168700, d = 168696; EIP-2494), with the
/// constants, group law and point encoding of circomlibjs 0.1.7 <c>src/babyjub.js</c>, which circomlib's circuits
/// and EdDSA use.
/// </summary>
/// <remarks>
/// The curve has order 8·l with l = <see cref="SubgroupOrder"/> prime. <see cref="Generator"/> generates the whole
/// group; <see cref="Base8"/> = 8·Generator generates the order-l subgroup and is the base point of EdDSA.
/// Because a is a square and d is not, the addition law is complete: it holds for every pair of curve points,
/// with no exceptional cases. Warning: like <see cref="Fr"/>, nothing here is constant-time; do not multiply secret
/// scalars where timing can be observed.
/// </remarks>
public static class BabyJubjub
{
    /// <summary>The curve coefficient a = 168700.</summary>
    public static Fr A { get; } = Fr.FromUInt64(168700);

    /// <summary>The curve coefficient d = 168696.</summary>
    public static Fr D { get; } = Fr.FromUInt64(168696);

    /// <summary>circomlibjs's <c>Generator</c>, a point of order 8·l (not in the prime-order subgroup).</summary>
    public static BabyJubjubPoint Generator { get; } = new(
        Fr.Parse("995203441582195749578291179787384436505546430278305826713579947235728471134"),
        Fr.Parse("5472060717959818805561601436314318772137091100104008585924551046643952123905"));

    /// <summary>circomlibjs's <c>Base8</c> = 8·<see cref="Generator"/>, the generator of the order-l subgroup and EdDSA's base point.</summary>
    public static BabyJubjubPoint Base8 { get; } = new(
        Fr.Parse("5299619240641551281634865583518297030282874472190772894086521144482721001553"),
        Fr.Parse("16950150798460657717958625567821834550301663161624707787222815936182638968203"));

    /// <summary>The number of points on the curve, 8·l (circomlibjs <c>order</c>).</summary>
    public static BigInteger CurveOrder { get; } =
        BigInteger.Parse("21888242871839275222246405745257275088614511777268538073601725287587578984328", CultureInfo.InvariantCulture);

    /// <summary>The prime l = <see cref="CurveOrder"/>/8, the order of <see cref="Base8"/> (circomlibjs <c>subOrder</c>).</summary>
    public static BigInteger SubgroupOrder { get; } = CurveOrder >> 3;

    /// <summary>(r − 1)/2: x above it is "negative", the sign bit of <see cref="Pack"/>.</summary>
    private static readonly Scalar256 HalfModulus = new(0xA1F0FAC9F8000000UL, 0x9419F4243CDCB848UL, 0xDC2822DB40C0AC2EUL, 0x183227397098D014UL);

    /// <summary>p + q (circomlibjs <c>addPoint</c>). Throws <see cref="ArgumentException"/> if either point is off the curve.</summary>
    public static BabyJubjubPoint Add(in BabyJubjubPoint p, in BabyJubjubPoint q)
    {
        RequireOnCurve(in p, nameof(p));
        RequireOnCurve(in q, nameof(q));
        ExtendedPoint.Add(ExtendedPoint.FromAffine(in p), ExtendedPoint.FromAffine(in q), out ExtendedPoint sum);
        return sum.ToAffine();
    }

    /// <summary>2p (circomlibjs <c>addPoint(p, p)</c>). Throws <see cref="ArgumentException"/> if the point is off the curve.</summary>
    public static BabyJubjubPoint Double(in BabyJubjubPoint p)
    {
        RequireOnCurve(in p, nameof(p));
        ExtendedPoint.Double(ExtendedPoint.FromAffine(in p), out ExtendedPoint twice);
        return twice.ToAffine();
    }

    /// <summary>−p = (−x, y).</summary>
    public static BabyJubjubPoint Negate(in BabyJubjubPoint p) => new(-p.X, p.Y);

    /// <summary>
    /// scalar·p for any scalar ≥ 0 of any size, not reduced (circomlibjs <c>mulPointEscalar</c>; EdDSA verification
    /// multiplies by 8·hm, which can exceed l). Throws <see cref="ArgumentOutOfRangeException"/> for a negative scalar
    /// and <see cref="ArgumentException"/> for a point off the curve.
    /// </summary>
    public static BabyJubjubPoint Multiply(in BabyJubjubPoint p, BigInteger scalar)
    {
        if (scalar.Sign < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(scalar), "BabyJubjub.Multiply takes a scalar ≥ 0.");
        }
        RequireOnCurve(in p, nameof(p));
        // Every curve point's order divides 8·l, so a scalar too long for the limb form can be reduced mod 8·l
        // without changing the product.
        if (!Scalar256.TryFromBigInteger(scalar, out Scalar256 k))
        {
            Scalar256.TryFromBigInteger(BigInteger.Remainder(scalar, CurveOrder), out k);
        }
        Multiply(in p, in k, out ExtendedPoint product);
        return product.ToAffine();
    }

    /// <summary>
    /// k·p for a curve point p (not checked) and any k &lt; 2^256, not reduced. Base8 goes through the precomputed
    /// table (after reducing k mod l, its order); any other point through width-5 NAF.
    /// </summary>
    internal static void Multiply(in BabyJubjubPoint p, in Scalar256 k, out ExtendedPoint product)
    {
        if (p.Equals(Base8))
        {
            Base8Table.Multiply(SubgroupScalar.Reduce(in k), out product);
        }
        else
        {
            WnafMultiplication.Multiply(ExtendedPoint.FromAffine(in p), in k, out product);
        }
    }

    /// <summary>
    /// circomlibjs <c>packPoint</c>: y as 32 little-endian bytes, with the top bit of the last byte set when
    /// x &gt; (r − 1)/2. (y &lt; r &lt; 2^254, so that bit is otherwise always 0.) The point is not checked.
    /// </summary>
    public static byte[] Pack(in BabyJubjubPoint point)
    {
        byte[] bytes = point.Y.ToBytes(ByteOrder.LittleEndian);
        if (IsNegative(in point.X))
        {
            bytes[31] |= 0x80;
        }
        return bytes;
    }

    /// <summary>
    /// circomlibjs <c>unpackPoint</c>: recovers x from y and the sign bit. Returns false (as circomlibjs returns null)
    /// when the input is not 32 bytes or no curve point has that y. Like circomlibjs it returns the root
    /// x ≤ (r − 1)/2 for sign 0 and its negation for sign 1, does not check the subgroup, and refuses the two points
    /// with x = 0 — the identity (0, 1) and (0, −1) — because circomlibjs tests x² with Euler's criterion, which is
    /// 0, not 1, for x² = 0.
    /// </summary>
    /// <remarks>
    /// One deliberate difference: a y ≥ r is refused here, where circomlibjs silently reduces it mod r and so
    /// accepts a second encoding of the same point. Every point has exactly one encoding that unpacks.
    /// </remarks>
    public static bool TryUnpack(ReadOnlySpan<byte> bytes, out BabyJubjubPoint point)
    {
        point = default;
        if (bytes.Length != Fr.ByteCount)
        {
            return false;
        }
        Span<byte> yBytes = stackalloc byte[Fr.ByteCount];
        bytes.CopyTo(yBytes);
        bool negative = (yBytes[31] & 0x80) != 0;
        yBytes[31] &= 0x7F;
        if (!Fr.TryReadBytes(yBytes, ByteOrder.LittleEndian, out Fr y))
        {
            return false;
        }
        // x² = (1 − y²)/(a − d·y²); the denominator is never 0 because a/d is not a square.
        Fr y2 = y.Square();
        Fr x2 = (Fr.One - y2) / (A - D * y2);
        if (x2.Legendre() != 1)
        {
            return false;
        }
        if (!Fr.TrySqrt(in x2, out Fr x))
        {
            return false;
        }
        if (IsNegative(in x))
        {
            x = -x;
        }
        if (negative)
        {
            x = -x;
        }
        point = new BabyJubjubPoint(x, y);
        return true;
    }

    /// <summary>x &gt; (r − 1)/2, compared on the canonical limbs.</summary>
    private static bool IsNegative(in Fr x) => Scalar256.LessThan(in HalfModulus, Scalar256.FromFr(in x));

    private static void RequireOnCurve(in BabyJubjubPoint p, string name)
    {
        if (!p.IsOnCurve)
        {
            throw new ArgumentException($"BabyJubjub: the point {p} is not on the curve a·x² + y² = 1 + d·x²·y².", name);
        }
    }
}
