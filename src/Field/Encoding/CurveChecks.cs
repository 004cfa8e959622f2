// SPDX-License-Identifier: MIT
namespace ZkOptions.Field;

/// <summary>The point checks shared by all decoders, returning the message to throw (null when fine).</summary>
internal static class CurveChecks
{
    /// <summary>On-curve check for a decoded G1 point (cofactor 1: that is the whole check).</summary>
    public static string? G1(in G1Affine p) =>
        p.IsOnCurve() ? null : "G1 point is not on the curve y² = x³ + 3.";

    /// <summary>On-twist check, then the order-r subgroup check unless the caller opts out.</summary>
    public static string? G2(in G2Affine p, bool checkSubgroup)
    {
        if (!p.IsOnCurve())
        {
            return "G2 point is not on the twist y² = x³ + 3/(9 + u).";
        }
        if (checkSubgroup && !p.IsInSubgroup())
        {
            return "G2 point is not in the order-r subgroup.";
        }
        return null;
    }
}
