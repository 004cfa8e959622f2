// SPDX-License-Identifier: MIT
using System.Buffers.Binary;
using System.Numerics;
using System.Runtime.InteropServices;
using ZkOptions.Constraints.V1;
using ZkOptions.Field;

namespace ZkOptions.Prover.Formats;

/// <summary>
/// An open snarkjs PLONK .zkey (layout: snarkjs src/plonk_setup.js and zkey_utils.js readHeaderPlonk). Opening it
/// validates the container, the protocol, the header and every section's size, so a truncated or foreign key fails
/// at once with the file and the problem named; the large sections (selector and permutation polynomials, the
/// commitment key) are read on demand and checked as they are read (every Fr below r, every point on the curve).
/// </summary>
public sealed class PlonkZkeyFile : IDisposable
{
    private const int HeaderBytes = 4 + 32 + 4 + 32 + 5 * 4 + 2 * 32 + 8 * SnarkjsBinary.G1Size + SnarkjsBinary.G2Size;
    private const int AdditionBytes = 8 + 2 * 32;
    private readonly BinFileReader file;

    private PlonkZkeyFile(BinFileReader file, PlonkZkeyHeader header)
    {
        this.file = file;
        Header = header;
    }

    /// <summary>The key's path.</summary>
    public string Path => file.Path;

    /// <summary>The validated header.</summary>
    public PlonkZkeyHeader Header { get; }

    /// <summary>Opens and validates <paramref name="path"/>.</summary>
    public static PlonkZkeyFile Open(string path)
    {
        var file = BinFileReader.Open(path, "zkey", maxVersion: 2);
        try
        {
            var header = ReadHeader(file);
            CheckSectionSizes(file, header);
            return new PlonkZkeyFile(file, header);
        }
        catch
        {
            file.Dispose();
            throw;
        }
    }

    /// <summary>Reads only the header (for exporting the verification key).</summary>
    public static PlonkZkeyHeader ReadHeader(string path)
    {
        using var zkey = Open(path);
        return zkey.Header;
    }

    private static PlonkZkeyHeader ReadHeader(BinFileReader file)
    {
        if (!file.HasSection(PlonkZkeySection.Protocol))
        {
            throw file.Fail("section 1 (protocol) is missing");
        }
        file.ExpectSectionSize(PlonkZkeySection.Protocol, 4, "protocol id");
        uint protocol = BinaryPrimitives.ReadUInt32LittleEndian(file.ReadSection(PlonkZkeySection.Protocol));
        switch (protocol)
        {
            case PlonkZkeySection.PlonkProtocolId:
                break;
            case PlonkZkeySection.Groth16ProtocolId:
                throw file.Fail("this is a Groth16 proving key; PLONK needs a key made by `zkoptions setup` or `snarkjs plonk setup`");
            case PlonkZkeySection.FflonkProtocolId:
                throw file.Fail("this is an FFLONK proving key; PLONK needs a key made by `zkoptions setup` or `snarkjs plonk setup`");
            default:
                throw file.Fail($"unknown protocol id {protocol} (expected 2, PLONK)");
        }

        file.ExpectSectionSize(PlonkZkeySection.Header, HeaderBytes, "PLONK header");
        byte[] h = file.ReadSection(PlonkZkeySection.Header);
        int o = 0;
        CheckPrime(file, h, ref o, Fq.Modulus, "base field q (the key is not for BN254)");
        CheckPrime(file, h, ref o, Fr.Modulus, "scalar field r (the key is not for BN254)");
        int nVars = ReadCount(file, h, ref o, "nVars");
        int nPublic = ReadCount(file, h, ref o, "nPublic");
        int domainSize = ReadCount(file, h, ref o, "domainSize");
        int nAdditions = ReadCount(file, h, ref o, "nAdditions");
        int nConstraints = ReadCount(file, h, ref o, "nConstraints");
        if (domainSize < 8 || !BitOperations.IsPow2(domainSize) || domainSize > 1 << Fr.TwoAdicity)
        {
            throw file.Fail($"domainSize {domainSize} is not a power of two in 8..2^{Fr.TwoAdicity}");
        }
        if (nConstraints > domainSize || nPublic > nConstraints || nAdditions > nVars || nPublic >= nVars)
        {
            throw file.Fail($"inconsistent header: nVars {nVars}, nPublic {nPublic}, nAdditions {nAdditions}, nConstraints {nConstraints}, domainSize {domainSize}");
        }
        Fr k1 = ReadFr(file, h, ref o, "k1");
        Fr k2 = ReadFr(file, h, ref o, "k2");
        G1Affine ReadPoint(ref int offset, string name)
        {
            if (!SnarkjsBinary.TryReadG1(h.AsSpan(offset, SnarkjsBinary.G1Size), out G1Affine p))
            {
                throw file.Fail($"header commitment {name} is not a valid G1 point");
            }
            offset += SnarkjsBinary.G1Size;
            return p;
        }
        var qm = ReadPoint(ref o, "Qm");
        var ql = ReadPoint(ref o, "Ql");
        var qr = ReadPoint(ref o, "Qr");
        var qo = ReadPoint(ref o, "Qo");
        var qc = ReadPoint(ref o, "Qc");
        var s1 = ReadPoint(ref o, "S1");
        var s2 = ReadPoint(ref o, "S2");
        var s3 = ReadPoint(ref o, "S3");
        if (!SnarkjsBinary.TryReadG2(h.AsSpan(o, SnarkjsBinary.G2Size), out G2Affine x2) || x2.IsInfinity)
        {
            throw file.Fail("header X_2 = [τ]₂ is not a valid G2 point of the order-r subgroup");
        }
        return new PlonkZkeyHeader
        {
            NVars = nVars, NPublic = nPublic, DomainSize = domainSize, NAdditions = nAdditions, NConstraints = nConstraints,
            K1 = k1, K2 = k2, Qm = qm, Ql = ql, Qr = qr, Qo = qo, Qc = qc, S1 = s1, S2 = s2, S3 = s3, X2 = x2,
        };
    }

    private static void CheckSectionSizes(BinFileReader file, PlonkZkeyHeader h)
    {
        long n = h.DomainSize;
        file.ExpectSectionSize(PlonkZkeySection.Additions, (long)h.NAdditions * AdditionBytes, $"{h.NAdditions} additions");
        file.ExpectSectionSize(PlonkZkeySection.MapA, 4L * h.NConstraints, "A map");
        file.ExpectSectionSize(PlonkZkeySection.MapB, 4L * h.NConstraints, "B map");
        file.ExpectSectionSize(PlonkZkeySection.MapC, 4L * h.NConstraints, "C map");
        foreach (var (id, name) in new[] { (PlonkZkeySection.Qm, "Qm"), (PlonkZkeySection.Ql, "Ql"), (PlonkZkeySection.Qr, "Qr"), (PlonkZkeySection.Qo, "Qo"), (PlonkZkeySection.Qc, "Qc") })
        {
            file.ExpectSectionSize(id, 5 * n * 32, $"{name} polynomial");
        }
        file.ExpectSectionSize(PlonkZkeySection.Sigma, 15 * n * 32, "σ polynomials");
        file.ExpectSectionSize(PlonkZkeySection.Lagrange, h.NLagrange * 5 * n * 32, "Lagrange polynomials");
        file.ExpectSectionSize(PlonkZkeySection.PTau, (n + 6) * SnarkjsBinary.G1Size, "powers of tau");
    }

    /// <summary>The addition recipes (section 3), with signal ids checked against nVars.</summary>
    public PlonkAddition[] ReadAdditions()
    {
        var h = Header;
        var result = new PlonkAddition[h.NAdditions];
        byte[] bytes = file.ReadSection(PlonkZkeySection.Additions);
        for (int i = 0; i < result.Length; i++)
        {
            var s = bytes.AsSpan(i * AdditionBytes, AdditionBytes);
            uint a = BinaryPrimitives.ReadUInt32LittleEndian(s);
            uint b = BinaryPrimitives.ReadUInt32LittleEndian(s[4..]);
            // An addition may only use wires defined before it: witness wires or earlier additions.
            uint limit = (uint)(h.NWitness + i);
            if (a >= limit || b >= limit)
            {
                throw file.Fail($"addition {i} refers to wire {Math.Max(a, b)}, which is not defined before it");
            }
            if (!Fr.TryReadMontgomeryLittleEndian(s.Slice(8, 32), out Fr fa) || !Fr.TryReadMontgomeryLittleEndian(s.Slice(40, 32), out Fr fb))
            {
                throw file.Fail($"addition {i} has a factor ≥ r");
            }
            result[i] = new PlonkAddition(a, b, fa, fb);
        }
        return result;
    }

    /// <summary>The wire map of column <paramref name="section"/> (4, 5 or 6), each id checked against nVars.</summary>
    public uint[] ReadMap(int section)
    {
        var map = new uint[Header.NConstraints];
        file.ReadSection<uint>(section, 0, map);
        if (!BitConverter.IsLittleEndian)
        {
            throw new PlatformNotSupportedException("big-endian hosts are not supported");
        }
        for (int i = 0; i < map.Length; i++)
        {
            if (map[i] >= (uint)Header.NVars)
            {
                throw file.Fail($"section {section} (wire map) gate {i} refers to wire {map[i]} ≥ nVars {Header.NVars}");
            }
        }
        return map;
    }

    /// <summary>The n coefficients of a stored polynomial: <paramref name="index"/> selects σ1..σ3 (section 12) or L_i (section 13).</summary>
    public Fr[] ReadCoefficients(int section, int index = 0) => ReadFrBlock(section, PolynomialOffset(index), Header.DomainSize);

    /// <summary>The 4n evaluations (on the size-4n domain) of a stored polynomial.</summary>
    public Fr[] ReadEvaluations(int section, int index = 0) =>
        ReadFrBlock(section, PolynomialOffset(index) + (long)Header.DomainSize * 32, 4 * Header.DomainSize);

    private long PolynomialOffset(int index) => (long)index * 5 * Header.DomainSize * 32;

    private Fr[] ReadFrBlock(int section, long offset, int count)
    {
        var values = new Fr[count];
        file.ReadSection<Fr>(section, offset, values);
        var limbs = MemoryMarshal.Cast<Fr, ulong>(values);
        for (int i = 0; i < count; i++)
        {
            if (!Fr.IsBelowModulus(limbs[4 * i], limbs[4 * i + 1], limbs[4 * i + 2], limbs[4 * i + 3]))
            {
                throw file.Fail($"section {section} holds a field element ≥ r at index {i}");
            }
        }
        return values;
    }

    /// <summary>The n + 6 monomial commitment-key points [τ^i]₁ (section 14), each checked on the curve.</summary>
    public G1Affine[] ReadPTau()
    {
        int count = Header.DomainSize + 6;
        byte[] bytes = new byte[(long)count * SnarkjsBinary.G1Size];
        file.ReadSection(PlonkZkeySection.PTau, 0, bytes);
        var points = new G1Affine[count];
        const int Chunk = 4096;
        // The first bad point (lowest index) is reported after the loop: an exception thrown inside Parallel.For
        // would reach the caller wrapped in an AggregateException, which the CLI does not map to exit code 2.
        int firstBad = int.MaxValue;
        Parallel.For(0, (count + Chunk - 1) / Chunk, ParallelLimit.Options, c =>
        {
            int start = c * Chunk, end = Math.Min(count, start + Chunk);
            for (int i = start; i < end; i++)
            {
                if (!SnarkjsBinary.TryReadG1(bytes.AsSpan(i * SnarkjsBinary.G1Size, SnarkjsBinary.G1Size), out points[i]))
                {
                    int seen = Volatile.Read(ref firstBad);
                    while (i < seen && Interlocked.CompareExchange(ref firstBad, i, seen) != seen)
                    {
                        seen = Volatile.Read(ref firstBad);
                    }
                    return;
                }
            }
        });
        if (firstBad != int.MaxValue)
        {
            throw file.Fail($"section 14 (powers of tau) point {firstBad} is not on the curve");
        }
        return points;
    }

    private static void CheckPrime(BinFileReader file, byte[] h, ref int o, BigInteger expected, string what)
    {
        int n8 = BinaryPrimitives.ReadInt32LittleEndian(h.AsSpan(o));
        if (n8 != 32)
        {
            throw file.Fail($"{what}: element size {n8} bytes, expected 32");
        }
        var prime = new BigInteger(h.AsSpan(o + 4, 32), isUnsigned: true, isBigEndian: false);
        if (prime != expected)
        {
            throw file.Fail($"{what}: prime {prime} is not BN254's");
        }
        o += 36;
    }

    private static int ReadCount(BinFileReader file, byte[] h, ref int o, string name)
    {
        uint v = BinaryPrimitives.ReadUInt32LittleEndian(h.AsSpan(o));
        o += 4;
        if (v > int.MaxValue)
        {
            throw file.Fail($"header {name} = {v} is out of range");
        }
        return (int)v;
    }

    private static Fr ReadFr(BinFileReader file, byte[] h, ref int o, string name)
    {
        if (!Fr.TryReadMontgomeryLittleEndian(h.AsSpan(o, 32), out Fr v))
        {
            throw file.Fail($"header {name} is not a field element below r");
        }
        o += 32;
        return v;
    }

    /// <inheritdoc/>
    public void Dispose() => file.Dispose();
}
