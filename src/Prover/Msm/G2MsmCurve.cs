// SPDX-License-Identifier: MIT
using ZkOptions.Field;

namespace ZkOptions.Prover.Msm;

/// <summary>G2 operations for the generic bucket code.</summary>
internal readonly struct G2MsmCurve : IMsmCurve<G2Affine, G2Jacobian>
{
    public static G2Jacobian Infinity => G2Jacobian.Infinity;

    public static bool IsInfinity(in G2Affine p) => p.IsInfinity;

    public static bool IsInfinity(in G2Jacobian p) => p.IsInfinity;

    public static void Neg(in G2Affine p, out G2Affine r) => G2Affine.Neg(in p, out r);

    public static void Add(in G2Jacobian a, in G2Jacobian b, out G2Jacobian r) => G2Jacobian.Add(in a, in b, out r);

    public static void AddMixed(in G2Jacobian a, in G2Affine b, out G2Jacobian r) => G2Jacobian.AddMixed(in a, in b, out r);

    public static void Double(in G2Jacobian a, out G2Jacobian r) => G2Jacobian.Double(in a, out r);
}
