// SPDX-License-Identifier: MIT
namespace ZkOptions.Cli.Tests;

/// <summary>
/// A directory where a file is expected is named as a directory (exit 2), not reported as "file not found" for a path
/// the user can see exists.
/// </summary>
public sealed class DirectoryAsFileTests : IDisposable
{
    private readonly string dir = Directory.CreateTempSubdirectory("zkoptions-dir-as-file-").FullName;

    public void Dispose() => Directory.Delete(dir, recursive: true);

    private static string V(string name) => CliRunner.RepoFile("vectors", "snarkjs", name);

    private string Out(string name) => Path.Combine(dir, name);

    /// <summary>Each file input, given the directory <c>{dir}</c>: the verb's arguments and the flag the message names.</summary>
    public static TheoryData<string, string> Cases => new()
    {
        { "verify --vk {dir} --proof {dir} --public {dir}", "--vk" },
        { "verify --vk VK --proof {dir} --public PUBLIC", "--proof" },
        { "prove --zkey ZKEY --witness {dir} --proof {out}/p.json --public {out}/s.json", "--witness" },
        { "setup --r1cs R1CS --ptau {dir} --zkey {out}/k.zkey", "--ptau" },
        { "export calldata --proof {dir} --public {dir}", "--proof" },
        { "precompile ecadd --input-file {dir}", "--input-file" },
        { "circuit check cubic --input {dir}", "--input" },
        { "circuit info --assembly {dir}", "--assembly" },
        { "setup --assembly {dir} --insecure-dev-srs 1 --zkey {out}/k.zkey", "--assembly" },
        { "eddsa sign --key-file {dir} --message 1", "--key-file" },
        { "simulate --scenario {dir} --out {out}/sim", "--scenario" },
        { "batch check {dir}", "FILE" },
        { "margin --state {dir} --account 1", "--state" },
        { "oracle epoch --market {dir} --out {out}/epoch.json", "--market" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void A_directory_given_for_a_file_is_named_as_a_directory(string line, string flag)
    {
        string[] args = [.. line.Split(' ').Select(a => a
            .Replace("{dir}", dir).Replace("{out}", dir)
            .Replace("VK", V("public_inputs.vkey.json")).Replace("PUBLIC", V("public_inputs.public.json"))
            .Replace("ZKEY", V("public_inputs.plonk.zkey")).Replace("R1CS", V("public_inputs.r1cs")))];
        var (exit, stdout, stderr) = CliRunner.Run(args);
        Assert.True(exit == ExitCodes.BadInput, $"exit {exit}\nstdout: {stdout}\nstderr: {stderr}");
        Assert.Contains($"zkoptions: {flag}: {dir} is a directory; give a file.", stderr);
        Assert.DoesNotContain("file not found", stderr);
    }
}
