// SPDX-License-Identifier: MIT
namespace ZkOptions.Settlement.Numbers;

/// <summary>
/// Exact products and the one rounding step of every formula. A quantity (1e-4 contracts) times a price
/// (1e-6 USD per contract) is an amount in 1e-10 USD, held exactly in 128 bits; sums of such products stay exact,
/// and only the final figure is rounded to micro-dollars, in the direction that favours the exchange (see
/// docs/settlement.md, "Rounding").
/// </summary>
public static class Exact
{
    /// <summary>1e-10 USD per micro-dollar: the divisor that turns q·price into micro-dollars.</summary>
    public const long QuantityTimesPriceScale = Quantity.Scale;

    /// <summary>q·price in 1e-10 USD, exact.</summary>
    public static Int128 Notional(Quantity q, Usd price) => (Int128)q.Units * price.Micros;

    /// <summary>⌊x / d⌋ for d &gt; 0 (towards −∞, unlike C#'s division).</summary>
    public static Int128 FloorDiv(Int128 x, Int128 d)
    {
        Int128 q = Int128.DivRem(x, d).Quotient;
        return (x % d != 0 && x < 0) ? q - 1 : q;
    }

    /// <summary>⌈x / d⌉ for d &gt; 0.</summary>
    public static Int128 CeilDiv(Int128 x, Int128 d)
    {
        Int128 q = Int128.DivRem(x, d).Quotient;
        return (x % d != 0 && x > 0) ? q + 1 : q;
    }

    /// <summary>An exact 1e-10 USD figure rounded down to micro-dollars.</summary>
    public static Usd FloorUsd(Int128 e10) => new(checked((long)FloorDiv(e10, QuantityTimesPriceScale)));

    /// <summary>An exact 1e-10 USD figure rounded up to micro-dollars.</summary>
    public static Usd CeilUsd(Int128 e10) => new(checked((long)CeilDiv(e10, QuantityTimesPriceScale)));

    /// <summary>amount·ratio rounded up (charges: fees, requirements).</summary>
    public static Usd MulCeil(Usd amount, Ppm ratio) =>
        new(checked((long)CeilDiv((Int128)amount.Micros * ratio.Value, Ppm.Scale)));
}
