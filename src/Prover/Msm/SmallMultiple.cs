// SPDX-License-Identifier: MIT
namespace ZkOptions.Prover.Msm;

/// <summary>[k]p for a small positive integer k (bucket weights, segment lengths), by double-and-add.</summary>
internal static class SmallMultiple<TCurve, TAffine, TJacobian>
    where TCurve : struct, IMsmCurve<TAffine, TJacobian>
    where TAffine : struct
    where TJacobian : struct
{
    /// <summary>r = [k]p for k ≥ 1.</summary>
    public static void Mul(in TJacobian p, int k, out TJacobian r)
    {
        TJacobian acc = p;
        for (int bit = 30 - int.LeadingZeroCount(k); bit >= 0; bit--)
        {
            TCurve.Double(in acc, out acc);
            if (((k >> bit) & 1) != 0)
            {
                TCurve.Add(in acc, in p, out acc);
            }
        }
        r = acc;
    }
}
