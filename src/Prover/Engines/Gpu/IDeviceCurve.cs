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
