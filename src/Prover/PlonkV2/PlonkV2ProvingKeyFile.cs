// SPDX-License-Identifier: MIT
using System.Buffers.Binary;
using System.Text;
using ZkOptions.Constraints.V2;
using ZkOptions.Field;
using ZkOptions.Prover.Formats;

namespace ZkOptions.Prover.PlonkV2;

/// <summary>
/// The PLONK v2 proving key as a binary file (docs/formats.md): the magic "ZKPLONK2", a version, the verifying key's
/// fields, the commitment key, the wire map, the row gates and the fixed polynomials. Integers are little-endian
/// u32, scalars 32-byte big-endian below r, points the EIP-196/197 encodings. The reader validates everything it
/// reads (counts, wire indices, gate kinds, points on the curve and G2 in its subgroup, scalars below r, no trailing
/// bytes) and reports a problem as an <see cref="InputFileException"/> naming the file and the field. It does not
/// recompute the commitments from the polynomials (that is a setup's worth of MSMs): a key whose polynomials and
/// commitments disagree makes proofs the verifier rejects.
/// </summary>
public static class PlonkV2ProvingKeyFile
{
    /// <summary>The first eight bytes of the file.</summary>
    public static ReadOnlySpan<byte> Magic => "ZKPLONK2"u8;

    /// <summary>The format version written and read.</summary>
    public const int Version = 2;

    private const int MaxNameBytes = 1024;

    /// <summary>Writes <paramref name="key"/> to <paramref name="path"/> atomically (a temporary file, then a rename).</summary>
    public static void Write(PlonkV2ProvingKey key, string path)
    {
        string tmp = AtomicFile.TemporaryPathFor(path);
        try
        {
            using (var stream = new FileStream(tmp, FileMode.CreateNew, FileAccess.Write))
            using (var writer = new BinaryWriter(stream))
            {
                WriteTo(key, writer);
            }
            File.Move(tmp, path, overwrite: true);
        }
        finally
        {
            File.Delete(tmp);
        }
    }

    private static void WriteTo(PlonkV2ProvingKey key, BinaryWriter w)
    {
        var vk = key.VerifyingKey;
        w.Write(Magic);
        w.Write((uint)Version);
        w.Write((uint)vk.Power);
        w.Write((uint)vk.PublicCount);
        w.Write((uint)key.WireCount);
        w.Write((uint)vk.Gates.Length);
        foreach (var name in vk.Gates)
        {
            WriteName(w, name);
        }
        w.Write((uint)vk.Tables.Length);
        for (int t = 0; t < vk.Tables.Length; t++)
        {
            WriteName(w, vk.Tables[t]);
            w.Write((uint)vk.TableSizes[t]);
        }
        foreach (var k in vk.Shifts)
        {
            WriteScalar(w, k);
        }
        foreach (var p in vk.Coefficients.Concat(vk.Selectors).Concat(vk.Sigmas).Concat(vk.LookupColumns))
        {
            w.Write(EvmEncoding.EncodeG1(p));
        }
        w.Write(EvmEncoding.EncodeG2(vk.TauG2));
        w.Write((uint)key.CommitmentKey.Length);
        foreach (var p in key.CommitmentKey)
        {
            w.Write(EvmEncoding.EncodeG1(p));
        }
        foreach (uint wire in key.WireMap)
        {
            w.Write(wire);
        }
        foreach (var gate in key.RowGates)
        {
            w.Write((byte)gate);
        }
        foreach (var polynomial in key.Coefficients.Concat(key.Selectors).Concat(key.Sigmas).Concat(key.LookupColumns))
        {
            foreach (var c in polynomial)
            {
                WriteScalar(w, c);
            }
        }
    }

    private static void WriteName(BinaryWriter w, string name)
    {
        var bytes = Encoding.UTF8.GetBytes(name);
        w.Write((uint)bytes.Length);
        w.Write(bytes);
    }

    private static void WriteScalar(BinaryWriter w, in Fr value)
    {
        Span<byte> bytes = stackalloc byte[32];
        value.WriteBytes(bytes, ByteOrder.BigEndian);
        w.Write(bytes);
    }

    /// <summary>Reads and validates a proving key; any problem is an <see cref="InputFileException"/> naming the field.</summary>
    public static PlonkV2ProvingKey Read(string path)
    {
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new InputFileException(path, $"cannot open: {e.Message}", e);
        }
        return new Reader(path, bytes).Key();
    }

    private sealed class Reader(string path, byte[] bytes)
    {
        private int at;

        public PlonkV2ProvingKey Key()
        {
            if (bytes.Length < Magic.Length || !bytes.AsSpan(0, Magic.Length).SequenceEqual(Magic))
            {
                throw Fail("magic", "is not a PLONK v2 proving key (the file does not start with \"ZKPLONK2\")");
            }
            at = Magic.Length;
            Int("version", Version, Version);
            int power = Int("power", PlonkV2Setup.MinPower, Fr.TwoAdicity - 3);
            int n = 1 << power;
            int publicCount = Int("publicCount", 0, n - 1);
            int wireCount = Int("wireCount", 1 + publicCount, int.MaxValue);
            int gateCount = Int("gateCount", 1, 255);
            var gates = new string[gateCount];
            for (int g = 0; g < gateCount; g++)
            {
                gates[g] = Name($"gates[{g}]");
            }
            string[] expected = [.. WideGates.All.Select(g => g.Name)];
            if (!gates.SequenceEqual(expected))
            {
                throw Fail("gates", $"the key is for the gates [{string.Join(", ", gates)}], this build has [{string.Join(", ", expected)}]");
            }
            int tableCount = Int("tableCount", 0, 255);
            var tables = new string[tableCount];
            var sizes = new int[tableCount];
            long total = 0;
            for (int t = 0; t < tableCount; t++)
            {
                tables[t] = Name($"tables[{t}].name");
                sizes[t] = Int($"tables[{t}].size", 1, n);
                total += sizes[t];
            }
            if (total > n)
            {
                throw Fail("tables", $"hold {total} entries, more than the domain's {n}");
            }
            var shifts = Scalars("shifts", WideLayout.Width);
            if (!shifts[0].IsOne || !CosetShifts.AreDisjoint(shifts, power))
            {
                throw Fail("shifts", "must start with 1 and give pairwise disjoint cosets of the domain");
            }
            var coefficientCommitments = Points("coefficientCommitments", WideLayout.CoefficientCount, infinityAllowed: true);
            var selectorCommitments = Points("selectorCommitments", gateCount, infinityAllowed: true);
            var sigmaCommitments = Points("sigmaCommitments", WideLayout.Width, infinityAllowed: false);
            var lookupCommitments = Points("lookupCommitments", tableCount > 0 ? PlonkV2LookupProof.ColumnCount : 0, infinityAllowed: true);
            var tauG2 = G2("tauG2");
            int keySize = new QuotientLayout(power, WideGates.All).CommitmentKeySize;
            Int("commitmentKeySize", keySize, keySize);
            var commitmentKey = Points("commitmentKey", keySize, infinityAllowed: false);
            if (commitmentKey[0] != G1Affine.Generator)
            {
                throw Fail("commitmentKey[0]", "must be the generator [1]₁");
            }
            var wireMap = new uint[WideLayout.Width * n];
            for (int i = 0; i < wireMap.Length; i++)
            {
                wireMap[i] = BinaryPrimitives.ReadUInt32LittleEndian(Take("wireMap", 4, i));
                if (wireMap[i] >= (uint)wireCount)
                {
                    throw Fail($"wireMap[{i}]", $"is wire {wireMap[i]}, but the circuit has {wireCount} wires");
                }
            }
            var rowGates = new GateKind[n];
            var kinds = WideGates.All.Select(g => g.Kind).Append(GateKind.None).ToHashSet();
            for (int i = 0; i < n; i++)
            {
                rowGates[i] = (GateKind)Take("rowGates", 1, i)[0];
                if (!kinds.Contains(rowGates[i]))
                {
                    throw Fail($"rowGates[{i}]", $"is {(byte)rowGates[i]}, which no gate of this key answers to");
                }
            }
            var coefficients = Polynomials("coefficients", WideLayout.CoefficientCount, n);
            var selectors = Polynomials("selectors", gateCount, n);
            var sigmas = Polynomials("sigmas", WideLayout.Width, n);
            var lookupColumns = Polynomials("lookupColumns", tableCount > 0 ? PlonkV2LookupProof.ColumnCount : 0, n);
            if (at != bytes.Length)
            {
                throw Fail("end", $"{bytes.Length - at} bytes follow the last field");
            }
            var vk = new PlonkV2VerifyingKey
            {
                Power = power, PublicCount = publicCount, Shifts = shifts, Gates = gates,
                Coefficients = coefficientCommitments, Selectors = selectorCommitments, Sigmas = sigmaCommitments, TauG2 = tauG2,
                Tables = tables, TableSizes = sizes, LookupColumns = lookupCommitments,
            };
            return new PlonkV2ProvingKey(vk, wireCount, wireMap, rowGates, coefficients, selectors, sigmas, commitmentKey, lookupColumns);
        }

        private InputFileException Fail(string field, string problem) => new(path, $"{field} {problem}");

        private ReadOnlySpan<byte> Take(string field, int count, int index = -1)
        {
            if (count < 0 || bytes.Length - at < count)
            {
                throw Fail(index >= 0 ? $"{field}[{index}]" : field, $"is truncated: the file ends at byte {bytes.Length}, {count} bytes needed from byte {at}");
            }
            var span = bytes.AsSpan(at, count);
            at += count;
            return span;
        }

        private int Int(string field, int min, int max)
        {
            uint value = BinaryPrimitives.ReadUInt32LittleEndian(Take(field, 4));
            if (value < (uint)min || value > (uint)max)
            {
                throw Fail(field, $"is {value}; expected {min} to {max}");
            }
            return (int)value;
        }

        private string Name(string field)
        {
            int length = Int($"{field} length", 1, MaxNameBytes);
            try
            {
                return new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(Take(field, length));
            }
            catch (DecoderFallbackException e)
            {
                throw new InputFileException(path, $"{field} is not valid UTF-8", e);
            }
        }

        private Fr[] Scalars(string field, int count)
        {
            var values = new Fr[count];
            for (int i = 0; i < count; i++)
            {
                var span = Take(field, 32, i);
                if (!Fr.TryReadBytes(span, ByteOrder.BigEndian, out values[i]))
                {
                    throw Fail($"{field}[{i}]", "is not below r (the BN254 scalar field modulus)");
                }
            }
            return values;
        }

        private Fr[][] Polynomials(string field, int count, int n)
        {
            var polynomials = new Fr[count][];
            for (int j = 0; j < count; j++)
            {
                polynomials[j] = Scalars($"{field}[{j}]", n);
            }
            return polynomials;
        }

        private G1Affine[] Points(string field, int count, bool infinityAllowed)
        {
            var points = new G1Affine[count];
            for (int i = 0; i < count; i++)
            {
                var span = Take(field, 64, i);
                try
                {
                    points[i] = EvmEncoding.ReadG1(span);
                }
                catch (EncodingException e)
                {
                    throw new InputFileException(path, $"{field}[{i}] {e.Message}", e);
                }
                if (points[i].IsInfinity && !infinityAllowed)
                {
                    throw Fail($"{field}[{i}]", "is the point at infinity");
                }
            }
            return points;
        }

        private G2Affine G2(string field)
        {
            var span = Take(field, 128);
            try
            {
                var point = EvmEncoding.ReadG2(span);
                return point.IsInfinity ? throw Fail(field, "is the point at infinity") : point;
            }
            catch (EncodingException e)
            {
                throw new InputFileException(path, $"{field} {e.Message}", e);
            }
        }
    }
}
