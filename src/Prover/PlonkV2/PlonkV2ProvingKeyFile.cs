// SPDX-License-Identifier: MIT
using System.Buffers.Binary;
using System.Runtime.InteropServices;
using System.Text;
using ZkOptions.Constraints.V2;
using ZkOptions.Field;
using ZkOptions.Prover.Formats;

namespace ZkOptions.Prover.PlonkV2;

/// <summary>
/// The PLONK v2 proving key as a binary file (docs/formats.md): the magic "ZKPLONK2", a version, the verifying key's
/// fields, then the large arrays in the layout the prover uses in memory (<see cref="MontgomeryLimbs"/>), each on a
/// 64-byte boundary: the commitment key, the wire map, the row gates and the fixed polynomials. <see cref="Read"/> maps
/// the file and hands those arrays out in place, so a key of 2^23 rows costs page cache, not heap. Small fields are as
/// before: little-endian u32 integers, 32-byte big-endian scalars, EIP-196/197 points. The reader validates everything
/// it reads (counts, wire indices, gate kinds, points on the curve and G2 in its subgroup, scalars below r, zero
/// padding, no trailing bytes) and reports a problem as an <see cref="InputFileException"/> naming the file and the
/// field. It does not recompute the commitments from the polynomials (that is a setup's worth of MSMs): a key whose
/// polynomials and commitments disagree makes proofs the verifier rejects.
/// </summary>
public static class PlonkV2ProvingKeyFile
{
    /// <summary>The first eight bytes of the file.</summary>
    public static ReadOnlySpan<byte> Magic => "ZKPLONK2"u8;

    /// <summary>The format version written and read (3: the large arrays in their in-memory layout, aligned for mapping).</summary>
    public const int Version = 3;

    /// <summary>The boundary each large array starts on (a cache line; more than any element's alignment).</summary>
    public const int Alignment = 64;

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
        if (!MontgomeryLimbs.MatchRuntime)
        {
            throw new PlatformNotSupportedException("PLONK v2 proving keys are written in the in-memory layout of a little-endian runtime, which this is not");
        }
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
        Pad(w);
        Span<byte> record = stackalloc byte[MontgomeryLimbs.PointSize];
        foreach (var p in key.CommitmentKey.Span)
        {
            MontgomeryLimbs.WritePoint(p, record);
            w.Write(record);
        }
        w.Write(MemoryMarshal.AsBytes(key.WireMap.Span));
        w.Write(MemoryMarshal.AsBytes(key.RowGates.Span));
        Pad(w);
        foreach (var polynomial in key.Coefficients.Concat(key.Selectors).Concat(key.Sigmas).Concat(key.LookupColumns))
        {
            w.Write(MontgomeryLimbs.Bytes(polynomial.Span));
        }
    }

    private static void Pad(BinaryWriter w)
    {
        long position = w.BaseStream.Position;
        w.Write(new byte[(Alignment - position % Alignment) % Alignment]);
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

    /// <summary>
    /// Maps and validates a proving key; any problem is an <see cref="InputFileException"/> naming the field. The key's
    /// large arrays are the file's pages: dispose the key to unmap it (the file must not change while it is mapped).
    /// </summary>
    public static PlonkV2ProvingKey Read(string path)
    {
        long length;
        try
        {
            length = new FileInfo(path).Length;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new InputFileException(path, $"cannot open: {e.Message}", e);
        }
        if (length < Magic.Length)
        {
            throw new InputFileException(path, "magic is missing: the file is shorter than \"ZKPLONK2\", not a PLONK v2 proving key");
        }
        if (!MontgomeryLimbs.MatchRuntime)
        {
            throw new InputFileException(path, "cannot be mapped: this runtime does not lay field elements and points out as the file does (little-endian, 72-byte points)");
        }
        var file = MappedFile.Open(path);
        try
        {
            return new Reader(file).Key();
        }
        catch
        {
            file.Dispose();
            throw;
        }
    }

    private sealed class Reader(MappedFile file)
    {
        private readonly string path = file.Path;
        private long at;

        public PlonkV2ProvingKey Key()
        {
            if (!file.Bytes(0, Magic.Length).SequenceEqual(Magic))
            {
                throw Fail("magic", "is not a PLONK v2 proving key (the file does not start with \"ZKPLONK2\")");
            }
            at = Magic.Length;
            uint version = BinaryPrimitives.ReadUInt32LittleEndian(Take("version", 4));
            if (version is 1 or 2)
            {
                throw Fail("version", $"is {version}, a key written before proving keys were memory-mapped; this build reads version {Version}: run `zkoptions setup --system v2` again to rewrite it");
            }
            if (version != Version)
            {
                throw Fail("version", $"is {version}; this build reads version {Version}");
            }
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
            Padding("commitmentKey");
            var commitmentKey = CommitmentKey(keySize);
            var wireMap = Mapped<uint>("wireMap", WideLayout.Width * n, 4);
            var wires = wireMap.Span;
            for (int i = 0; i < wires.Length; i++)
            {
                if (wires[i] >= (uint)wireCount)
                {
                    throw Fail($"wireMap[{i}]", $"is wire {wires[i]}, but the circuit has {wireCount} wires");
                }
            }
            var rowGates = Mapped<GateKind>("rowGates", n, 1);
            var kinds = new bool[256];
            foreach (var kind in WideGates.All.Select(g => g.Kind).Append(GateKind.None))
            {
                kinds[(byte)kind] = true;
            }
            var rows = rowGates.Span;
            for (int i = 0; i < n; i++)
            {
                if (!kinds[(byte)rows[i]])
                {
                    throw Fail($"rowGates[{i}]", $"is {(byte)rows[i]}, which no gate of this key answers to");
                }
            }
            Padding("coefficients");
            var coefficients = Polynomials("coefficients", WideLayout.CoefficientCount, n);
            var selectors = Polynomials("selectors", gateCount, n);
            var sigmas = Polynomials("sigmas", WideLayout.Width, n);
            var lookupColumns = Polynomials("lookupColumns", tableCount > 0 ? PlonkV2LookupProof.ColumnCount : 0, n);
            if (at != file.Length)
            {
                throw Fail("end", $"{file.Length - at} bytes follow the last field");
            }
            var vk = new PlonkV2VerifyingKey
            {
                Power = power, PublicCount = publicCount, Shifts = shifts, Gates = gates,
                Coefficients = coefficientCommitments, Selectors = selectorCommitments, Sigmas = sigmaCommitments, TauG2 = tauG2,
                Tables = tables, TableSizes = sizes, LookupColumns = lookupCommitments,
            };
            return new PlonkV2ProvingKey(vk, wireCount, wireMap, rowGates, coefficients, selectors, sigmas, commitmentKey, lookupColumns, file);
        }

        private InputFileException Fail(string field, string problem) => new(path, $"{field} {problem}");

        private void Truncated(string field, long count)
        {
            if (count < 0 || file.Length - at < count)
            {
                throw Fail(field, $"is truncated: the file ends at byte {file.Length}, {count} bytes needed from byte {at}");
            }
        }

        private ReadOnlySpan<byte> Take(string field, int count, int index = -1)
        {
            Truncated(index >= 0 ? $"{field}[{index}]" : field, count);
            var span = file.Bytes(at, count);
            at += count;
            return span;
        }

        /// <summary>The zero bytes up to the next <see cref="Alignment"/> boundary, before <paramref name="field"/>.</summary>
        private void Padding(string field)
        {
            int count = (int)((Alignment - at % Alignment) % Alignment);
            foreach (byte b in Take($"the padding before {field}", count))
            {
                if (b != 0)
                {
                    throw Fail($"the padding before {field}", "holds a byte that is not zero");
                }
            }
        }

        /// <summary><paramref name="count"/> elements of <paramref name="size"/> bytes in place (not validated here).</summary>
        private ReadOnlyMemory<T> Mapped<T>(string field, int count, int size) where T : unmanaged
        {
            Truncated(field, (long)count * size);
            var memory = file.Memory<T>(at, count);
            at += (long)count * size;
            return memory;
        }

        private ReadOnlyMemory<G1Affine> CommitmentKey(int count)
        {
            long start = at;
            var points = Mapped<G1Affine>("commitmentKey", count, MontgomeryLimbs.PointSize);
            // Checked in parallel (a million points take a fraction of a second); the first bad index is reported.
            int firstBad = int.MaxValue;
            var span = points;
            Parallel.For(0, (count + 4095) / 4096, block =>
            {
                var all = span.Span;
                for (int i = block * 4096, end = Math.Min(count, i + 4096); i < end; i++)
                {
                    if (!MontgomeryLimbs.IsFinitePointRecord(file.Bytes(start + (long)i * MontgomeryLimbs.PointSize, MontgomeryLimbs.PointSize))
                        || !all[i].IsOnCurve())
                    {
                        InterlockedMin(ref firstBad, i);
                        return;
                    }
                }
            });
            if (firstBad != int.MaxValue)
            {
                throw Fail($"commitmentKey[{firstBad}]", "is not a point of G1 in this format's layout (x, y below p, on the curve, flag and padding zero)");
            }
            if (points.Span[0] != G1Affine.Generator)
            {
                throw Fail("commitmentKey[0]", "must be the generator [1]₁");
            }
            return points;
        }

        private static void InterlockedMin(ref int target, int value)
        {
            int current;
            while (value < (current = Volatile.Read(ref target)) && Interlocked.CompareExchange(ref target, value, current) != current)
            {
            }
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

        private ReadOnlyMemory<Fr>[] Polynomials(string field, int count, int n)
        {
            var polynomials = new ReadOnlyMemory<Fr>[count];
            for (int j = 0; j < count; j++)
            {
                long start = at;
                polynomials[j] = Mapped<Fr>($"{field}[{j}]", n, 32);
                var bytes = file.Bytes(start, n * 32);
                for (int i = 0; i < n; i++)
                {
                    if (!MontgomeryLimbs.IsScalar(bytes.Slice(i * 32, 32)))
                    {
                        throw Fail($"{field}[{j}][{i}]", "is not below r (the BN254 scalar field modulus)");
                    }
                }
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
