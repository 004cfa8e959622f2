// SPDX-License-Identifier: MIT
using System.Buffers.Binary;
using System.Numerics;
using ZkOptions.Field;

namespace ZkOptions.Prover.Formats;

/// <summary>
/// A snarkjs powers-of-tau file (.ptau; snarkjs src/powersoftau_new.js, powersoftau_utils.js,
/// powersoftau_preparephase2.js), opened for reading the points PLONK needs. Container magic "ptau", version 1.
/// Section 1: n8 (u32), q (n8 bytes LE), power (u32), ceremonyPower (u32). Section 2: 2^(power+1) − 1 G1 points
/// τ^i·G1. Section 3: 2^power G2 points τ^i·G2. Section 12 (only after <c>snarkjs powersoftau prepare phase2</c>):
/// τG1 in the Lagrange basis of every domain 2^0, 2^1, …, 2^(power+1), concatenated, so domain 2^p starts at
/// point 2^p − 1. Points are affine in LEM layout (<see cref="SnarkjsBinary"/>). Every point read is checked on
/// the curve (G2 also in the subgroup), in parallel; the header and section sizes are checked on open.
/// </summary>
public sealed class PowersOfTau : IDisposable
{
    private const int HeaderSection = 1;
    private const int TauG1Section = 2;
    private const int TauG2Section = 3;
    private const int LagrangeG1Section = 12;
    private const int ChunkPoints = 1 << 16; // points read from disk per step: 4 MiB of G1
    private const int BlockPoints = 1 << 11; // points decoded per parallel task

    private readonly BinFileReader file;

    private PowersOfTau(BinFileReader file, int power, int ceremonyPower)
    {
        this.file = file;
        Power = power;
        CeremonyPower = ceremonyPower;
    }

    /// <summary>The file's path, as given.</summary>
    public string Path => file.Path;

    /// <summary>log2 of the largest domain the file serves (tauG1 has 2^(Power+1) − 1 points).</summary>
    public int Power { get; }

    /// <summary>The power of the ceremony the file came from (≥ <see cref="Power"/> after a truncation).</summary>
    public int CeremonyPower { get; }

    /// <summary>Whether section 12 (Lagrange-basis τG1, from <c>prepare phase2</c>) is present.</summary>
    public bool HasLagrangeBasis => file.HasSection(LagrangeG1Section);

    /// <summary>Number of τ^i·G1 points in section 2.</summary>
    public long TauG1Count => (2L << Power) - 1;

    /// <summary>Number of τ^i·G2 points in section 3.</summary>
    public long TauG2Count => 1L << Power;

    /// <summary>Opens a .ptau file and checks its header (BN254: n8 = 32, q = p) and the sizes of sections 2, 3 and 12.</summary>
    public static PowersOfTau Open(string path)
    {
        var file = BinFileReader.Open(path, "ptau", 1);
        try
        {
            byte[] header = file.ReadSection(HeaderSection);
            const int headerSize = 4 + Fq.ByteCount + 4 + 4;
            uint n8 = header.Length >= 4 ? BinaryPrimitives.ReadUInt32LittleEndian(header) : 0;
            if (header.Length >= 4 && n8 != Fq.ByteCount)
            {
                throw file.Fail($"field elements are {n8} bytes; expected {Fq.ByteCount} (BN254, bn128): the ceremony is for another curve");
            }
            if (header.Length != headerSize)
            {
                throw file.Fail($"section {HeaderSection} (header) is {header.Length} bytes; expected {headerSize}");
            }
            var q = new BigInteger(header.AsSpan(4, Fq.ByteCount), isUnsigned: true, isBigEndian: false);
            if (q != Fq.Modulus)
            {
                throw file.Fail($"q is {q}, not BN254's base field modulus: the ceremony is for another curve");
            }
            uint power = BinaryPrimitives.ReadUInt32LittleEndian(header.AsSpan(4 + Fq.ByteCount));
            uint ceremonyPower = BinaryPrimitives.ReadUInt32LittleEndian(header.AsSpan(8 + Fq.ByteCount));
            if (power < 1 || power > Fr.TwoAdicity)
            {
                throw file.Fail($"power {power} is outside 1..{Fr.TwoAdicity}");
            }
            var ptau = new PowersOfTau(file, (int)power, (int)ceremonyPower);
            file.ExpectSectionSize(TauG1Section, ptau.TauG1Count * SnarkjsBinary.G1Size, $"tauG1, {ptau.TauG1Count} G1 points for power {power}");
            file.ExpectSectionSize(TauG2Section, ptau.TauG2Count * SnarkjsBinary.G2Size, $"tauG2, {ptau.TauG2Count} G2 points for power {power}");
            if (ptau.HasLagrangeBasis)
            {
                long lagrangePoints = (4L << (int)power) - 1; // domains 2^0 .. 2^(power+1)
                file.ExpectSectionSize(LagrangeG1Section, lagrangePoints * SnarkjsBinary.G1Size, $"Lagrange tauG1, {lagrangePoints} G1 points for power {power}");
            }
            return ptau;
        }
        catch
        {
            file.Dispose();
            throw;
        }
    }

    /// <summary>The first <paramref name="count"/> points τ^0·G1 … τ^(count−1)·G1 (the monomial commitment key).</summary>
    public G1Affine[] ReadTauG1(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        if (count > TauG1Count)
        {
            throw file.Fail($"ptau has power {Power} ({TauG1Count} tauG1 points); {count} are needed, so the circuit needs a larger ceremony");
        }
        return ReadPoints<G1Affine>(TauG1Section, 0, count, SnarkjsBinary.G1Size, "tauG1", DecodeG1);
    }

    /// <summary>The first <paramref name="count"/> points τ^0·G2 … τ^(count−1)·G2 (PLONK needs 2: G2 and [τ]₂).</summary>
    public G2Affine[] ReadTauG2(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        if (count > TauG2Count)
        {
            throw file.Fail($"ptau has power {Power} ({TauG2Count} tauG2 points); {count} are needed");
        }
        return ReadPoints<G2Affine>(TauG2Section, 0, count, SnarkjsBinary.G2Size, "tauG2", DecodeG2);
    }

    /// <summary>
    /// L_i(τ)·G1 for i = 0 … 2^<paramref name="log2DomainSize"/> − 1, the Lagrange basis of that domain (what
    /// snarkjs's PLONK setup commits selectors and permutations with). Needs a prepared file and a domain no
    /// larger than 2^<see cref="Power"/>.
    /// </summary>
    public G1Affine[] ReadLagrangeG1(int log2DomainSize)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(log2DomainSize);
        if (log2DomainSize > Power)
        {
            throw file.Fail($"ptau has power {Power} ({1L << Power} points); the circuit needs 2^{log2DomainSize}");
        }
        if (!HasLagrangeBasis)
        {
            throw file.Fail($"has no Lagrange-basis points (section {LagrangeG1Section}): run `snarkjs powersoftau prepare phase2` on it first");
        }
        int n = 1 << log2DomainSize;
        return ReadPoints<G1Affine>(LagrangeG1Section, n - 1, n, SnarkjsBinary.G1Size, $"Lagrange tauG1 for domain 2^{log2DomainSize}", DecodeG1);
    }

    /// <inheritdoc/>
    public void Dispose() => file.Dispose();

    private delegate string? Decoder<T>(ReadOnlySpan<byte> source, out T point);

    private static string? DecodeG1(ReadOnlySpan<byte> source, out G1Affine point)
    {
        if (SnarkjsBinary.TryReadG1(source, out point))
        {
            return null;
        }
        try
        {
            SnarkjsBinary.ReadG1(source);
            return "invalid G1 point";
        }
        catch (EncodingException e)
        {
            return e.Message;
        }
    }

    private static string? DecodeG2(ReadOnlySpan<byte> source, out G2Affine point)
    {
        if (SnarkjsBinary.TryReadG2(source, out point))
        {
            return null;
        }
        try
        {
            SnarkjsBinary.ReadG2(source);
            return "invalid G2 point";
        }
        catch (EncodingException e)
        {
            return e.Message;
        }
    }

    // Reads count points starting at point firstPoint of a section: sequential disk reads of ChunkPoints points,
    // each chunk decoded and curve-checked in parallel blocks. The first bad point (lowest index) is reported.
    private T[] ReadPoints<T>(int section, long firstPoint, int count, int pointSize, string what, Decoder<T> decode)
    {
        var points = new T[count];
        var buffer = new byte[Math.Min(count, ChunkPoints) * pointSize];
        for (int chunkStart = 0; chunkStart < count; chunkStart += ChunkPoints)
        {
            int chunkCount = Math.Min(ChunkPoints, count - chunkStart);
            file.ReadSection(section, (firstPoint + chunkStart) * pointSize, buffer.AsSpan(0, chunkCount * pointSize));
            long firstBad = long.MaxValue;
            string? problem = null;
            var gate = new object();
            Parallel.For(0, (chunkCount + BlockPoints - 1) / BlockPoints, ParallelLimit.Options, block =>
            {
                int start = block * BlockPoints;
                int end = Math.Min(start + BlockPoints, chunkCount);
                for (int i = start; i < end; i++)
                {
                    string? error = decode(buffer.AsSpan(i * pointSize, pointSize), out points[chunkStart + i]);
                    if (error is not null)
                    {
                        lock (gate)
                        {
                            if (i < firstBad)
                            {
                                firstBad = i;
                                problem = error;
                            }
                        }
                        return;
                    }
                }
            });
            if (problem is not null)
            {
                throw file.Fail($"section {section} ({what}): point {chunkStart + firstBad}: {problem}");
            }
        }
        return points;
    }
}
