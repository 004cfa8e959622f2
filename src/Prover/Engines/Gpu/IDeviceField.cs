// SPDX-License-Identifier: MIT
namespace ZkOptions.Prover.Engines.Gpu;

/// <summary>
/// The arithmetic of one coordinate field on the device, as a struct type argument, so that one set of curve
/// formulas (<see cref="JacobianCurve{TField, T}"/>) serves G1 over Fq and G2 over Fq2.
/// </summary>
/// <typeparam name="T">The element representation.</typeparam>
internal interface IDeviceField<T>
    where T : unmanaged
{
    T One();

    bool IsZero(in T a);

    void Add(in T a, in T b, out T r);

    void Sub(in T a, in T b, out T r);

    void Double(in T a, out T r);

    void Neg(in T a, out T r);

    void Mul(in T a, in T b, out T r);

    void Square(in T a, out T r);
}

/// <summary>Fq (G1 coordinates) as a device field.</summary>
internal readonly struct FqDeviceField : IDeviceField<Limbs256>
{
    public Limbs256 One() => DeviceFq.One;

    public bool IsZero(in Limbs256 a) => a.IsZero;

    public void Add(in Limbs256 a, in Limbs256 b, out Limbs256 r) => DeviceFq.Add(in a, in b, out r);

    public void Sub(in Limbs256 a, in Limbs256 b, out Limbs256 r) => DeviceFq.Sub(in a, in b, out r);

    public void Double(in Limbs256 a, out Limbs256 r) => DeviceFq.Double(in a, out r);

    public void Neg(in Limbs256 a, out Limbs256 r) => DeviceFq.Neg(in a, out r);

    public void Mul(in Limbs256 a, in Limbs256 b, out Limbs256 r) => DeviceFq.Mul(in a, in b, out r);

    public void Square(in Limbs256 a, out Limbs256 r) => DeviceFq.Square(in a, out r);
}

/// <summary>Fq2 (G2 coordinates) as a device field.</summary>
internal readonly struct Fq2DeviceField : IDeviceField<Fq2Limbs>
{
    public Fq2Limbs One() => DeviceFq2.One;

    public bool IsZero(in Fq2Limbs a) => a.IsZero;

    public void Add(in Fq2Limbs a, in Fq2Limbs b, out Fq2Limbs r) => DeviceFq2.Add(in a, in b, out r);

    public void Sub(in Fq2Limbs a, in Fq2Limbs b, out Fq2Limbs r) => DeviceFq2.Sub(in a, in b, out r);

    public void Double(in Fq2Limbs a, out Fq2Limbs r) => DeviceFq2.Double(in a, out r);

    public void Neg(in Fq2Limbs a, out Fq2Limbs r) => DeviceFq2.Neg(in a, out r);

    public void Mul(in Fq2Limbs a, in Fq2Limbs b, out Fq2Limbs r) => DeviceFq2.Mul(in a, in b, out r);

    public void Square(in Fq2Limbs a, out Fq2Limbs r) => DeviceFq2.Square(in a, out r);
}
