using ZkOptions.Circuit;

namespace MyCircuit;

/// <summary>
/// A trade's notional, proved without revealing the trade: price × quantity = notional, with the price at most a
/// public limit. The price and the quantity are secret and each proven to fit in 32 bits, so their product is below
/// 2^64 and cannot wrap around the field (without the range checks a prover could pick a huge "quantity" whose
/// product wraps to any notional).
/// </summary>
public sealed class MyCircuit : Circuit
{
    [Public("notional")] public Variable Notional;
    [Public("maxPrice")] public Variable MaxPrice;
    [Secret("price")] public Variable Price;
    [Secret("quantity")] public Variable Quantity;

    public override void Define(Api api)
    {
        using (api.Scope("price limit"))
        {
            var price = api.RangeCheck(Price, 32);
            api.AssertLessOrEqual(price, api.RangeCheck(MaxPrice, 32));
        }
        using (api.Scope("notional"))
        {
            api.RangeCheck(Quantity, 32);
            api.AssertEqual(api.Mul(Price, Quantity), Notional);
        }
    }
}
