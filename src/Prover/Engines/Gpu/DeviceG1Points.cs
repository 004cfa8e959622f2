// SPDX-License-Identifier: MIT
using System.Runtime.InteropServices;
using ZkOptions.Field;

namespace ZkOptions.Prover.Engines.Gpu;

/// <summary>
/// A finite G1 point in affine form on the device. There is no infinity flag: the MSM engine gives infinity
/// inputs a zero scalar, so they never reach a bucket.
/// </summary>
[StructLayout(LayoutKind.Sequential)]
internal struct DeviceG1Affine
{
    public Limbs256 X;
    public Limbs256 Y;

    public DeviceG1Affine(in Limbs256 x, in Limbs256 y)
    {
        X = x;
        Y = y;
    }

    /// <summary>The device form of a finite point (callers handle infinity).</summary>
    public static DeviceG1Affine FromHost(in G1Affine p) => new(Limbs256.FromFq(p.X), Limbs256.FromFq(p.Y));
}

/// <summary>A G1 point in Jacobian coordinates on the device; Z = 0 is infinity, as in <see cref="G1Jacobian"/>.</summary>
[StructLayout(LayoutKind.Sequential)]
internal struct DeviceG1Jacobian
{
    public Limbs256 X;
    public Limbs256 Y;
    public Limbs256 Z;

    public DeviceG1Jacobian(in Limbs256 x, in Limbs256 y, in Limbs256 z)
    {
        X = x;
        Y = y;
        Z = z;
    }

    public readonly G1Jacobian ToHost() => new(X.ToFq(), Y.ToFq(), Z.ToFq());

    public static DeviceG1Jacobian FromHost(in G1Jacobian p) =>
        new(Limbs256.FromFq(p.X), Limbs256.FromFq(p.Y), Limbs256.FromFq(p.Z));
}
