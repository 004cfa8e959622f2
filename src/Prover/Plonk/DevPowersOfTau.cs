// SPDX-License-Identifier: MIT
using System.Buffers.Binary;
using System.Security.Cryptography;
using ZkOptions.Field;

namespace ZkOptions.Prover.Plonk;

/// <summary>
/// An INSECURE structured reference string τ^i·G1, τ·G2 from a τ derived from a seed, for development, tests and
/// benchmarks of circuits too large for a ceremony file at hand. Anyone who knows the seed knows τ and can forge
/// proofs for every key made from it: never use it for a deployment (use a ceremony .ptau, e.g. Hermez's).
/// </summary>
public sealed class DevPowersOfTau
{
    // Fixed-base table: window j holds d·2^(8j)·G1 for d = 1..255, so a scalar multiple is 32 mixed additions.
    private const int WindowBits = 8;
    private const int Windows = 32;
    private const int Digits = (1 << WindowBits) - 1;

    private DevPowersOfTau(Fr tau, G1Affine[] tauG1, G2Affine tauG2)
    {
        Tau = tau;
        TauG1 = tauG1;
        TauG2 = tauG2;
    }

    /// <summary>τ itself (this is what makes the SRS insecure: it is known).</summary>
    public Fr Tau { get; }

    /// <summary>τ^0·G1 … τ^(count−1)·G1, the monomial commitment key.</summary>
    public G1Affine[] TauG1 { get; }

    /// <summary>τ·G2, the verifier's half.</summary>
    public G2Affine TauG2 { get; }

    /// <summary>τ for <paramref name="seed"/>: SHA-256 of a domain tag and the seed, reduced mod r (never zero in practice; checked).</summary>
    public static Fr TauFor(ulong seed)
    {
        Span<byte> message = stackalloc byte[32 + 8];
        "zkoptions insecure dev srs v1\0\0\0"u8.CopyTo(message);
        BinaryPrimitives.WriteUInt64LittleEndian(message[32..], seed);
        Fr tau = Fr.FromBytesReduced(SHA256.HashData(message), ByteOrder.BigEndian);
        return tau.IsZero ? throw new InvalidOperationException($"seed {seed} gives τ = 0; use another") : tau;
    }

    /// <summary>The first <paramref name="g1Count"/> powers τ^i·G1 (a domain of 2^k needs 2^k + 6) and τ·G2, on all cores.</summary>
    public static DevPowersOfTau Create(int g1Count, ulong seed)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(g1Count, 2);
        Fr tau = TauFor(seed);
        G1Affine[] table = FixedBaseTable();
        var points = new G1Affine[g1Count];
        const int chunk = 1 << 12;
        int chunks = (g1Count + chunk - 1) / chunk;
        Parallel.For(0, chunks, ParallelLimit.Options, k =>
        {
            int start = k * chunk, end = Math.Min(g1Count, start + chunk);
            Fr.Pow(in tau, (ulong)start, out Fr power);
            var jacobian = new G1Jacobian[end - start];
            for (int i = start; i < end; i++)
            {
                jacobian[i - start] = Multiply(table, power);
                power *= tau;
            }
            G1Jacobian.BatchToAffine(jacobian, points.AsSpan(start, end - start));
        });
        return new DevPowersOfTau(tau, points, G2Jacobian.ScalarMul(G2Affine.Generator, tau).ToAffine());
    }

    private static G1Affine[] FixedBaseTable()
    {
        var jacobian = new G1Jacobian[Windows * Digits];
        G1Jacobian windowBase = G1Jacobian.Generator;
        for (int j = 0; j < Windows; j++)
        {
            G1Jacobian multiple = windowBase;
            for (int d = 0; d < Digits; d++)
            {
                jacobian[j * Digits + d] = multiple;
                multiple += windowBase;
            }
            windowBase = multiple; // 256·(previous window base) = 2^(8(j+1))·G1
        }
        var affine = new G1Affine[jacobian.Length];
        G1Jacobian.BatchToAffine(jacobian, affine);
        return affine;
    }

    private static G1Jacobian Multiply(G1Affine[] table, in Fr scalar)
    {
        scalar.ToCanonicalLimbs(out ulong l0, out ulong l1, out ulong l2, out ulong l3);
        ReadOnlySpan<ulong> limbs = [l0, l1, l2, l3];
        G1Jacobian acc = G1Jacobian.Infinity;
        for (int j = 0; j < Windows; j++)
        {
            int digit = (int)((limbs[j / 8] >> (8 * (j % 8))) & 0xFF);
            if (digit != 0)
            {
                G1Jacobian.AddMixed(in acc, in table[j * Digits + digit - 1], out acc);
            }
        }
        return acc;
    }
}
