// SPDX-License-Identifier: MIT
using System.ComponentModel;
using ZkOptions.Circuit;

namespace UserCircuits.Fixture;

/// <summary>The factors of a public product, both 32-bit: the user circuit the CLI tests set up, prove and verify.</summary>
[Description("x·y = product with 32-bit secret factors")]
public sealed class ProductCircuit : Circuit
{
    [Public("product")] public Variable Product;
    [Secret("x")] public Variable X;
    [Secret("y")] public Variable Y;

    public override void Define(Api api)
    {
        using (api.Scope("factors"))
        {
            api.RangeCheck(X, 32);
            api.RangeCheck(Y, 32);
        }
        api.AssertEqual(api.Mul(X, Y), Product); // the rule a wrong product breaks
    }
}
