// SPDX-License-Identifier: MIT
using System.CommandLine;
using System.Text.Json.Nodes;
using ZkOptions.Cli.Output;
using ZkOptions.Cli.Tests.Support;

namespace ZkOptions.Cli.Tests;

/// <summary>
/// The --json contract for pipelines: every verb prints exactly one JSON object on stdout, which matches the verb's
/// schema in docs/schemas (or error.schema.json when it fails), with "ok" and "exitCode" agreeing with the exit code.
/// </summary>
public sealed class JsonOutputTests(PipelineInputs inputs) : IClassFixture<PipelineInputs>
{
    private static string V(string name) => PipelineInputs.Vector(name);

    /// <summary>
    /// One run of each verb on a real small input, and of each way a verb can answer "no" (exit 1), by case name:
    /// the schema it must match, its arguments (without --json) and its exit code.
    /// </summary>
    private static readonly Dictionary<string, (string Schema, Func<PipelineInputs, string[]> Args, int Exit)> Cases = new()
    {
        ["prove"] = ("prove", i => ["prove", "--zkey", V("public_inputs.plonk.zkey"), "--witness", V("public_inputs.wtns"),
            "--proof", i.Fresh("proof.json"), "--public", i.Fresh("public.json"), "--device", "cpu", "--threads", "1"], 0),
        ["prove (unsatisfied input)"] = ("prove", i => ["prove", "--zkey", V("public_inputs.plonk.zkey"), "--circuit", "cubic", "--input", i.CubicBad,
            "--proof", i.Fresh("proof.json"), "--public", i.Fresh("public.json")], 1),
        ["verify"] = ("verify", _ => ["verify", "--vk", V("public_inputs.vkey.json"), "--proof", V("public_inputs.proof.json"), "--public", V("public_inputs.public.json")], 0),
        ["verify (tampered proof)"] = ("verify", i => ["verify", "--vk", V("public_inputs.vkey.json"), "--proof", i.TamperedProof, "--public", V("public_inputs.public.json")], 1),
        ["setup"] = ("setup", i => ["setup", "--r1cs", V("public_inputs.r1cs"), "--ptau", V("pot8_final.ptau"), "--zkey", i.Fresh("k.zkey"), "--device", "cpu"], 0),
        ["zkey export-vk"] = ("zkey-export-vk", i => ["zkey", "export-vk", "--zkey", V("public_inputs.plonk.zkey"), "--vk", i.Fresh("vk.json")], 0),
        ["export solidity"] = ("export-solidity", i => ["export", "solidity", "--vk", V("public_inputs.vkey.json"), "--out", i.Fresh("Verifier.sol")], 0),
        ["export calldata"] = ("export-calldata", _ => ["export", "calldata", "--proof", V("public_inputs.proof.json"), "--public", V("public_inputs.public.json")], 0),
        ["export calldata (hex)"] = ("export-calldata", _ => ["export", "calldata", "--proof", V("public_inputs.proof.json"), "--public", V("public_inputs.public.json"), "--format", "hex"], 0),
        ["precompile ecadd"] = ("precompile-ecadd", _ => ["precompile", "ecadd", "--input", "0x"], 0),
        ["precompile ecmul"] = ("precompile-ecmul", _ => ["precompile", "ecmul", "--input", "0x" + new string('0', 63) + "1" + new string('0', 63) + "2" + new string('0', 63) + "3"], 0),
        ["precompile ecpairing"] = ("precompile-ecpairing", _ => ["precompile", "ecpairing", "--input-file", PipelineInputs.Repo("vectors", "examples", "pairing-generators.hex")], 0),
        ["circuit list"] = ("circuit-list", _ => ["circuit", "list"], 0),
        ["circuit info"] = ("circuit-info", _ => ["circuit", "info", "price-band"], 0),
        ["circuit info (v2)"] = ("circuit-info", _ => ["circuit", "info", "price-band", "--system", "v2"], 0),
        ["circuit check"] = ("circuit-check", i => ["circuit", "check", "cubic", "--input", i.CubicGood], 0),
        ["circuit check (v2)"] = ("circuit-check", i => ["circuit", "check", "cubic", "--system", "v2", "--input", i.CubicGood], 0),
        ["circuit check (v2, unsatisfied)"] = ("circuit-check", i => ["circuit", "check", "cubic", "--system", "v2", "--input", i.CubicBad], 1),
        ["circuit check (unsatisfied)"] = ("circuit-check", i => ["circuit", "check", "cubic", "--input", i.CubicBad], 1),
        ["circuit witness"] = ("circuit-witness", i => ["circuit", "witness", "cubic", "--input", i.CubicGood, "--out", i.Fresh("cubic.wtns")], 0),
        ["circuit witness (unsatisfied)"] = ("circuit-witness", i => ["circuit", "witness", "cubic", "--input", i.CubicBad, "--out", i.Fresh("cubic.wtns")], 1),
        ["circuit export-r1cs"] = ("circuit-export-r1cs", i => ["circuit", "export-r1cs", "cubic", "--out", i.Fresh("cubic.r1cs")], 0),
        ["hash poseidon"] = ("hash-poseidon", _ => ["hash", "poseidon", "1", "0x02"], 0),
        ["eddsa keygen"] = ("eddsa-keygen", _ => ["eddsa", "keygen"], 0),
        ["eddsa keygen --out"] = ("eddsa-keygen", i => ["eddsa", "keygen", "--out", i.Fresh("alice.key")], 0),
        ["eddsa sign"] = ("eddsa-sign", _ => ["eddsa", "sign", "--key", PipelineInputs.PrivateKeyHex, "--message", "0x2a"], 0),
        ["eddsa verify"] = ("eddsa-verify", i => ["eddsa", "verify", "--input", i.Signature], 0),
        ["eddsa verify (forged)"] = ("eddsa-verify", i => ["eddsa", "verify", "--input", i.ForgedSignature], 1),
        ["simulate"] = ("simulate", i => ["simulate", "--out", i.Fresh("run"), "--max-batch", "8"], 0),
        ["batch check"] = ("batch-check", i => ["batch", "check", i.SmallBatch, "--parameters", i.SmallBatchParameters], 0),
        ["margin"] = ("margin", i => ["margin", "--state", i.State, "--account", "3"], 0),
        ["oracle epoch"] = ("oracle-epoch", i => ["oracle", "epoch", "--market", PipelineInputs.Repo("vectors", "settlement", "market-default.json"),
            "--out", i.Fresh("epoch.json"), "--oracle-key", PipelineInputs.PrivateKeyHex], 0),
    };

    /// <summary>
    /// Verbs too slow to run a second time here, whose one run elsewhere checks its object against its schema with
    /// <see cref="RunJson"/> and <see cref="AssertMatches"/>.
    /// </summary>
    private static readonly Dictionary<string, string> CheckedElsewhere = new()
    {
        ["demo"] = nameof(DemoCommandTests),
        ["serve"] = nameof(ServeAndLoadgenJsonTests),
        ["loadgen"] = nameof(ServeAndLoadgenJsonTests),
    };

    public static TheoryData<string> CaseNames => new(Cases.Keys);

    private static string SchemaPath(string name) => PipelineInputs.Repo("docs", "schemas", $"{name}.schema.json");

    private static JsonNode Schema(string name) => JsonNode.Parse(File.ReadAllText(SchemaPath(name)))!;

    /// <summary>Runs with --json and returns the one object stdout holds (failing when it holds anything else).</summary>
    internal static (int Exit, JsonObject Json, string Err) RunJson(params string[] args)
    {
        var (exit, stdout, stderr) = CliRunner.Run([.. args, "--json"]);
        string[] lines = stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.True(lines.Length == 1, $"stdout must hold exactly one line (one JSON object), got {lines.Length}:\n{stdout}\nstderr:\n{stderr}");
        var json = JsonNode.Parse(lines[0]) as JsonObject;
        Assert.True(json is not null, $"stdout is not a JSON object: {lines[0]}");
        Assert.Equal(exit == ExitCodes.Ok, (bool)json["ok"]!);
        Assert.Equal(exit, (int)json["exitCode"]!);
        Assert.DoesNotContain("   at ", stderr);
        return (exit, json, stderr);
    }

    internal static void AssertMatches(string schema, JsonObject json)
    {
        var errors = JsonSchemaValidator.Validate(Schema(schema), json);
        Assert.True(errors.Count == 0, $"{schema}.schema.json rejects {json.ToJsonString()}:\n{string.Join("\n", errors)}");
    }

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void Each_verb_prints_one_object_that_matches_its_schema(string name)
    {
        var (schema, args, expectedExit) = Cases[name];
        var (exit, json, stderr) = RunJson(args(inputs));
        Assert.True(exit == expectedExit, $"exit {exit}, expected {expectedExit}: {json.ToJsonString()}\n{stderr}");
        AssertMatches(schema, json);
        if (exit != ExitCodes.Ok)
        {
            Assert.False(string.IsNullOrWhiteSpace((string?)json["error"]), "a rejection says why in \"error\"");
        }
    }

    private static List<string[]> Verbs() =>
        [.. CommandTree.Walk(CliApp.BuildRootCommand()).Where(c => c.Command.Subcommands.Count == 0).Select(c => c.Path)];

    [Fact]
    public void Every_verb_has_a_schema_and_a_case_that_checks_its_output_against_it()
    {
        var verbs = Verbs();
        Assert.True(verbs.Count >= 21, $"found only {verbs.Count} verbs");
        var checkedSchemas = Cases.Values.Where(c => c.Exit == ExitCodes.Ok).Select(c => c.Schema).Concat(CheckedElsewhere.Keys).ToHashSet();
        foreach (string[] verb in verbs)
        {
            string schema = string.Join('-', verb);
            Assert.True(File.Exists(SchemaPath(schema)), $"'{string.Join(' ', verb)}' has no docs/schemas/{schema}.schema.json");
            Assert.True(checkedSchemas.Contains(schema), $"'{string.Join(' ', verb)}' has no successful case in {nameof(JsonOutputTests)}.{nameof(Cases)}");
        }
        // And no schema outlives its verb.
        var expected = verbs.Select(v => string.Join('-', v)).Append("error").ToHashSet();
        foreach (string file in Directory.GetFiles(PipelineInputs.Repo("docs", "schemas"), "*.schema.json"))
        {
            string name = Path.GetFileName(file)[..^".schema.json".Length];
            Assert.True(expected.Contains(name), $"docs/schemas/{name}.schema.json describes no verb");
        }
    }

    [Fact]
    public void Every_schema_describes_each_field_for_users()
    {
        foreach (string file in Directory.GetFiles(PipelineInputs.Repo("docs", "schemas"), "*.schema.json"))
        {
            JsonObject schema = JsonNode.Parse(File.ReadAllText(file))!.AsObject();
            Assert.Equal("https://json-schema.org/draft/2020-12/schema", (string)schema["$schema"]!);
            foreach (var (path, property) in Properties(schema, "$"))
            {
                Assert.True(property["description"] is not null, $"{Path.GetFileName(file)}: {path} has no description");
            }
        }

        static IEnumerable<(string Path, JsonObject Property)> Properties(JsonObject schema, string path)
        {
            foreach (var variant in schema["oneOf"]?.AsArray() ?? [])
            {
                foreach (var found in Properties(variant!.AsObject(), path))
                {
                    yield return found;
                }
            }
            foreach (var (name, property) in schema["properties"]?.AsObject() ?? [])
            {
                yield return ($"{path}.{name}", property!.AsObject());
                foreach (var found in Properties(property.AsObject(), $"{path}.{name}"))
                {
                    yield return found;
                }
            }
            if (schema["items"] is JsonObject items)
            {
                foreach (var found in Properties(items, $"{path}[]"))
                {
                    yield return found;
                }
            }
        }
    }

    [Fact]
    public void Every_command_in_the_tree_accepts_json()
    {
        RootCommand root = CliApp.BuildRootCommand();
        foreach (var (_, path) in CommandTree.Walk(root))
        {
            ParseResult parse = root.Parse([.. path, "--json"]);
            Assert.True(JsonOption.IsRequested(parse), $"'{string.Join(' ', path)} --json' does not see the flag");
            Assert.DoesNotContain(parse.Errors, e => e.Message.Contains("--json", StringComparison.Ordinal));
        }
    }

    [Fact]
    public void Bad_input_prints_the_failure_object_and_exits_2()
    {
        var (exit, json, stderr) = RunJson("verify", "--vk", Path.Combine(inputs.Dir, "missing.json"), "--proof", V("public_inputs.proof.json"),
            "--public", V("public_inputs.public.json"));
        Assert.Equal(ExitCodes.BadInput, exit);
        AssertMatches("error", json);
        Assert.Contains("--vk: file not found", (string)json["error"]!);
        Assert.Contains("zkoptions: --vk: file not found", stderr);
    }

    [Theory]
    [InlineData(new[] { "prove", "--no-such-flag" }, "--no-such-flag")]
    [InlineData(new[] { "eddsa" }, "Required command was not provided")]
    [InlineData(new[] { "hash", "poseidon", "1", "--threads", "2" }, "--threads")]
    public void A_usage_error_prints_the_failure_object_and_exits_2(string[] args, string named)
    {
        var (exit, json, stderr) = RunJson(args);
        Assert.Equal(ExitCodes.BadInput, exit);
        AssertMatches("error", json);
        Assert.Contains(named, (string)json["error"]!);
        Assert.Contains(named, stderr);
    }

    [Fact]
    public void Help_with_json_goes_to_stderr_and_stdout_still_gets_one_object()
    {
        var (exit, json, stderr) = RunJson("prove", "--help");
        Assert.Equal(ExitCodes.Ok, exit);
        Assert.Equal("""{"ok":true,"exitCode":0}""", json.ToJsonString());
        Assert.Contains("--zkey", stderr);
    }

    [Fact]
    public void Human_text_goes_to_stderr_with_json()
    {
        var (_, json, stderr) = RunJson("verify", "--vk", V("public_inputs.vkey.json"), "--proof", V("public_inputs.proof.json"), "--public", V("public_inputs.public.json"));
        Assert.True((bool)json["valid"]!);
        Assert.Contains("OK: the proof is valid", stderr);
    }

    [Fact]
    public void A_verb_that_describes_no_outcome_is_not_printed_as_a_success()
    {
        var result = new JsonResult();
        Assert.Null(result.ToJson(ExitCodes.Ok));
        result.Rejected("no", []);
        Assert.Null(result.ToJson(ExitCodes.Ok)); // a rejection cannot exit 0
        Assert.Equal("""{"ok":false,"exitCode":1,"error":"no"}""", result.ToJson(ExitCodes.Rejected)!.ToJsonString());
        result.Succeeded(new JsonObject { ["x"] = 1 });
        Assert.Null(result.ToJson(ExitCodes.Rejected)); // nor a success exit 1
        Assert.Equal("""{"ok":true,"exitCode":0,"x":1}""", result.ToJson(ExitCodes.Ok)!.ToJsonString());
    }
}
