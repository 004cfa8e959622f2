// SPDX-License-Identifier: MIT
using System.Numerics;
using System.Runtime.CompilerServices;
using ZkOptions.Field;
using ZkOptions.Field.BabyJubjub;
using ZkOptions.Field.Hashing;

namespace ZkOptions.Bench;

/// <summary>
/// The EdDSA-Poseidon verification and signing as they were before the limb-based BabyJubjub (commit 1c2df35):
/// BigInteger scalars, 4-bit fixed windows for every multiplication, an inversion after each one, and the Poseidon
/// permutation with its products inlined. Kept only so that <see cref="EddsaBenchmarks"/> measures before and after
/// in the same run; nothing else uses it.
/// </summary>
internal static class EddsaBaseline
{
    private static readonly Fr A = BabyJubjub.A;
    private static readonly Fr D = BabyJubjub.D;

    public static bool Verify(in BabyJubjubPoint publicKey, Fr message, in EddsaSignature signature)
    {
        BabyJubjubPoint r8 = signature.R8;
        BigInteger s = signature.S;
        if (!r8.IsOnCurve || !publicKey.IsOnCurve)
        {
            return false;
        }
        if (s.Sign < 0 || s >= BabyJubjub.SubgroupOrder)
        {
            return false;
        }
        Fr hm = Challenge(in r8, in publicKey, message);
        BabyJubjubPoint left = Multiply(BabyJubjub.Base8, s);
        BabyJubjubPoint right = Add(in r8, Multiply(in publicKey, hm.ToBigInteger() * 8));
        return left == right;
    }

    /// <summary>The old signing: BigInteger nonce reduction and S, and the 4-bit-window multiplication for R8.</summary>
    public static EddsaSignature Sign(BigInteger s, ReadOnlySpan<byte> noncePrefix, in BabyJubjubPoint publicKey, Fr message)
    {
        Span<byte> nonceInput = stackalloc byte[64];
        noncePrefix.CopyTo(nonceInput);
        message.WriteBytes(nonceInput[32..], ByteOrder.LittleEndian);
        byte[] rBytes = Blake512.Hash(nonceInput);
        BigInteger l = BabyJubjub.SubgroupOrder;
        BigInteger r = BigInteger.Remainder(new BigInteger(rBytes, isUnsigned: true, isBigEndian: false), l);
        BabyJubjubPoint r8 = Multiply(BabyJubjub.Base8, r);
        Fr hm = Challenge(in r8, in publicKey, message);
        BigInteger sig = BigInteger.Remainder(r + hm.ToBigInteger() * s, l);
        return new EddsaSignature(r8, sig);
    }

    /// <summary>Poseidon(R8.x, R8.y, A.x, A.y, message) with the permutation of 1c2df35.</summary>
    public static Fr Challenge(in BabyJubjubPoint r8, in BabyJubjubPoint publicKey, Fr message)
    {
        PoseidonParameters p = PoseidonParameters.ForInputs(5);
        Span<Fr> state = stackalloc Fr[p.Width];
        state[0] = Fr.Zero;
        state[1] = r8.X;
        state[2] = r8.Y;
        state[3] = publicKey.X;
        state[4] = publicKey.Y;
        state[5] = message;
        Permute(state, p);
        return state[0];
    }

    private static void Permute(Span<Fr> state, PoseidonParameters p)
    {
        PoseidonOptimizedConstants opt = p.Optimized;
        int t = p.Width;
        int half = p.FullRounds / 2;
        int partialRounds = p.PartialRounds;
        ReadOnlySpan<Fr> c = opt.Constants;
        ReadOnlySpan<Fr> mds = p.MdsRowMajor;
        ReadOnlySpan<Fr> sparse = opt.Sparse;
        Span<Fr> scratch = stackalloc Fr[t];

        AddConstants(state, c[..t]);
        int next = t;
        for (int r = 0; r < half - 1; r++)
        {
            SboxAll(state);
            AddConstants(state, c.Slice(next, t));
            next += t;
            Mix(state, mds, scratch);
        }
        SboxAll(state);
        AddConstants(state, c.Slice(next, t));
        next += t;
        Mix(state, opt.PRowMajor, scratch);

        int width = 2 * t - 1;
        for (int r = 0; r < partialRounds; r++)
        {
            Pow5(ref state[0]);
            Fr.Add(in state[0], in c[next + r], out state[0]);
            ReadOnlySpan<Fr> s = sparse.Slice(r * width, width);
            Fr.Mul(in s[0], in state[0], out Fr s0);
            for (int j = 1; j < t; j++)
            {
                Fr.Mul(in s[j], in state[j], out Fr term);
                Fr.Add(in s0, in term, out s0);
            }
            for (int k = 1; k < t; k++)
            {
                Fr.Mul(in state[0], in s[t + k - 1], out Fr term);
                Fr.Add(in state[k], in term, out state[k]);
            }
            state[0] = s0;
        }
        next += partialRounds;

        for (int r = 0; r < half - 1; r++)
        {
            SboxAll(state);
            AddConstants(state, c.Slice(next, t));
            next += t;
            Mix(state, mds, scratch);
        }
        SboxAll(state);
        Mix(state, mds, scratch);
    }

    private static void AddConstants(Span<Fr> state, ReadOnlySpan<Fr> rc)
    {
        for (int i = 0; i < state.Length; i++)
        {
            Fr.Add(in state[i], in rc[i], out state[i]);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void SboxAll(Span<Fr> state)
    {
        for (int i = 0; i < state.Length; i++)
        {
            Pow5(ref state[i]);
        }
    }

    /// <summary>state ← A·state for A row-major t×t: new[i] = Σ_j A[i·t + j]·state[j].</summary>
    private static void Mix(Span<Fr> state, ReadOnlySpan<Fr> matrix, Span<Fr> scratch)
    {
        int t = state.Length;
        for (int i = 0; i < t; i++)
        {
            ReadOnlySpan<Fr> row = matrix.Slice(i * t, t);
            Fr.Mul(in row[0], in state[0], out Fr acc);
            for (int j = 1; j < t; j++)
            {
                Fr.Mul(in row[j], in state[j], out Fr term);
                Fr.Add(in acc, in term, out acc);
            }
            scratch[i] = acc;
        }
        scratch.CopyTo(state);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Pow5(ref Fr x)
    {
        Fr.Square(in x, out Fr x2);
        Fr.Square(in x2, out Fr x4);
        Fr.Mul(in x4, in x, out x);
    }

    private static BabyJubjubPoint Add(in BabyJubjubPoint p, in BabyJubjubPoint q)
    {
        Add(Extended.FromAffine(in p), Extended.FromAffine(in q), out Extended sum);
        return sum.ToAffine();
    }

    private static BabyJubjubPoint Multiply(in BabyJubjubPoint p, BigInteger scalar)
    {
        if (scalar.IsZero)
        {
            return BabyJubjubPoint.Identity;
        }
        Span<Extended> table = stackalloc Extended[16];
        table[0] = Extended.Identity;
        table[1] = Extended.FromAffine(in p);
        for (int i = 2; i < 16; i++)
        {
            Add(in table[i - 1], in table[1], out table[i]);
        }
        byte[] bytes = scalar.ToByteArray(isUnsigned: true, isBigEndian: true);
        Extended acc = Extended.Identity;
        bool started = false;
        foreach (byte b in bytes)
        {
            for (int shift = 4; shift >= 0; shift -= 4)
            {
                if (started)
                {
                    for (int k = 0; k < 4; k++)
                    {
                        Double(in acc, out acc);
                    }
                }
                int nibble = (b >> shift) & 0xF;
                if (nibble != 0)
                {
                    Add(in acc, in table[nibble], out acc);
                    started = true;
                }
            }
        }
        return acc.ToAffine();
    }

    private readonly struct Extended(Fr x, Fr y, Fr t, Fr z)
    {
        public readonly Fr X = x, Y = y, T = t, Z = z;

        public static Extended Identity => new(Fr.Zero, Fr.One, Fr.Zero, Fr.One);

        public static Extended FromAffine(in BabyJubjubPoint p) => new(p.X, p.Y, p.X * p.Y, Fr.One);

        public BabyJubjubPoint ToAffine()
        {
            Fr zInv = Z.Inverse();
            return new BabyJubjubPoint(X * zInv, Y * zInv);
        }
    }

    private static void Add(in Extended p, in Extended q, out Extended r)
    {
        Fr.Mul(in p.X, in q.X, out Fr aa);
        Fr.Mul(in p.Y, in q.Y, out Fr bb);
        Fr.Mul(in p.T, in q.T, out Fr cc);
        Fr.Mul(in cc, in D, out cc);
        Fr.Mul(in p.Z, in q.Z, out Fr dd);
        Fr.Add(in p.X, in p.Y, out Fr s1);
        Fr.Add(in q.X, in q.Y, out Fr s2);
        Fr.Mul(in s1, in s2, out Fr e);
        Fr.Sub(in e, in aa, out e);
        Fr.Sub(in e, in bb, out e);
        Fr.Sub(in dd, in cc, out Fr f);
        Fr.Add(in dd, in cc, out Fr g);
        Fr.Mul(in A, in aa, out Fr aA);
        Fr.Sub(in bb, in aA, out Fr h);
        Fr.Mul(in e, in f, out Fr x3);
        Fr.Mul(in g, in h, out Fr y3);
        Fr.Mul(in e, in h, out Fr t3);
        Fr.Mul(in f, in g, out Fr z3);
        r = new Extended(x3, y3, t3, z3);
    }

    private static void Double(in Extended p, out Extended r)
    {
        Fr.Square(in p.X, out Fr aa);
        Fr.Square(in p.Y, out Fr bb);
        Fr.Square(in p.Z, out Fr cc);
        Fr.Double(in cc, out cc);
        Fr.Mul(in A, in aa, out Fr dd);
        Fr.Add(in p.X, in p.Y, out Fr e);
        Fr.Square(in e, out e);
        Fr.Sub(in e, in aa, out e);
        Fr.Sub(in e, in bb, out e);
        Fr.Add(in dd, in bb, out Fr g);
        Fr.Sub(in g, in cc, out Fr f);
        Fr.Sub(in dd, in bb, out Fr h);
        Fr.Mul(in e, in f, out Fr x3);
        Fr.Mul(in g, in h, out Fr y3);
        Fr.Mul(in e, in h, out Fr t3);
        Fr.Mul(in f, in g, out Fr z3);
        r = new Extended(x3, y3, t3, z3);
    }
}
