// SPDX-License-Identifier: MIT
using ZkOptions.Circuit;

namespace UserCircuits.Gadgets;

/// <summary>A gadget outside the circuit's own assembly: x², one multiplication gate.</summary>
public static class Squares
{
    /// <summary>The square of <paramref name="x"/>.</summary>
    public static Variable Of(Api api, Variable x) => api.Mul(x, x);
}
