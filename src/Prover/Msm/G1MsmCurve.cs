// SPDX-License-Identifier: MIT
using ZkOptions.Field;

namespace ZkOptions.Prover.Msm;

/// <summary>G1 operations for the generic bucket code.</summary>
internal readonly struct G1MsmCurve : IMsmCurve<G1Affine, G1Jacobian>
{
    public static G1Jacobian Infinity => G1Jacobian.Infinity;

    public static bool IsInfinity(in G1Affine p) => p.IsInfinity;

    public static bool IsInfinity(in G1Jacobian p) => p.IsInfinity;

    public static void Neg(in G1Affine p, out G1Affine r) => G1Affine.Neg(in p, out r);

    public static void Add(in G1Jacobian a, in G1Jacobian b, out G1Jacobian r) => G1Jacobian.Add(in a, in b, out r);

    public static void AddMixed(in G1Jacobian a, in G1Affine b, out G1Jacobian r) => G1Jacobian.AddMixed(in a, in b, out r);

    public static void Double(in G1Jacobian a, out G1Jacobian r) => G1Jacobian.Double(in a, out r);
}
