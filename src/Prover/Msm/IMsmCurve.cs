// SPDX-License-Identifier: MIT
namespace ZkOptions.Prover.Msm;

/// <summary>
/// The group operations the bucket method needs, as static members so that one generic implementation serves
/// G1 and G2 and the JIT specialises it per curve (struct type arguments: no virtual calls).
/// </summary>
internal interface IMsmCurve<TAffine, TJacobian>
    where TAffine : struct
    where TJacobian : struct
{
    /// <summary>The group identity in Jacobian form.</summary>
    static abstract TJacobian Infinity { get; }

    /// <summary>True for the affine point at infinity.</summary>
    static abstract bool IsInfinity(in TAffine p);

    /// <summary>True for the Jacobian point at infinity.</summary>
    static abstract bool IsInfinity(in TJacobian p);

    /// <summary>r = −p.</summary>
    static abstract void Neg(in TAffine p, out TAffine r);

    /// <summary>r = a + b, complete (infinity, a = b and a = −b handled).</summary>
    static abstract void Add(in TJacobian a, in TJacobian b, out TJacobian r);

    /// <summary>r = a + b for an affine b, complete.</summary>
    static abstract void AddMixed(in TJacobian a, in TAffine b, out TJacobian r);

    /// <summary>r = 2a.</summary>
    static abstract void Double(in TJacobian a, out TJacobian r);
}
