// SPDX-License-Identifier: MIT
using System.Runtime.CompilerServices;
using ZkOptions.Constraints.V1;
using ZkOptions.Field;

namespace ZkOptions.Circuit;

public sealed partial class Api
{
    // ---- Assertions ----

    /// <summary>Asserts a = b. One gate for up to three wires in a − b, one more per further wire.</summary>
    public void AssertEqual(Variable a, Variable b, [CallerFilePath] string file = "", [CallerLineNumber] int line = 0) =>
        AssertZero(a - b, At("assert a == b", file, line, new Operand("a", a), new Operand("b", b)));

    /// <summary>Asserts a ∈ {0, 1}. One gate; free when a is already known to be boolean.</summary>
    public void AssertBoolean(Variable a, [CallerFilePath] string file = "", [CallerLineNumber] int line = 0) =>
        AssertBooleanCore(a, At("assert a ∈ {0, 1}", file, line, new Operand("a", a)));

    /// <summary>Asserts a ≠ 0 (by exhibiting its inverse). One gate.</summary>
    public void AssertNonZero(Variable a, [CallerFilePath] string file = "", [CallerLineNumber] int line = 0) =>
        InverseCore(a, At("assert a ≠ 0", file, line, new Operand("a", a)));

    /// <summary>Asserts a ≠ b. One gate.</summary>
    public void AssertNotEqual(Variable a, Variable b, [CallerFilePath] string file = "", [CallerLineNumber] int line = 0) =>
        InverseCore(a - b, At("assert a ≠ b", file, line, new Operand("a", a), new Operand("b", b)));

    internal void AssertBooleanCore(Variable a, Site site)
    {
        if (IsKnownBoolean(a))
        {
            return;
        }
        if (a.IsConstant)
        {
            Violated(site);
        }
        var (u, alpha, k) = Affine(a, site);
        // (αu + k)(αu + k − 1) = α²·u·u + α(2k − 1)·u + k(k − 1) = 0
        builder.AddGate(new PlonkGate((uint)u, (uint)u, 0, alpha * alpha, alpha * (k.Double() - Fr.One), Fr.Zero, Fr.Zero, k * (k - Fr.One)), site.Index);
        MarkBoolean(a);
    }
}
