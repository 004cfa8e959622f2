// SPDX-License-Identifier: MIT
namespace ZkOptions.Circuit.Catalog;

/// <summary>x³ + x + 5 = y (gnark's cubic example): the smallest circuit that exercises compile, setup, prove and verify.</summary>
public sealed class CubicCircuit : Circuit
{
    [Public("y")] public Variable Y;
    [Secret("x")] public Variable X;

    public override void Define(Api api)
    {
        var x3 = api.Mul(api.Mul(X, X), X);
        api.AssertEqual(x3 + X + 5, Y);
    }
}

/// <summary>
/// A price-band check in the style the settlement rules need: a range-checked price within public bounds, and the
/// notional price·quantity (both 64-bit) equal to a public value.
/// </summary>
public sealed class PriceBandCircuit : Circuit
{
    [Public("low")] public Variable Low;
    [Public("high")] public Variable High;
    [Public("notional")] public Variable Notional;
    [Secret("price")] public Variable Price;
    [Secret("quantity")] public Variable Quantity;

    public override void Define(Api api)
    {
        using (api.Scope("price band"))
        {
            var price = api.RangeCheck(Price, 64);
            api.AssertLessOrEqual(api.RangeCheck(Low, 64), price);
            api.AssertLessOrEqual(price, api.RangeCheck(High, 64));
        }
        using (api.Scope("notional"))
        {
            api.RangeCheck(Quantity, 64);
            api.AssertEqual(api.Mul(Price, Quantity), Notional);
        }
    }
}

internal static class ExampleCircuits
{
    public static IEnumerable<CircuitDescriptor> Descriptors()
    {
        yield return new("cubic", "x³ + x + 5 = y, x secret (gnark's cubic example)", () => new CubicCircuit(),
            () => """{"y": "35", "x": "3"}""");
        yield return new("price-band", "low ≤ price ≤ high and price·quantity = notional, all 64-bit", () => new PriceBandCircuit(),
            () => """{"low": "100", "high": "200", "notional": "1500", "price": "150", "quantity": "10"}""");
    }
}
