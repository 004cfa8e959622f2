// SPDX-License-Identifier: MIT
using ZkOptions.Field;

namespace ZkOptions.Prover.Engines.Gpu;

/// <summary>
/// G1 group law on the device: the same formulas (dbl-2009-l, add-2007-bl, madd-2007-bl) and the same special
/// cases as <see cref="G1Jacobian"/>, over <see cref="DeviceFq"/>.
/// </summary>
internal static class DeviceG1
{
    /// <summary>The point at infinity (1, 1, 0).</summary>
    public static DeviceG1Jacobian Infinity => new(DeviceFq.One, DeviceFq.One, default);

    /// <summary>r = −p.</summary>
    public static void Neg(in DeviceG1Jacobian p, out DeviceG1Jacobian r)
    {
        DeviceFq.Neg(in p.Y, out Limbs256 y);
        r = new DeviceG1Jacobian(p.X, y, p.Z);
    }

    /// <summary>r = 2p (infinity stays infinity since Z3 = 2·Y·Z).</summary>
    public static void Double(in DeviceG1Jacobian p, out DeviceG1Jacobian r)
    {
        DeviceFq.Square(in p.X, out Limbs256 a);
        DeviceFq.Square(in p.Y, out Limbs256 b);
        DeviceFq.Square(in b, out Limbs256 c);
        DeviceFq.Add(in p.X, in b, out Limbs256 d);
        DeviceFq.Square(in d, out d);
        DeviceFq.Sub(in d, in a, out d);
        DeviceFq.Sub(in d, in c, out d);
        DeviceFq.Double(in d, out d);             // D = 2((X+B)² − A − C)
        DeviceFq.Double(in a, out Limbs256 e);
        DeviceFq.Add(in e, in a, out e);          // E = 3A
        DeviceFq.Square(in e, out Limbs256 f);    // F = E²
        DeviceFq.Double(in d, out Limbs256 x3);
        DeviceFq.Sub(in f, in x3, out x3);        // X3 = F − 2D
        DeviceFq.Sub(in d, in x3, out Limbs256 y3);
        DeviceFq.Mul(in e, in y3, out y3);
        DeviceFq.Double(in c, out c);
        DeviceFq.Double(in c, out c);
        DeviceFq.Double(in c, out c);
        DeviceFq.Sub(in y3, in c, out y3);        // Y3 = E(D − X3) − 8C
        DeviceFq.Mul(in p.Y, in p.Z, out Limbs256 z3);
        DeviceFq.Double(in z3, out z3);           // Z3 = 2·Y·Z
        r = new DeviceG1Jacobian(x3, y3, z3);
    }

    /// <summary>r = a + b, complete (infinity on either side, a = b, a = −b).</summary>
    public static void Add(in DeviceG1Jacobian a, in DeviceG1Jacobian b, out DeviceG1Jacobian r)
    {
        if (a.Z.IsZero)
        {
            r = b;
            return;
        }
        if (b.Z.IsZero)
        {
            r = a;
            return;
        }
        DeviceFq.Square(in a.Z, out Limbs256 z1z1);
        DeviceFq.Square(in b.Z, out Limbs256 z2z2);
        DeviceFq.Mul(in a.X, in z2z2, out Limbs256 u1);
        DeviceFq.Mul(in b.X, in z1z1, out Limbs256 u2);
        DeviceFq.Mul(in a.Y, in b.Z, out Limbs256 s1);
        DeviceFq.Mul(in s1, in z2z2, out s1);
        DeviceFq.Mul(in b.Y, in a.Z, out Limbs256 s2);
        DeviceFq.Mul(in s2, in z1z1, out s2);
        DeviceFq.Sub(in u2, in u1, out Limbs256 h);
        DeviceFq.Sub(in s2, in s1, out Limbs256 rr);
        if (h.IsZero)
        {
            if (rr.IsZero)
            {
                Double(in a, out r);
            }
            else
            {
                r = Infinity;
            }
            return;
        }
        DeviceFq.Double(in rr, out rr);           // r = 2(S2 − S1)
        DeviceFq.Double(in h, out Limbs256 i);
        DeviceFq.Square(in i, out i);             // I = (2H)²
        DeviceFq.Mul(in h, in i, out Limbs256 j); // J = H·I
        DeviceFq.Mul(in u1, in i, out Limbs256 v); // V = U1·I
        DeviceFq.Square(in rr, out Limbs256 x3);
        DeviceFq.Sub(in x3, in j, out x3);
        DeviceFq.Sub(in x3, in v, out x3);
        DeviceFq.Sub(in x3, in v, out x3);        // X3 = r² − J − 2V
        DeviceFq.Sub(in v, in x3, out Limbs256 y3);
        DeviceFq.Mul(in rr, in y3, out y3);
        DeviceFq.Mul(in s1, in j, out Limbs256 s1j);
        DeviceFq.Double(in s1j, out s1j);
        DeviceFq.Sub(in y3, in s1j, out y3);      // Y3 = r(V − X3) − 2·S1·J
        DeviceFq.Add(in a.Z, in b.Z, out Limbs256 z3);
        DeviceFq.Square(in z3, out z3);
        DeviceFq.Sub(in z3, in z1z1, out z3);
        DeviceFq.Sub(in z3, in z2z2, out z3);
        DeviceFq.Mul(in z3, in h, out z3);        // Z3 = ((Z1 + Z2)² − Z1Z1 − Z2Z2)·H
        r = new DeviceG1Jacobian(x3, y3, z3);
    }

    /// <summary>r = a + b for a finite affine b, complete in a (infinity, a = b, a = −b).</summary>
    public static void AddMixed(in DeviceG1Jacobian a, in DeviceG1Affine b, out DeviceG1Jacobian r)
    {
        if (a.Z.IsZero)
        {
            r = new DeviceG1Jacobian(b.X, b.Y, DeviceFq.One);
            return;
        }
        DeviceFq.Square(in a.Z, out Limbs256 z1z1);
        DeviceFq.Mul(in b.X, in z1z1, out Limbs256 u2);
        DeviceFq.Mul(in b.Y, in a.Z, out Limbs256 s2);
        DeviceFq.Mul(in s2, in z1z1, out s2);
        DeviceFq.Sub(in u2, in a.X, out Limbs256 h);
        DeviceFq.Sub(in s2, in a.Y, out Limbs256 rr);
        if (h.IsZero)
        {
            if (rr.IsZero)
            {
                Double(in a, out r);
            }
            else
            {
                r = Infinity;
            }
            return;
        }
        DeviceFq.Square(in h, out Limbs256 hh);
        DeviceFq.Double(in hh, out Limbs256 i);
        DeviceFq.Double(in i, out i);             // I = 4·HH
        DeviceFq.Mul(in h, in i, out Limbs256 j); // J = H·I
        DeviceFq.Double(in rr, out rr);           // r = 2(S2 − Y1)
        DeviceFq.Mul(in a.X, in i, out Limbs256 v); // V = X1·I
        DeviceFq.Square(in rr, out Limbs256 x3);
        DeviceFq.Sub(in x3, in j, out x3);
        DeviceFq.Sub(in x3, in v, out x3);
        DeviceFq.Sub(in x3, in v, out x3);        // X3 = r² − J − 2V
        DeviceFq.Sub(in v, in x3, out Limbs256 y3);
        DeviceFq.Mul(in rr, in y3, out y3);
        DeviceFq.Mul(in a.Y, in j, out Limbs256 yj);
        DeviceFq.Double(in yj, out yj);
        DeviceFq.Sub(in y3, in yj, out y3);       // Y3 = r(V − X3) − 2·Y1·J
        DeviceFq.Add(in a.Z, in h, out Limbs256 z3);
        DeviceFq.Square(in z3, out z3);
        DeviceFq.Sub(in z3, in z1z1, out z3);
        DeviceFq.Sub(in z3, in hh, out z3);       // Z3 = (Z1 + H)² − Z1Z1 − HH
        r = new DeviceG1Jacobian(x3, y3, z3);
    }
}
