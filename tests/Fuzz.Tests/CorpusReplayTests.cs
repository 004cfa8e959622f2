// SPDX-License-Identifier: MIT
namespace ZkOptions.Fuzz.Tests;

/// <summary>Every file of tests/Fuzz.Corpus, through its reader: the contract holds, and every reader accepts a seed.</summary>
public sealed class CorpusReplayTests(ScratchFolder scratch) : IClassFixture<ScratchFolder>
{
    // Generous: the first read of a target also JIT-compiles it (and the CLI targets build the command tree).
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(10);

    [Theory]
    [MemberData(nameof(Corpus.Targets), MemberType = typeof(Corpus))]
    public void Every_corpus_file_keeps_the_contract(string name)
    {
        ReaderTarget target = ReaderTargets.Get(name);
        string[] files = Corpus.Files(name);
        Assert.NotEmpty(files);
        var violations = new List<string>();
        foreach (string file in files)
        {
            try
            {
                ReaderContract.CheckWithin(target, File.ReadAllBytes(file), scratch.FileFor(target), Limit);
            }
            catch (ContractViolationException e)
            {
                violations.Add($"{Path.GetFileName(file)}: {e.Message}");
            }
        }
        Assert.True(violations.Count == 0, string.Join("\n", violations));
    }

    [Theory]
    [MemberData(nameof(Corpus.Targets), MemberType = typeof(Corpus))]
    public void Every_reader_accepts_its_seeds(string name)
    {
        // Seeds are real files (made by snarkjs, circom or zkoptions): the mutation pass starts from valid input, and a
        // reader that rejected everything would make every contract check above pass vacuously.
        ReaderTarget target = ReaderTargets.Get(name);
        string[] seeds = [.. Corpus.Files(name).Where(f => Path.GetFileName(f).StartsWith("seed-", StringComparison.Ordinal))];
        Assert.NotEmpty(seeds);
        foreach (string seed in seeds)
        {
            Outcome o = ReaderContract.CheckWithin(target, File.ReadAllBytes(seed), scratch.FileFor(target), Limit);
            Assert.True(o.Kind == OutcomeKind.Accepted, $"{Path.GetFileName(seed)} was rejected: {o.Message}");
        }
    }

    [Fact]
    public void The_corpus_has_a_folder_for_each_target_and_no_other()
    {
        string[] folders = [.. Directory.EnumerateDirectories(Corpus.Root).Select(Path.GetFileName).Order(StringComparer.Ordinal)!];
        string[] targets = [.. ReaderTargets.All.Select(t => t.Name).Order(StringComparer.Ordinal)];
        Assert.Equal(targets, folders);
    }

    [Fact]
    public void The_corpus_stays_small()
    {
        long bytes = Directory.EnumerateFiles(Corpus.Root, "*", SearchOption.AllDirectories).Sum(f => new FileInfo(f).Length);
        Assert.True(bytes < 5L << 20, $"tests/Fuzz.Corpus holds {bytes} bytes; keep it under 5 MiB (small seeds fuzz faster, too)");
    }
}
