// SPDX-License-Identifier: MIT
namespace ZkOptions.Prover.Engines.Gpu;

/// <summary>
/// The group law of one curve on the device, as a struct type argument: ILGPU specialises the generic MSM kernels
/// per curve and calls these through <c>default(TCurve)</c>, so G1 and G2 share one bucket pipeline.
/// </summary>
/// <typeparam name="TAffine">Finite affine points (inputs).</typeparam>
/// <typeparam name="TJacobian">Jacobian points (buckets and sums).</typeparam>
internal interface IDeviceCurve<TAffine, TJacobian>
    where TAffine : unmanaged
    where TJacobian : unmanaged
{
    /// <summary>The point at infinity.</summary>
    TJacobian Infinity();

    /// <summary>r = a + b (complete).</summary>
    void Add(in TJacobian a, in TJacobian b, out TJacobian r);

    /// <summary>r = a + b for a finite affine b (complete in a).</summary>
    void AddMixed(in TJacobian a, in TAffine b, out TJacobian r);

    /// <summary>r = 2p.</summary>
    void Double(in TJacobian p, out TJacobian r);
}

/// <summary>G1 as a device curve.</summary>
internal readonly struct G1DeviceCurve : IDeviceCurve<DeviceG1Affine, DeviceG1Jacobian>
{
    public DeviceG1Jacobian Infinity() => DeviceG1.Infinity;

    public void Add(in DeviceG1Jacobian a, in DeviceG1Jacobian b, out DeviceG1Jacobian r) => DeviceG1.Add(in a, in b, out r);

    public void AddMixed(in DeviceG1Jacobian a, in DeviceG1Affine b, out DeviceG1Jacobian r) => DeviceG1.AddMixed(in a, in b, out r);

    public void Double(in DeviceG1Jacobian p, out DeviceG1Jacobian r) => DeviceG1.Double(in p, out r);
}
