// SPDX-License-Identifier: MIT
using System.Numerics;
using System.Text.Json;
using ZkOptions.Field.Hashing;
using ZkOptions.Field.Tests.Support;

namespace ZkOptions.Field.Tests.Hashing;

/// <summary>
/// Poseidon against circomlibjs 0.1.7 (vectors/circomlib/poseidon.json: every width, zeros, small, r − 1 and random
/// inputs, full-state permutations), plus the parameter API and the validation of the embedded constants.
/// </summary>
public sealed class PoseidonTests
{
    private static readonly JsonElement Doc = JsonDocument.Parse(File.ReadAllText(RepoPaths.Vector("circomlib", "poseidon.json"))).RootElement;

    private static Fr[] Elements(JsonElement array) => array.EnumerateArray().Select(e => Fr.Parse(e.GetString()!)).ToArray();

    [Fact]
    public void Every_circomlibjs_hash_matches()
    {
        var widths = new HashSet<int>();
        int count = 0;
        foreach (var c in Doc.GetProperty("cases").EnumerateArray())
        {
            Fr[] inputs = Elements(c.GetProperty("inputs"));
            Assert.Equal(c.GetProperty("nInputs").GetInt32(), inputs.Length);
            string expected = c.GetProperty("output").GetString()!;
            Assert.True(expected == Poseidon.Hash(inputs).ToString(), $"Poseidon({inputs.Length} inputs, {c.GetProperty("label").GetString()})");
            Assert.Equal(expected, Poseidon.Hash((ReadOnlySpan<Fr>)inputs).ToString());
            widths.Add(inputs.Length);
            count++;
        }
        Assert.Equal(Enumerable.Range(1, 16), widths.Order());
        Assert.True(count >= 96, $"read {count} cases");
    }

    [Fact]
    public void Every_circomlibjs_full_state_permutation_matches()
    {
        int count = 0;
        foreach (var c in Doc.GetProperty("permutations").EnumerateArray())
        {
            Fr[] state = Elements(c.GetProperty("state"));
            Assert.Equal(c.GetProperty("width").GetInt32(), state.Length);
            Poseidon.Permute(state);
            Assert.Equal(Elements(c.GetProperty("output")), state);
            count++;
        }
        Assert.Equal(16, count);
    }

    [Fact]
    public void Circomlibs_published_values()
    {
        // circomlibjs test/poseidon.js and circomlib test/poseidoncircuit.js.
        Assert.Equal("7853200120776062878684798364095072458815029376092732009249414926327459813530",
            Poseidon.Hash(Fr.FromUInt64(1), Fr.FromUInt64(2)).ToString());
        Assert.Equal("18821383157269793795438455681495246036402687001665670618754263018637548127333",
            Poseidon.Hash(Fr.FromUInt64(1), Fr.FromUInt64(2), Fr.FromUInt64(3), Fr.FromUInt64(4)).ToString());
    }

    [Fact]
    public void The_optimised_permutation_equals_the_textbook_one_for_every_width()
    {
        var rng = new Random(11);
        for (int t = 2; t <= 17; t++)
        {
            var p = PoseidonParameters.ForWidth(t);
            Assert.Equal(8 * t + p.PartialRounds, p.Optimized.Constants.Length);
            Assert.Equal(p.PartialRounds * (2 * t - 1), p.Optimized.Sparse.Length);
            for (int trial = 0; trial < 4; trial++)
            {
                Fr[] state = trial == 0 ? new Fr[t] : Enumerable.Range(0, t).Select(_ => Fr.Random(rng)).ToArray();
                Fr[] reference = (Fr[])state.Clone();
                Poseidon.PermuteReference(reference, p);
                Poseidon.Permute(state);
                Assert.Equal(reference, state);
            }
        }
    }

    [Fact]
    public void Hash_is_the_permutation_of_zero_followed_by_the_inputs()
    {
        var rng = new Random(5);
        for (int n = 1; n <= 16; n++)
        {
            Fr[] inputs = Enumerable.Range(0, n).Select(_ => Fr.Random(rng)).ToArray();
            Fr[] state = [Fr.Zero, .. inputs];
            Poseidon.Permute(state);
            Assert.Equal(state[0], Poseidon.Hash(inputs));
        }
    }

    /// <summary>
    /// A textbook Poseidon written only against the public parameter API, with the MDS applied as
    /// new[i] = Σ_j Mds(i, j)·state[j]. It reproduces circomlibjs, and the transposed product does not, which pins
    /// the orientation the doc comment of <see cref="PoseidonParameters.Mds"/> states.
    /// </summary>
    [Fact]
    public void The_public_parameters_reproduce_circomlibjs_with_the_documented_MDS_orientation()
    {
        foreach (var c in Doc.GetProperty("cases").EnumerateArray().Where(c => c.GetProperty("label").GetString() == "random").Take(16 * 3).Where((_, i) => i % 3 == 0))
        {
            Fr[] inputs = Elements(c.GetProperty("inputs"));
            string expected = c.GetProperty("output").GetString()!;
            Assert.Equal(expected, Textbook(inputs, transposed: false).ToString());
            Assert.NotEqual(expected, Textbook(inputs, transposed: true).ToString());
        }
    }

    private static Fr Textbook(Fr[] inputs, bool transposed)
    {
        var p = PoseidonParameters.ForInputs(inputs.Length);
        int t = p.Width;
        Fr[] state = [Fr.Zero, .. inputs];
        Fr[] c = p.RoundConstants.ToArray();
        for (int r = 0; r < p.FullRounds + p.PartialRounds; r++)
        {
            for (int i = 0; i < t; i++)
            {
                state[i] += c[r * t + i];
            }
            bool full = r < p.FullRounds / 2 || r >= p.FullRounds / 2 + p.PartialRounds;
            for (int i = 0; i < (full ? t : 1); i++)
            {
                state[i] = state[i].Pow(5);
            }
            var next = new Fr[t];
            for (int i = 0; i < t; i++)
            {
                for (int j = 0; j < t; j++)
                {
                    next[i] += (transposed ? p.Mds(j, i) : p.Mds(i, j)) * state[j];
                }
            }
            state = next;
        }
        return state[0];
    }

    [Fact]
    public void Parameters_have_circomlibs_shape_and_values()
    {
        int[] partial = [56, 57, 56, 60, 60, 63, 64, 63, 60, 66, 60, 65, 70, 60, 64, 68];
        for (int n = 1; n <= 16; n++)
        {
            var p = PoseidonParameters.ForInputs(n);
            Assert.Equal(n + 1, p.Width);
            Assert.Equal(8, p.FullRounds);
            Assert.Equal(partial[n - 1], p.PartialRounds);
            Assert.Equal((8 + partial[n - 1]) * (n + 1), p.RoundConstants.Length);
            Assert.Same(p, PoseidonParameters.ForWidth(n + 1));
        }
        // First entries of circomlibjs src/poseidon_constants.json for t = 2 (C[0][0], M[0][0][1], M[0][1][0]).
        var t2 = PoseidonParameters.ForInputs(1);
        Assert.Equal(Hex("09c46e9ec68e9bd4fe1faaba294cba38a71aa177534cdd1b6c7dc0dbd0abd7a7"), t2.RoundConstants[0]);
        Assert.Equal(Hex("066f6f85d6f68a85ec10345351a23a3aaf07f38af8c952a7bceca70bd2af7ad5"), t2.Mds(0, 0));
        Assert.Equal(Hex("2b9d4b4110c9ae997782e1509b1d0fdb20a7c02bbd8bea7305462b9f8125b1e8"), t2.Mds(0, 1));
        Assert.Equal(Hex("0cc57cdbb08507d62bf67a4493cc262fb6c09d557013fff1f573f431221f8ff9"), t2.Mds(1, 0));
        Assert.Equal(Hex("1274e649a32ed355a31a6ed69724e1adade857e86eb5c3a121bcd147943203c8"), t2.Mds(1, 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => t2.Mds(2, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => t2.Mds(0, -1));
    }

    private static Fr Hex(string hex) => Fr.ReadBytes(Convert.FromHexString(hex), ByteOrder.BigEndian);

    [Theory]
    [InlineData(0)]
    [InlineData(17)]
    [InlineData(-1)]
    public void An_unsupported_input_count_is_an_argument_exception_that_says_the_range(int n)
    {
        var e = Assert.Throws<ArgumentException>(() => Poseidon.Hash(new Fr[Math.Max(n, 0)]));
        if (n >= 0)
        {
            Assert.Contains("1 to 16 inputs", e.Message);
            Assert.Contains($"got {n}", e.Message);
        }
        var e2 = Assert.Throws<ArgumentException>(() => PoseidonParameters.ForInputs(n));
        Assert.Contains("1 to 16 inputs", e2.Message);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(18)]
    public void Permute_refuses_widths_without_parameters(int t)
    {
        var e = Assert.Throws<ArgumentException>(() => Poseidon.Permute(new Fr[t]));
        Assert.Contains("2 to 17", e.Message);
    }

    [Fact]
    public void Hashing_does_not_allocate()
    {
        Fr[] inputs = [Fr.FromUInt64(1), Fr.FromUInt64(2), Fr.FromUInt64(3), Fr.FromUInt64(4), Fr.FromUInt64(5)];
        Poseidon.Hash((ReadOnlySpan<Fr>)inputs); // load the constants and JIT
        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 20; i++)
        {
            Poseidon.Hash((ReadOnlySpan<Fr>)inputs);
        }
        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }

    // ------------------------------------------------------------------ the embedded constants file

    private static byte[] FileBytes() => File.ReadAllBytes(Path.Combine(RepoPaths.Root, "src", "Field", "Hashing", "poseidon-constants.bin"));

    [Fact]
    public void The_embedded_resource_is_the_checked_in_file()
    {
        using var stream = typeof(Poseidon).Assembly.GetManifestResourceStream(PoseidonConstants.ResourceName);
        Assert.NotNull(stream);
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        Assert.Equal(FileBytes(), copy.ToArray());
    }

    [Fact]
    public void The_loader_accepts_the_file_and_counts_every_value()
    {
        var all = PoseidonConstants.Parse(FileBytes());
        Assert.Equal(16, all.Length);
        long values = all.Sum(p => (long)p.RoundConstants.Length + p.Width * p.Width);
        Assert.Equal(12638, values);
        Assert.Equal(20 + 16 * 8 + values * 32, FileBytes().Length);
    }

    [Fact]
    public void The_loader_rejects_a_bad_magic_version_or_count()
    {
        AssertRejected(b => b[0] ^= 1, "magic");
        AssertRejected(b => b[8] = 2, "format version is 2");
        AssertRejected(b => b[12] = 15, "number of widths is 15");
        AssertRejected(b => b[16] = 9, "full rounds is 9");
        AssertRejected(b => b[20] = 3, "width of block 0 is 3");
        AssertRejected(b => b[24] = 55, "partial rounds for t = 2 is 55");
    }

    [Fact]
    public void The_loader_rejects_a_value_not_below_r()
    {
        // The first round constant for t = 2 starts at offset 28; 0xff… is ≥ r.
        AssertRejected(b => b.AsSpan(28, 32).Fill(0xFF), "C[t=2][0] is not below the modulus r");
        // The last MDS entry of t = 17 is the file's last 32 bytes; r itself is not below r.
        AssertRejected(b => Fr.Modulus.TryWriteBytes(b.AsSpan(b.Length - 32), out _, isUnsigned: true, isBigEndian: true),
            "M[t=17][16][16] is not below the modulus r");
    }

    [Fact]
    public void The_loader_rejects_truncation_and_trailing_bytes()
    {
        byte[] file = FileBytes();
        var e = Assert.Throws<InvalidDataException>(() => PoseidonConstants.Parse(file.AsSpan(0, file.Length - 1)));
        Assert.Contains("ends", e.Message);
        e = Assert.Throws<InvalidDataException>(() => PoseidonConstants.Parse([.. file, 0]));
        Assert.Contains("1 unexpected bytes", e.Message);
        Assert.Throws<InvalidDataException>(() => PoseidonConstants.Parse(file.AsSpan(0, 10)));
    }

    private static void AssertRejected(Action<byte[]> corrupt, string message)
    {
        byte[] file = FileBytes();
        corrupt(file);
        var e = Assert.Throws<InvalidDataException>(() => PoseidonConstants.Parse(file));
        Assert.Contains(message, e.Message);
    }
}
