// SPDX-License-Identifier: MIT
using System.Runtime.InteropServices;
using ZkOptions.Field;

namespace ZkOptions.Prover.Engines.Gpu;

/// <summary>
/// A finite curve point in affine form on the device. There is no infinity flag: the MSM engine gives infinity
/// inputs a zero scalar, so they never reach a bucket.
/// </summary>
[StructLayout(LayoutKind.Sequential)]
internal struct DeviceAffine<T>
    where T : unmanaged
{
    public T X;
    public T Y;

    public DeviceAffine(in T x, in T y)
    {
        X = x;
        Y = y;
    }
}

/// <summary>A curve point in Jacobian coordinates on the device; Z = 0 is infinity, as on the host.</summary>
[StructLayout(LayoutKind.Sequential)]
internal struct DeviceJacobian<T>
    where T : unmanaged
{
    public T X;
    public T Y;
    public T Z;

    public DeviceJacobian(in T x, in T y, in T z)
    {
        X = x;
        Y = y;
        Z = z;
    }
}

/// <summary>Host ↔ device forms of G1 and G2 points (limbs copied as they are: no value changes).</summary>
internal static class DevicePointConversions
{
    /// <summary>A finite G1 point (callers handle infinity).</summary>
    public static DeviceAffine<Limbs256> ToDevice(in G1Affine p) => new(Limbs256.FromFq(p.X), Limbs256.FromFq(p.Y));

    /// <summary>A finite G2 point (callers handle infinity).</summary>
    public static DeviceAffine<Fq2Limbs> ToDevice(in G2Affine p) => new(Fq2Limbs.FromFq2(p.X), Fq2Limbs.FromFq2(p.Y));

    public static G1Jacobian ToG1(in DeviceJacobian<Limbs256> p) => new(p.X.ToFq(), p.Y.ToFq(), p.Z.ToFq());

    public static G2Jacobian ToG2(in DeviceJacobian<Fq2Limbs> p) => new(p.X.ToFq2(), p.Y.ToFq2(), p.Z.ToFq2());
}
