// SPDX-License-Identifier: MIT
using System.Buffers.Binary;

namespace ZkOptions.Cli.Tests;

/// <summary>
/// <c>setup --ptau</c> checks the ceremony file's powers before using them: the checked-in snarkjs ptau with one
/// point swapped or replaced (each still a valid curve point, so the file reads fine) is refused with exit 2, the
/// file and the section named, no stack trace and no key written. Before the check these files gave a key.
/// </summary>
public sealed class SetupPtauCheckTests : IDisposable
{
    private readonly string dir = Directory.CreateTempSubdirectory("zkoptions-cli-ptau-").FullName;

    public void Dispose() => Directory.Delete(dir, recursive: true);

    private static string V(string name) => CliRunner.RepoFile("vectors", "snarkjs", name);

    private string Out(string name) => Path.Combine(dir, name);

    private (int Exit, string Out, string Err) Setup(string ptau) =>
        CliRunner.Run("setup", "--r1cs", V("public_inputs.r1cs"), "--ptau", ptau, "--zkey", Out("k.zkey"));

    [Fact]
    public void The_snarkjs_ptau_passes_the_check()
    {
        var r = Setup(V("pot8_final.ptau"));
        Assert.True(r.Exit == 0, r.Err);
        Assert.True(File.Exists(Out("k.zkey")));
    }

    [Theory]
    [InlineData("g2-swap", "section 3 (tauG2): the powers are not consecutive")]
    [InlineData("g1-swap", "section 2 (tauG1): the powers are not consecutive")]
    [InlineData("g1-first", "section 2 (tauG1): point 0 is not the generator g1")]
    public void An_inconsistent_ptau_is_exit_2_naming_the_file_and_section_with_no_key(string change, string problem)
    {
        byte[] bytes = File.ReadAllBytes(V("pot8_final.ptau"));
        switch (change)
        {
            case "g2-swap": // powers 5 and 6 of τ in G2: setup itself only uses [τ]₂, so only the check sees this
                SwapPoints(bytes, section: 3, size: 128, 5, 6);
                break;
            case "g1-swap": // powers 3 and 4 of τ in G1, both inside the commitment key of a 2^3 domain
                SwapPoints(bytes, section: 2, size: 64, 3, 4);
                break;
            case "g1-first": // G1 point 0 replaced by [τ]₁, a valid point that is not the generator
                SectionSpan(bytes, 2).Slice(64, 64).CopyTo(SectionSpan(bytes, 2)[..64]);
                break;
        }
        string ptau = Out($"input-{change}.ptau");
        File.WriteAllBytes(ptau, bytes);

        var r = Setup(ptau);

        Assert.True(r.Exit == ExitCodes.BadInput, $"exit {r.Exit}: {r.Err}");
        Assert.Contains($"{ptau}: {problem}", r.Err);
        Assert.DoesNotContain("   at ", r.Err); // no stack trace
        var written = Directory.GetFiles(dir).Select(Path.GetFileName).Where(f => !f!.StartsWith("input-", StringComparison.Ordinal)).ToList();
        Assert.True(written.Count == 0, "left behind: " + string.Join(", ", written));
    }

    private static void SwapPoints(byte[] bytes, int section, int size, int i, int j)
    {
        Span<byte> body = SectionSpan(bytes, section);
        byte[] first = body.Slice(i * size, size).ToArray();
        body.Slice(j * size, size).CopyTo(body.Slice(i * size, size));
        first.CopyTo(body.Slice(j * size, size));
    }

    /// <summary>The body of section <paramref name="type"/> of an iden3 binary container.</summary>
    private static Span<byte> SectionSpan(byte[] file, int type)
    {
        int count = BinaryPrimitives.ReadInt32LittleEndian(file.AsSpan(8));
        int position = 12;
        for (int k = 0; k < count; k++)
        {
            int t = BinaryPrimitives.ReadInt32LittleEndian(file.AsSpan(position));
            int size = (int)BinaryPrimitives.ReadInt64LittleEndian(file.AsSpan(position + 4));
            if (t == type)
            {
                return file.AsSpan(position + 12, size);
            }
            position += 12 + size;
        }
        throw new InvalidOperationException($"section {type} not found");
    }
}
