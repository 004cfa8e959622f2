// SPDX-License-Identifier: MIT
using System.Buffers.Binary;
using ZkOptions.Field;

namespace ZkOptions.Prover.Tests.Support;

/// <summary>
/// The bytes of a snarkjs .ptau (sections 1–3: header, 2^(power+1) − 1 τ^i·G1, 2^power τ^i·G2) made from a known τ,
/// so tests can break one point at a time and know exactly what a correct file holds. INSECURE by construction.
/// </summary>
internal static class KnownTauPtau
{
    public static byte[] Bytes(int power, Fr tau) => Bytes(power, Powers<G1Affine>((2 << power) - 1, tau, G1Power), Powers<G2Affine>(1 << power, tau, G2Power));

    /// <summary>A file holding exactly these points, with a header claiming <paramref name="power"/> (callers keep the counts right, or not on purpose).</summary>
    public static byte[] Bytes(int power, G1Affine[] g1, G2Affine[] g2)
    {
        using var stream = new MemoryStream();
        var word = new byte[8];
        void U32(uint v) { BinaryPrimitives.WriteUInt32LittleEndian(word, v); stream.Write(word, 0, 4); }
        void SectionHeader(int type, long size)
        {
            U32((uint)type);
            BinaryPrimitives.WriteInt64LittleEndian(word, size);
            stream.Write(word);
        }
        stream.Write("ptau"u8);
        U32(1); // version
        U32(3); // sections
        SectionHeader(1, 4 + 32 + 4 + 4);
        U32(32);
        var q = new byte[32];
        Fq.Modulus.TryWriteBytes(q, out _, isUnsigned: true);
        stream.Write(q);
        U32((uint)power);
        U32((uint)power);
        var point = new byte[128];
        SectionHeader(2, g1.Length * 64L);
        foreach (var p in g1)
        {
            SnarkjsBinary.WriteG1(p, point);
            stream.Write(point, 0, 64);
        }
        SectionHeader(3, g2.Length * 128L);
        foreach (var p in g2)
        {
            SnarkjsBinary.WriteG2(p, point);
            stream.Write(point);
        }
        return stream.ToArray();
    }

    /// <summary>τ^0·G1 … τ^(count−1)·G1.</summary>
    public static G1Affine[] G1Powers(int count, Fr tau) => Powers<G1Affine>(count, tau, G1Power);

    /// <summary>τ^0·G2 … τ^(count−1)·G2.</summary>
    public static G2Affine[] G2Powers(int count, Fr tau) => Powers<G2Affine>(count, tau, G2Power);

    private static G1Affine G1Power(Fr s) => G1Jacobian.ScalarMul(G1Affine.Generator, s).ToAffine();

    private static G2Affine G2Power(Fr s) => G2Jacobian.ScalarMul(G2Affine.Generator, s).ToAffine();

    private static T[] Powers<T>(int count, Fr tau, Func<Fr, T> times)
    {
        var points = new T[count];
        Fr power = Fr.One;
        for (int i = 0; i < count; i++, power *= tau)
        {
            points[i] = times(power);
        }
        return points;
    }
}
