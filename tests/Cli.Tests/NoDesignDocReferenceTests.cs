// SPDX-License-Identifier: MIT
using ZkOptions.Cli.Demo;

namespace ZkOptions.Cli.Tests;

/// <summary>
/// What users read (help, the demo's README, circuit descriptions, docs/) never sends them to DESIGN.md: it is not
/// shipped, so the text must say the thing itself or link a doc that is.
/// </summary>
public sealed class NoDesignDocReferenceTests
{
    private const string Design = "DESIGN";

    [Fact]
    public void No_help_text_mentions_the_design_doc()
    {
        foreach (var (_, path) in CommandTree.Walk(CliApp.BuildRootCommand()))
        {
            var (_, stdout, stderr) = CliRunner.Run([.. path, "--help"]);
            Assert.False(stdout.Contains(Design, StringComparison.Ordinal) || stderr.Contains(Design, StringComparison.Ordinal),
                $"'zkoptions {string.Join(' ', path)} --help' mentions {Design}:\n{stdout}");
        }
    }

    [Fact]
    public void Circuit_descriptions_and_the_demo_readme_do_not_mention_the_design_doc()
    {
        var (_, list, _) = CliRunner.Run("circuit", "list");
        var (_, info, _) = CliRunner.Run("circuit", "info", "batch-1");
        Assert.DoesNotContain(Design, list);
        Assert.DoesNotContain(Design, info);
        Assert.DoesNotContain(Design, DemoFiles.ReadmeText(1, 5, "batch-6-1", "batch-6-1.v2.key"));
    }

    [Fact]
    public void No_file_under_docs_mentions_the_design_doc()
    {
        string docs = CliRunner.RepoFile("docs");
        var offenders = Directory.EnumerateFiles(docs, "*", SearchOption.AllDirectories)
            .Where(file => File.ReadAllText(file).Contains(Design, StringComparison.Ordinal))
            .Select(file => Path.GetRelativePath(docs, file))
            .ToList();
        Assert.True(offenders.Count == 0, $"docs mentioning {Design}: {string.Join(", ", offenders)}");
    }

    [Fact]
    public void The_readme_does_not_mention_the_design_doc() =>
        Assert.DoesNotContain(Design, File.ReadAllText(CliRunner.RepoFile("README.md")));
}
