// SPDX-License-Identifier: MIT
namespace ZkOptions.Fuzz.Tests;

/// <summary>
/// The deterministic mutation pass: for each reader, a fixed number of mutants of its corpus (bit flips, truncations,
/// length-field edits, JSON token and tree edits; see <see cref="Mutator"/>), each judged by <see cref="ReaderContract"/>.
/// The seed is fixed per target, so a failure reproduces: the failing mutant is saved and named in the message.
/// </summary>
public sealed class MutationTests(ScratchFolder scratch) : IClassFixture<ScratchFolder>
{
    // Per-input limit: no reader takes more than a few milliseconds on these small files, so a mutant that takes
    // seconds is a hang (or a quadratic path worth knowing about).
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(2);

    /// <summary>
    /// Mutants per target: one to two thousand, a few hundred where a read costs more (Merkle openings and Poseidon in
    /// batch and state files, pricing in oracle epoch), so the whole suite stays well under a minute on CI's 2 cores.
    /// </summary>
    private static readonly Dictionary<string, int> Budgets = new()
    {
        ["ptau"] = 1000,
        ["zkey"] = 1000,
        ["wtns"] = 2000,
        ["r1cs"] = 2000,
        ["proof"] = 2000,
        ["vkey"] = 1500,
        ["public"] = 2000,
        ["input"] = 2000,
        ["batch"] = 400,
        ["parameters"] = 1500,
        ["scenario"] = 2000,
        ["market"] = 1500,
        ["state"] = 300,
        ["cli-margin"] = 300,
        ["cli-oracle-epoch"] = 300,
        ["cli-eddsa-key"] = 2000,
        ["cli-eddsa-signature"] = 2000,
        ["cli-precompile-hex"] = 2000,
    };

    [Fact]
    public void Every_target_has_a_budget_and_a_row()
    {
        string[] targets = [.. ReaderTargets.All.Select(t => t.Name).Order(StringComparer.Ordinal)];
        Assert.Equal(targets, Budgets.Keys.Order(StringComparer.Ordinal));
        var rows = typeof(MutationTests).GetMethod(nameof(Seeded_mutants_keep_the_contract))!
            .GetCustomAttributes(typeof(InlineDataAttribute), false).Cast<InlineDataAttribute>()
            .SelectMany(a => a.GetData(null!)).Select(row => (string)row[0]);
        Assert.Equal(targets, rows.Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("ptau")]
    [InlineData("zkey")]
    [InlineData("wtns")]
    [InlineData("r1cs")]
    [InlineData("proof")]
    [InlineData("vkey")]
    [InlineData("public")]
    [InlineData("input")]
    [InlineData("batch")]
    [InlineData("parameters")]
    [InlineData("scenario")]
    [InlineData("market")]
    [InlineData("state")]
    [InlineData("cli-margin")]
    [InlineData("cli-oracle-epoch")]
    [InlineData("cli-eddsa-key")]
    [InlineData("cli-eddsa-signature")]
    [InlineData("cli-precompile-hex")]
    public void Seeded_mutants_keep_the_contract(string name)
    {
        ReaderTarget target = ReaderTargets.Get(name);
        int count = Budgets[name];
        byte[][] seeds = [.. Corpus.Files(name).Select(File.ReadAllBytes)];
        Assert.NotEmpty(seeds);
        int seed = StableSeed(name);
        var mutator = new Mutator(seed);
        var pick = new Random(seed);
        var violations = new List<string>();
        int accepted = 0;
        for (int i = 0; i < count; i++)
        {
            byte[] input = mutator.Mutate(seeds[pick.Next(seeds.Length)], target.Binary);
            try
            {
                if (ReaderContract.CheckWithin(target, input, scratch.FileFor(target), Limit).Kind == OutcomeKind.Accepted)
                {
                    accepted++;
                }
            }
            catch (ContractViolationException e)
            {
                string saved = Path.Combine(Path.GetTempPath(), $"zkoptions-fuzz-failure-{name}-{seed}-{i}{target.Extension}");
                File.WriteAllBytes(saved, input);
                violations.Add($"mutant {i} (saved to {saved}): {e.Message}");
                if (violations.Count == 10)
                {
                    break;
                }
            }
        }
        Assert.True(violations.Count == 0, $"{violations.Count} contract violations in {name}:\n{string.Join("\n", violations)}");
        // A pass whose mutants were all accepted would have tested nothing: the mutator must change what matters.
        Assert.True(count - accepted > 0, $"all {count} mutants of {name} were accepted: the mutator changed nothing");
    }

    [Fact]
    public void The_mutator_is_deterministic_and_changes_its_input()
    {
        byte[] json = "{\"a\": \"1\", \"b\": [1, 2, {\"c\": null}]}"u8.ToArray();
        List<byte[]> a = Mutants(42, json), b = Mutants(42, json), c = Mutants(43, json);
        Assert.True(a.Zip(b).All(p => p.First.SequenceEqual(p.Second)), "the same seed gave different mutants");
        Assert.False(a.Zip(c).All(p => p.First.SequenceEqual(p.Second)), "different seeds gave the same mutants");
        Assert.True(a.Count(m => !m.SequenceEqual(json)) > 190, "most mutants should differ from the input");
    }

    private static List<byte[]> Mutants(int seed, byte[] input)
    {
        var m = new Mutator(seed);
        return [.. Enumerable.Range(0, 200).Select(_ => m.Mutate(input, binary: false))];
    }

    // string.GetHashCode is randomized per process; the pass must be the same on every run.
    private static int StableSeed(string name)
    {
        uint h = 2166136261;
        foreach (char c in name)
        {
            h = (h ^ c) * 16777619;
        }
        return (int)(h & 0x7FFFFFFF);
    }
}
