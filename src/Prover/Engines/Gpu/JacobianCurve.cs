// SPDX-License-Identifier: MIT
using ZkOptions.Field;

namespace ZkOptions.Prover.Engines.Gpu;

/// <summary>
/// The group law of a short Weierstrass curve y² = x³ + b (a = 0) in Jacobian coordinates on the device, over any
/// <see cref="IDeviceField{T}"/>: G1 over Fq, G2 over Fq2. The formulas (dbl-2009-l, add-2007-bl, madd-2007-bl) and
/// their special cases are those of <see cref="G1Jacobian"/> and <see cref="G2Jacobian"/>; b is never needed.
/// </summary>
internal readonly struct JacobianCurve<TField, T> : IDeviceCurve<DeviceAffine<T>, DeviceJacobian<T>>
    where TField : struct, IDeviceField<T>
    where T : unmanaged
{
    /// <summary>The point at infinity (1, 1, 0).</summary>
    public DeviceJacobian<T> Infinity()
    {
        TField f = default;
        return new DeviceJacobian<T>(f.One(), f.One(), default);
    }

    /// <summary>r = 2p (infinity stays infinity since Z3 = 2·Y·Z).</summary>
    public void Double(in DeviceJacobian<T> p, out DeviceJacobian<T> r)
    {
        TField f = default;
        f.Square(in p.X, out T a);
        f.Square(in p.Y, out T b);
        f.Square(in b, out T c);
        f.Add(in p.X, in b, out T d);
        f.Square(in d, out d);
        f.Sub(in d, in a, out d);
        f.Sub(in d, in c, out d);
        f.Double(in d, out d);             // D = 2((X+B)² − A − C)
        f.Double(in a, out T e);
        f.Add(in e, in a, out e);          // E = 3A
        f.Square(in e, out T sq);          // F = E²
        f.Double(in d, out T x3);
        f.Sub(in sq, in x3, out x3);       // X3 = F − 2D
        f.Sub(in d, in x3, out T y3);
        f.Mul(in e, in y3, out y3);
        f.Double(in c, out c);
        f.Double(in c, out c);
        f.Double(in c, out c);
        f.Sub(in y3, in c, out y3);        // Y3 = E(D − X3) − 8C
        f.Mul(in p.Y, in p.Z, out T z3);
        f.Double(in z3, out z3);           // Z3 = 2·Y·Z
        r = new DeviceJacobian<T>(x3, y3, z3);
    }

    /// <summary>r = a + b, complete (infinity on either side, a = b, a = −b).</summary>
    public void Add(in DeviceJacobian<T> a, in DeviceJacobian<T> b, out DeviceJacobian<T> r)
    {
        TField f = default;
        if (f.IsZero(in a.Z))
        {
            r = b;
            return;
        }
        if (f.IsZero(in b.Z))
        {
            r = a;
            return;
        }
        f.Square(in a.Z, out T z1z1);
        f.Square(in b.Z, out T z2z2);
        f.Mul(in a.X, in z2z2, out T u1);
        f.Mul(in b.X, in z1z1, out T u2);
        f.Mul(in a.Y, in b.Z, out T s1);
        f.Mul(in s1, in z2z2, out s1);
        f.Mul(in b.Y, in a.Z, out T s2);
        f.Mul(in s2, in z1z1, out s2);
        f.Sub(in u2, in u1, out T h);
        f.Sub(in s2, in s1, out T rr);
        if (f.IsZero(in h))
        {
            if (f.IsZero(in rr))
            {
                Double(in a, out r);
            }
            else
            {
                r = Infinity();
            }
            return;
        }
        f.Double(in rr, out rr);           // r = 2(S2 − S1)
        f.Double(in h, out T i);
        f.Square(in i, out i);             // I = (2H)²
        f.Mul(in h, in i, out T j);        // J = H·I
        f.Mul(in u1, in i, out T v);       // V = U1·I
        f.Square(in rr, out T x3);
        f.Sub(in x3, in j, out x3);
        f.Sub(in x3, in v, out x3);
        f.Sub(in x3, in v, out x3);        // X3 = r² − J − 2V
        f.Sub(in v, in x3, out T y3);
        f.Mul(in rr, in y3, out y3);
        f.Mul(in s1, in j, out T s1j);
        f.Double(in s1j, out s1j);
        f.Sub(in y3, in s1j, out y3);      // Y3 = r(V − X3) − 2·S1·J
        f.Add(in a.Z, in b.Z, out T z3);
        f.Square(in z3, out z3);
        f.Sub(in z3, in z1z1, out z3);
        f.Sub(in z3, in z2z2, out z3);
        f.Mul(in z3, in h, out z3);        // Z3 = ((Z1 + Z2)² − Z1Z1 − Z2Z2)·H
        r = new DeviceJacobian<T>(x3, y3, z3);
    }

    /// <summary>r = a + b for a finite affine b, complete in a (infinity, a = b, a = −b).</summary>
    public void AddMixed(in DeviceJacobian<T> a, in DeviceAffine<T> b, out DeviceJacobian<T> r)
    {
        TField f = default;
        if (f.IsZero(in a.Z))
        {
            r = new DeviceJacobian<T>(b.X, b.Y, f.One());
            return;
        }
        f.Square(in a.Z, out T z1z1);
        f.Mul(in b.X, in z1z1, out T u2);
        f.Mul(in b.Y, in a.Z, out T s2);
        f.Mul(in s2, in z1z1, out s2);
        f.Sub(in u2, in a.X, out T h);
        f.Sub(in s2, in a.Y, out T rr);
        if (f.IsZero(in h))
        {
            if (f.IsZero(in rr))
            {
                Double(in a, out r);
            }
            else
            {
                r = Infinity();
            }
            return;
        }
        f.Square(in h, out T hh);
        f.Double(in hh, out T i);
        f.Double(in i, out i);             // I = 4·HH
        f.Mul(in h, in i, out T j);        // J = H·I
        f.Double(in rr, out rr);           // r = 2(S2 − Y1)
        f.Mul(in a.X, in i, out T v);      // V = X1·I
        f.Square(in rr, out T x3);
        f.Sub(in x3, in j, out x3);
        f.Sub(in x3, in v, out x3);
        f.Sub(in x3, in v, out x3);        // X3 = r² − J − 2V
        f.Sub(in v, in x3, out T y3);
        f.Mul(in rr, in y3, out y3);
        f.Mul(in a.Y, in j, out T yj);
        f.Double(in yj, out yj);
        f.Sub(in y3, in yj, out y3);       // Y3 = r(V − X3) − 2·Y1·J
        f.Add(in a.Z, in h, out T z3);
        f.Square(in z3, out z3);
        f.Sub(in z3, in z1z1, out z3);
        f.Sub(in z3, in hh, out z3);       // Z3 = (Z1 + H)² − Z1Z1 − HH
        r = new DeviceJacobian<T>(x3, y3, z3);
    }
}
