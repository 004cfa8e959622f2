// SPDX-License-Identifier: MIT
using System.Numerics;
using ZkOptions.Field;
using ZkOptions.Prover.Formats;

namespace ZkOptions.Prover.Tests.Formats;

/// <summary>.wtns: values of snarkjs's own file, byte-exact writing, and every kind of broken file.</summary>
public sealed class WitnessFileTests
{
    [Fact]
    public void Reads_the_witness_snarkjs_computed_for_circuit_a()
    {
        Fr[] witness = WitnessFile.Read(FormatFiles.Wtns);
        Assert.Equal(FormatFiles.ExpectedWitness.Select(Fr.FromUInt64), witness);
    }

    [Fact]
    public void Write_reproduces_snarkjs_file_byte_for_byte()
    {
        using var dir = new ScratchDirectory();
        string path = dir.File("copy.wtns");
        WitnessFile.Write(path, WitnessFile.Read(FormatFiles.Wtns));
        Assert.Equal(File.ReadAllBytes(FormatFiles.Wtns), File.ReadAllBytes(path));
        Assert.Single(Directory.GetFiles(dir.Root)); // no temporary file left behind
    }

    [Fact]
    public void Large_witness_round_trips_through_the_parallel_conversion()
    {
        // More than one conversion block (2^14 values), with values across the whole range below r.
        var rng = new Random(7);
        Fr[] values = Enumerable.Range(0, 40_000).Select(i => i % 3 == 0 ? Fr.FromUInt64((ulong)i) : Fr.Random(rng)).ToArray();
        values[^1] = Fr.FromBigInteger(Fr.Modulus - 1);
        using var dir = new ScratchDirectory();
        string path = dir.File("big.wtns");
        WitnessFile.Write(path, values);
        Assert.Equal(values, WitnessFile.Read(path));
        // Independent decoding of one value: plain little-endian bytes at 12 + 12 + 40 + 12 + 32·i.
        byte[] bytes = File.ReadAllBytes(path);
        var v = new BigInteger(bytes.AsSpan(12 + 12 + 40 + 12 + 32 * 39_999, 32), isUnsigned: true);
        Assert.Equal(Fr.Modulus - 1, v);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(39_999)]
    public void A_value_not_below_r_is_an_error_naming_its_index(int index)
    {
        using var dir = new ScratchDirectory();
        string good = dir.File("good.wtns");
        WitnessFile.Write(good, Enumerable.Range(0, 40_000).Select(i => Fr.FromUInt64((ulong)i)).ToArray());
        byte[] bytes = File.ReadAllBytes(good);
        var (offset, _) = FormatFiles.Section(bytes, 2);
        Fr.Modulus.TryWriteBytes(bytes.AsSpan(offset + 32 * index, 32), out _, isUnsigned: true);
        string path = dir.Write("bad.wtns", bytes);
        FormatFiles.Fails(path, () => WitnessFile.Read(path), $"witness value {index} is ≥ r");
    }

    [Fact]
    public void A_witness_for_another_prime_is_rejected()
    {
        byte[] bytes = File.ReadAllBytes(FormatFiles.Wtns);
        var (offset, _) = FormatFiles.Section(bytes, 1);
        bytes[offset + 4] ^= 0x02; // change the prime
        using var dir = new ScratchDirectory();
        string path = dir.Write("other.wtns", bytes);
        FormatFiles.Fails(path, () => WitnessFile.Read(path), "not BN254's scalar field modulus r");

        bytes = File.ReadAllBytes(FormatFiles.Wtns);
        bytes[offset] = 48; // n8 of BLS12-381's scalar field would still be 32; 48 is a different field size
        path = dir.Write("n8.wtns", bytes);
        FormatFiles.Fails(path, () => WitnessFile.Read(path), "field elements are 48 bytes");
    }

    [Fact]
    public void Count_and_section_size_must_agree()
    {
        byte[] bytes = File.ReadAllBytes(FormatFiles.Wtns);
        var (offset, _) = FormatFiles.Section(bytes, 1);
        bytes[offset + 36] = 8; // nWitness 7 → 8
        using var dir = new ScratchDirectory();
        string path = dir.Write("count.wtns", bytes);
        FormatFiles.Fails(path, () => WitnessFile.Read(path), "section 2", "224 bytes", "expected 256");
    }

    [Fact]
    public void Truncated_files_are_rejected_at_every_cut()
    {
        byte[] bytes = File.ReadAllBytes(FormatFiles.Wtns);
        using var dir = new ScratchDirectory();
        foreach (int cut in new[] { 0, 3, 11, 12, 20, 30, 63, 64, 100, bytes.Length - 1 })
        {
            string path = dir.Write($"cut{cut}.wtns", bytes[..cut]);
            var e = FormatFiles.Fails(path, () => WitnessFile.Read(path));
            Assert.Matches("too short|truncated", e.Problem);
        }
    }

    [Fact]
    public void Other_snarkjs_files_are_not_witnesses()
    {
        FormatFiles.Fails(FormatFiles.Groth16Zkey, () => WitnessFile.Read(FormatFiles.Groth16Zkey), "not a .wtns file", "\"zkey\"");
        FormatFiles.Fails(FormatFiles.R1cs, () => WitnessFile.Read(FormatFiles.R1cs), "not a .wtns file", "\"r1cs\"");
        FormatFiles.Fails(FormatFiles.Proof, () => WitnessFile.Read(FormatFiles.Proof), "not a .wtns file");
    }

    [Fact]
    public void A_missing_file_is_an_input_file_error()
    {
        string path = Path.Combine(Path.GetTempPath(), "zkoptions-no-such-file.wtns");
        FormatFiles.Fails(path, () => WitnessFile.Read(path), "cannot open");
    }
}
