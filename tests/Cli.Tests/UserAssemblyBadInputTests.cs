// SPDX-License-Identifier: MIT
using ZkOptions.Cli.Tests.Support;

namespace ZkOptions.Cli.Tests;

/// <summary>
/// Every verb that takes --assembly refuses each bad assembly or circuit the same way, since they resolve it in one
/// place: exit 2, a message naming the problem and the file, no stack trace, and no output file left behind.
/// </summary>
public sealed class UserAssemblyBadInputTests : IDisposable
{
    private readonly string dir = Directory.CreateTempSubdirectory("zkoptions-user-assembly-bad-").FullName;

    public UserAssemblyBadInputTests()
    {
        Directory.CreateDirectory(OutDir);
        File.WriteAllText(InputFile, """{"product": "391", "x": "17", "y": "23"}""");
    }

    public void Dispose() => Directory.Delete(dir, recursive: true);

    /// <summary>Where the verbs are told to write; it must stay empty.</summary>
    private string OutDir => Path.Combine(dir, "out");

    private string InputFile => Path.Combine(dir, "input.json");

    private static string Fixture => UserCircuitsFixture.Dll;

    /// <summary>A bad assembly or circuit: the assembly, the circuit name (null: none given), more flags, and what stderr must say.</summary>
    private sealed record Problem(string? Assembly, string? Name, string[] Flags, string Message);

    private static readonly Dictionary<string, Func<UserAssemblyBadInputTests, Problem>> Problems = new()
    {
        ["path that does not exist"] = t => new(Path.Combine(t.dir, "none.dll"), "ProductCircuit", [], $"--assembly: file not found: {Path.Combine(t.dir, "none.dll")}"),
        ["directory"] = t => new(t.dir, "ProductCircuit", [], $"--assembly: {t.dir} is a directory; give a file."),
        ["text file"] = t => new(t.Write("circuits.dll", "not an assembly"), "ProductCircuit", [], $"{Path.Combine(t.dir, "circuits.dll")}: is not a .NET assembly"),
        ["proving key"] = _ => new(PipelineInputs.Vector("public_inputs.plonk.zkey"), "ProductCircuit", [],
            $"{PipelineInputs.Vector("public_inputs.plonk.zkey")}: is not a .NET assembly"),
        ["assembly with no circuit"] = _ => new(typeof(Assert).Assembly.Location, null, [],
            $"{typeof(Assert).Assembly.Location}: holds no circuit (a public, non-abstract class deriving from ZkOptions.Circuit.Circuit with a public parameterless constructor); it does not reference ZkOptions.Circuit"),
        ["several circuits and no name"] = _ => new(Fixture, null, [], $"{Fixture}: holds 6 circuits (ProductCircuit, SquareCircuit, "),
        ["unknown name"] = _ => new(Fixture, "price-band", [], $"{Fixture}: has no circuit class named 'price-band'; its circuits: ProductCircuit, "),
        ["name of two classes"] = _ => new(Fixture, "RangeCircuit", [],
            $"{Fixture}: 'RangeCircuit' names 2 circuit classes: UserCircuits.Fixture.Legacy.RangeCircuit, UserCircuits.Fixture.RangeCircuit; choose one with --type FULL.NAME"),
        ["unknown --type"] = _ => new(Fixture, null, ["--type", "UserCircuits.Fixture.Nope"], $"{Fixture}: --type UserCircuits.Fixture.Nope: no circuit class has that full name"),
        ["--type without --assembly"] = _ => new(null, null, ["--type", "UserCircuits.Fixture.ProductCircuit"], "--type applies only with --assembly PATH.dll"),
        ["no public parameterless constructor"] = _ => new(Fixture, "SizedCircuit", [],
            $"{Fixture}: UserCircuits.Fixture.SizedCircuit has no public parameterless constructor"),
        ["constructor that throws"] = _ => new(Fixture, "ThrowingConstructorCircuit", [],
            $"{Fixture}: the constructor of UserCircuits.Fixture.ThrowingConstructorCircuit threw ArgumentException: the fixture's constructor always fails"),
        ["Define that throws"] = _ => new(Fixture, "ThrowingDefineCircuit", [],
            $"{Fixture}: UserCircuits.Fixture.ThrowingDefineCircuit.Define threw InvalidOperationException: the fixture's Define always fails"),
        ["dependency that cannot be resolved"] = t => new(t.WithoutGadgets(), "ProductCircuit", [],
            $"{t.WithoutGadgets()}: its dependency UserCircuits.Gadgets 0.1.0.0 cannot be resolved"),
        ["built against a newer zkoptions"] = t => new(t.BuiltAgainstNewerZkOptions(), "ProductCircuit", [],
            $"{t.BuiltAgainstNewerZkOptions()}: was built against ZkOptions.Circuit 0.99, newer than this zkoptions (ZkOptions.Circuit 0.1)"),
    };

    /// <summary>Each verb that takes a circuit, given the circuit name (or none) and the other flags; it writes only under <see cref="OutDir"/>.</summary>
    private static readonly Dictionary<string, Func<UserAssemblyBadInputTests, string?, string[]>> Verbs = new()
    {
        ["circuit list"] = (_, _) => ["circuit", "list"],
        ["circuit info"] = (_, name) => ["circuit", "info", .. Named(name)],
        ["circuit check"] = (t, name) => ["circuit", "check", .. Named(name), "--input", t.InputFile],
        ["circuit witness"] = (t, name) => ["circuit", "witness", .. Named(name), "--input", t.InputFile, "--out", Path.Combine(t.OutDir, "w.wtns")],
        ["circuit export-r1cs"] = (t, name) => ["circuit", "export-r1cs", .. Named(name), "--out", Path.Combine(t.OutDir, "c.r1cs")],
        ["setup"] = (t, name) => ["setup", .. CircuitFlag(name), "--insecure-dev-srs", "1", "--zkey", Path.Combine(t.OutDir, "k.zkey"), "--device", "cpu"],
        ["prove"] = (t, name) => ["prove", .. CircuitFlag(name), "--input", t.InputFile, "--zkey", PipelineInputs.Vector("public_inputs.plonk.zkey"),
            "--proof", Path.Combine(t.OutDir, "proof.json"), "--public", Path.Combine(t.OutDir, "public.json"), "--device", "cpu"],
    };

    private static string[] Named(string? name) => name is null ? [] : [name];

    private static string[] CircuitFlag(string? name) => name is null ? [] : ["--circuit", name];

    /// <summary>
    /// Every problem for every verb, except that `circuit list` takes no circuit name: it meets only the problems of the
    /// assembly itself, and --type is not one of its flags.
    /// </summary>
    public static TheoryData<string, string> Cases()
    {
        var data = new TheoryData<string, string>();
        var probe = new UserAssemblyBadInputTests();
        try
        {
            foreach (var (problem, make) in Problems)
            {
                var p = make(probe);
                foreach (string verb in Verbs.Keys.Where(v => v != "circuit list" || (p.Name is null && p.Flags.Length == 0 && problem != "several circuits and no name")))
                {
                    data.Add(verb, problem);
                }
            }
        }
        finally
        {
            probe.Dispose();
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void A_bad_assembly_or_circuit_exits_2_naming_the_problem_and_the_file_and_writes_nothing(string verb, string problem)
    {
        var p = Problems[problem](this);
        string[] args = [.. Verbs[verb](this, p.Name), .. p.Assembly is null ? [] : new[] { "--assembly", p.Assembly }, .. p.Flags];
        var (exit, stdout, stderr) = CliRunner.Run(args);
        Assert.True(exit == ExitCodes.BadInput, $"exit {exit}\nstdout: {stdout}\nstderr: {stderr}");
        Assert.StartsWith("zkoptions: ", stderr);
        Assert.Contains(p.Message, stderr);
        Assert.DoesNotContain("   at ", stderr);
        Assert.DoesNotContain("internal error", stderr);
        Assert.Empty(Directory.EnumerateFileSystemEntries(OutDir));
    }

    [Fact]
    public void Every_problem_is_met_by_list_or_by_every_other_verb()
    {
        var cases = Cases().Select(row => ((string)row[0], (string)row[1])).ToList();
        foreach (string problem in Problems.Keys)
        {
            Assert.Contains(cases, c => c.Item2 == problem);
        }
        Assert.Equal(Verbs.Count - 1, cases.Count(c => c.Item2 == "Define that throws"));
    }

    private string Write(string name, string text)
    {
        string path = Path.Combine(dir, name);
        File.WriteAllText(path, text);
        return path;
    }

    /// <summary>The fixture and its .deps.json, copied without UserCircuits.Gadgets.dll, which the .deps.json lists.</summary>
    private string WithoutGadgets()
    {
        string copy = Path.Combine(dir, "without-gadgets");
        Directory.CreateDirectory(copy);
        foreach (string file in new[] { UserCircuitsFixture.AssemblyFile, "UserCircuits.Fixture.deps.json" })
        {
            File.Copy(Path.Combine(UserCircuitsFixture.OutputDirectory, file), Path.Combine(copy, file), overwrite: true);
        }
        Assert.Contains(UserCircuitsFixture.GadgetsFile, File.ReadAllText(Path.Combine(copy, "UserCircuits.Fixture.deps.json")));
        return Path.Combine(copy, UserCircuitsFixture.AssemblyFile);
    }

    /// <summary>The fixture as if built against ZkOptions.Circuit 0.99, beside its dependency.</summary>
    private string BuiltAgainstNewerZkOptions()
    {
        string copy = Path.Combine(dir, "newer");
        Directory.CreateDirectory(copy);
        File.Copy(UserCircuitsFixture.GadgetsDll, Path.Combine(copy, UserCircuitsFixture.GadgetsFile), overwrite: true);
        string path = Path.Combine(copy, UserCircuitsFixture.AssemblyFile);
        AssemblyReferencePatch.WithReferenceVersion(Fixture, path, "ZkOptions.Circuit", new Version(0, 99, 0, 0));
        return path;
    }
}
