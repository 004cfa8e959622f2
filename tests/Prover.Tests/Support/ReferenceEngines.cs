// SPDX-License-Identifier: MIT
using ZkOptions.Field;
using ZkOptions.Prover.Engines;

namespace ZkOptions.Prover.Tests.Support;

/// <summary>
/// Deliberately simple engines used as oracles: a textbook recursive radix-2 FFT and a Straus MSM from the field
/// library. Slow, obviously right, and independent of the optimised engines.
/// </summary>
public sealed class ReferenceNtt : INttEngine
{
    public string Name => "reference";

    public void Forward(Memory<Fr> values) => Transform(values.Span, Root(values.Length));

    public void Inverse(Memory<Fr> values)
    {
        var span = values.Span;
        Transform(span, Root(span.Length).Inverse());
        Fr nInv = Fr.FromUInt64((ulong)span.Length).Inverse();
        for (int i = 0; i < span.Length; i++)
        {
            span[i] *= nInv;
        }
    }

    public void ForwardCoset(Memory<Fr> values, Fr shift)
    {
        var span = values.Span;
        Fr s = Fr.One;
        for (int i = 0; i < span.Length; i++, s *= shift)
        {
            span[i] *= s;
        }
        Forward(values);
    }

    public void InverseCoset(Memory<Fr> values, Fr shift)
    {
        Inverse(values);
        var span = values.Span;
        Fr inv = shift.Inverse(), s = Fr.One;
        for (int i = 0; i < span.Length; i++, s *= inv)
        {
            span[i] *= s;
        }
    }

    public static Fr Root(int n)
    {
        int log = System.Numerics.BitOperations.Log2((uint)n);
        Fr w = Fr.TwoAdicRootOfUnity;
        for (int i = log; i < Fr.TwoAdicity; i++)
        {
            w = w.Square();
        }
        return w;
    }

    private static void Transform(Span<Fr> a, Fr w)
    {
        int n = a.Length;
        if (n == 1)
        {
            return;
        }
        var even = new Fr[n / 2];
        var odd = new Fr[n / 2];
        for (int i = 0; i < n / 2; i++)
        {
            even[i] = a[2 * i];
            odd[i] = a[2 * i + 1];
        }
        Fr w2 = w.Square();
        Transform(even, w2);
        Transform(odd, w2);
        Fr x = Fr.One;
        for (int i = 0; i < n / 2; i++, x *= w)
        {
            Fr t = x * odd[i];
            a[i] = even[i] + t;
            a[i + n / 2] = even[i] - t;
        }
    }
}

public sealed class ReferenceMsm : IMsmEngine
{
    public string Name => "reference";

    public G1Jacobian MultiScalarMul(ReadOnlyMemory<G1Affine> points, ReadOnlyMemory<Fr> scalars) =>
        G1Jacobian.MultiScalarMul(points.Span[..scalars.Length], scalars.Span);

    public G2Jacobian MultiScalarMul(ReadOnlyMemory<G2Affine> points, ReadOnlyMemory<Fr> scalars)
    {
        var acc = G2Jacobian.Infinity;
        for (int i = 0; i < scalars.Length; i++)
        {
            acc += G2Jacobian.ScalarMul(points.Span[i], scalars.Span[i]);
        }
        return acc;
    }
}
