// SPDX-License-Identifier: MIT
using ZkOptions.Cli.Tests.Support;

namespace ZkOptions.Cli.Tests;

/// <summary>
/// Exit codes, verb by verb: bad input or usage exits 2 with the flag or file named on stderr and no stack trace;
/// a tampered proof, a forged signature and an unsatisfied circuit exit 1.
/// </summary>
public sealed class ExitCodeTests(PipelineInputs inputs) : IClassFixture<PipelineInputs>
{
    // A field rather than the bare parameter, so that the case table's lambdas can reach it through the test instance.
    private readonly PipelineInputs inputs = inputs;

    private static string V(string name) => PipelineInputs.Vector(name);

    private string Garbage(string name, string text = "this is not the file you are looking for")
    {
        string path = inputs.Fresh(name);
        File.WriteAllText(path, text);
        return path;
    }

    private string MissingDirectory(string name) => Path.Combine(inputs.Dir, "no-such-directory", name);

    /// <summary>For each verb, a bad input: its arguments and what stderr must name.</summary>
    public static TheoryData<string> BadInputCases => new(BadInputs.Keys);

    private static readonly Dictionary<string, Func<ExitCodeTests, (string[] Args, string Named)>> BadInputs = new()
    {
        ["demo: output directory under a missing one"] = t => (["demo", "--out", t.MissingDirectory("demo")], "--out: the parent directory"),
        ["demo: negative threads"] = t => (["demo", "--out", t.inputs.Fresh("demo"), "--threads", "-2"], "--threads"),
        ["prove: missing zkey"] = t => (["prove", "--zkey", t.inputs.Fresh("none.zkey"), "--witness", V("public_inputs.wtns"),
            "--proof", t.inputs.Fresh("p.json"), "--public", t.inputs.Fresh("s.json")], "--zkey: file not found"),
        ["prove: negative threads"] = t => (["prove", "--zkey", V("public_inputs.plonk.zkey"), "--witness", V("public_inputs.wtns"),
            "--proof", t.inputs.Fresh("p.json"), "--public", t.inputs.Fresh("s.json"), "--threads", "-1"], "--threads: -1 is negative"),
        ["verify: proof not JSON"] = t =>
        {
            string proof = t.Garbage("proof.json");
            return (["verify", "--vk", V("public_inputs.vkey.json"), "--proof", proof, "--public", V("public_inputs.public.json")], proof);
        },
        ["setup: r1cs not an r1cs"] = t =>
        {
            string r1cs = t.Garbage("circuit.r1cs");
            return (["setup", "--r1cs", r1cs, "--ptau", V("pot8_final.ptau"), "--zkey", t.inputs.Fresh("k.zkey")], r1cs);
        },
        ["setup: negative threads"] = t => (["setup", "--r1cs", V("public_inputs.r1cs"), "--ptau", V("pot8_final.ptau"), "--zkey", t.inputs.Fresh("k.zkey"),
            "--threads", "-4"], "--threads: -4 is negative"),
        ["zkey export-vk: not a zkey"] = t =>
        {
            string zkey = t.Garbage("key.zkey");
            return (["zkey", "export-vk", "--zkey", zkey, "--vk", t.inputs.Fresh("vk.json")], zkey);
        },
        ["export solidity: keyword as contract name"] = t => (["export", "solidity", "--vk", V("public_inputs.vkey.json"), "--out", t.inputs.Fresh("V.sol"),
            "--contract-name", "contract"], "--contract-name"),
        ["export calldata: public signals not JSON"] = t =>
        {
            string publicPath = t.Garbage("public.json");
            return (["export", "calldata", "--proof", V("public_inputs.proof.json"), "--public", publicPath], publicPath);
        },
        ["precompile ecadd: not hex"] = _ => (["precompile", "ecadd", "--input", "0xzz"], "--input: 'z' at position 0 is not a hex digit"),
        ["precompile ecmul: point off the curve"] = _ => (["precompile", "ecmul", "--input", "0x" + new string('0', 63) + "1" + new string('0', 63) + "3"],
            "--input: point is not on the curve"),
        ["precompile ecpairing: bad length"] = t => (["precompile", "ecpairing", "--input-file", t.Garbage("pairing.hex", "00")], "pairing.hex: "),
        ["circuit list: stray argument"] = _ => (["circuit", "list", "extra"], "'extra'"),
        ["circuit info: unknown circuit"] = _ => (["circuit", "info", "no-such-circuit"], "unknown circuit 'no-such-circuit'"),
        ["circuit check: input not JSON"] = t =>
        {
            string input = t.Garbage("input.json");
            return (["circuit", "check", "cubic", "--input", input], input);
        },
        ["circuit witness: output directory missing"] = t => (["circuit", "witness", "cubic", "--input", t.inputs.CubicGood, "--out", t.MissingDirectory("w.wtns")],
            "--out: the directory"),
        ["circuit export-r1cs: output directory missing"] = t => (["circuit", "export-r1cs", "cubic", "--out", t.MissingDirectory("c.r1cs")], "--out: the directory"),
        ["hash poseidon: not a number"] = _ => (["hash", "poseidon", "1", "abc"], "input 2 \"abc\""),
        ["eddsa keygen: output directory missing"] = t => (["eddsa", "keygen", "--out", t.MissingDirectory("k.key")], "--out: the directory"),
        ["eddsa sign: short key"] = _ => (["eddsa", "sign", "--key", "0x1234", "--message", "1"], "--key: a private key is 32 bytes"),
        ["eddsa verify: member missing"] = t =>
        {
            string sig = t.Garbage("sig.json", """{"publicKey": {"Ax": "1", "Ay": "2"}, "message": "3"}""");
            return (["eddsa", "verify", "--input", sig], $"{sig}: \"signature\" is missing");
        },
        ["simulate: scenario not JSON"] = t =>
        {
            string scenario = t.Garbage("scenario.json");
            return (["simulate", "--scenario", scenario, "--out", t.inputs.Fresh("run")], scenario);
        },
        ["batch check: batch not JSON"] = t =>
        {
            string batch = t.Garbage("batch-0001.json");
            return (["batch", "check", batch], batch);
        },
        ["margin: negative account"] = t => (["margin", "--state", t.inputs.State, "--account", "-1"], "--account: -1 is negative"),
        ["oracle epoch: market not JSON"] = t =>
        {
            string market = t.Garbage("market.json");
            return (["oracle", "epoch", "--market", market, "--out", t.inputs.Fresh("epoch.json")], market);
        },
        ["serve: batch cap out of range"] = t => (["serve", "--data", t.inputs.Fresh("seq"), "--max-batch", "0"], "--max-batch: 0 is outside 1 to 4096"),
        ["serve: parameters not JSON"] = t =>
        {
            string parameters = t.Garbage("parameters.json");
            return (["serve", "--data", t.inputs.Fresh("seq2"), "--parameters", parameters], parameters);
        },
        ["loadgen: not an http URL"] = t => (["loadgen", "--url", "ftp://127.0.0.1/"], "--url: 'ftp://127.0.0.1/' is not an http(s) URL"),
        ["loadgen: taker share out of range"] = t => (["loadgen", "--url", "http://127.0.0.1:9/", "--taker-share", "2"], "--taker-share: 2 is outside 0 to 1"),
        ["oracle epoch: output directory missing"] = t => (["oracle", "epoch", "--market", PipelineInputs.Repo("vectors", "settlement", "market-default.json"),
            "--out", t.MissingDirectory("epoch.json")], "--out: the directory"),
    };

    [Theory]
    [MemberData(nameof(BadInputCases))]
    public void Bad_input_exits_2_naming_the_flag_or_file_without_a_stack_trace(string name)
    {
        var (args, named) = BadInputs[name](this);
        var (exit, stdout, stderr) = CliRunner.Run(args);
        Assert.True(exit == ExitCodes.BadInput, $"exit {exit}\nstdout: {stdout}\nstderr: {stderr}");
        Assert.Contains(named, stderr);
        Assert.StartsWith("zkoptions: ", stderr);
        Assert.DoesNotContain("   at ", stderr);
        Assert.DoesNotContain("internal error", stderr);
    }

    [Fact]
    public void Every_verb_has_a_bad_input_case()
    {
        var covered = BadInputs.Keys.Select(k => k[..k.IndexOf(':')]).ToHashSet();
        foreach (var verb in JsonOutputTestsVerbs())
        {
            Assert.True(covered.Contains(verb), $"'{verb}' has no bad-input case in {nameof(ExitCodeTests)}");
        }

        static IEnumerable<string> JsonOutputTestsVerbs()
        {
            var stack = new Stack<(string Path, System.CommandLine.Command Command)>([("", CliApp.BuildRootCommand())]);
            while (stack.TryPop(out var item))
            {
                if (item.Command.Subcommands.Count == 0)
                {
                    yield return item.Path;
                }
                foreach (var sub in item.Command.Subcommands)
                {
                    stack.Push(((item.Path + " " + sub.Name).Trim(), sub));
                }
            }
        }
    }

    [Fact]
    public void A_key_point_off_the_curve_found_by_a_parallel_reader_exits_2_naming_the_key()
    {
        // Section 14 of a .zkey holds the powers of tau, read and curve-checked in parallel blocks while proving.
        byte[] bytes = File.ReadAllBytes(V("public_inputs.plonk.zkey"));
        long offset = 12;
        while (System.Buffers.Binary.BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan((int)offset)) != 14)
        {
            offset += 12 + System.Buffers.Binary.BinaryPrimitives.ReadInt64LittleEndian(bytes.AsSpan((int)offset + 4));
        }
        bytes[offset + 12 + 64 + 40] ^= 0x01; // point 1's y, in its low limbs: still below q, now off the curve
        string zkey = inputs.Fresh("bad-point.zkey");
        File.WriteAllBytes(zkey, bytes);
        var (exit, _, stderr) = CliRunner.Run("prove", "--zkey", zkey, "--witness", V("public_inputs.wtns"),
            "--proof", inputs.Fresh("p.json"), "--public", inputs.Fresh("s.json"), "--device", "cpu");
        Assert.True(exit == ExitCodes.BadInput, $"exit {exit}: {stderr}");
        Assert.Contains(zkey, stderr);
        Assert.Contains("not on the curve", stderr);
    }

    [Fact]
    public void A_tampered_proof_exits_1()
    {
        var (exit, _, stderr) = CliRunner.Run("verify", "--vk", V("public_inputs.vkey.json"), "--proof", inputs.TamperedProof, "--public", V("public_inputs.public.json"));
        Assert.Equal(ExitCodes.Rejected, exit);
        Assert.Contains("INVALID", stderr);
    }

    [Fact]
    public void A_forged_signature_exits_1()
    {
        var (exit, stdout, _) = CliRunner.Run("eddsa", "verify", "--input", inputs.ForgedSignature);
        Assert.Equal(ExitCodes.Rejected, exit);
        Assert.Equal("invalid", stdout.Trim());
    }

    [Theory]
    [InlineData("check")]
    [InlineData("witness")]
    [InlineData("prove")]
    public void An_unsatisfied_circuit_exits_1_naming_the_constraint(string verb)
    {
        string[] args = verb switch
        {
            "check" => ["circuit", "check", "cubic", "--input", inputs.CubicBad],
            "witness" => ["circuit", "witness", "cubic", "--input", inputs.CubicBad, "--out", inputs.Fresh("w.wtns")],
            _ => ["prove", "--zkey", V("public_inputs.plonk.zkey"), "--circuit", "cubic", "--input", inputs.CubicBad,
                "--proof", inputs.Fresh("p.json"), "--public", inputs.Fresh("s.json")],
        };
        var (exit, stdout, stderr) = CliRunner.Run(args);
        Assert.Equal(ExitCodes.Rejected, exit);
        Assert.Contains("assert a == b failed", stdout + stderr);
    }
}
