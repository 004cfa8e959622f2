// SPDX-License-Identifier: MIT
using System.CommandLine;

namespace ZkOptions.Cli.Tests;

/// <summary>docs/cli-reference.md is what the command tree generates, and every verb's --help is complete.</summary>
public sealed class CliReferenceTests
{
    private static readonly string ReferencePath = CliRunner.RepoFile("docs", "cli-reference.md");

    [Fact]
    public void The_checked_in_reference_is_what_the_command_tree_generates()
    {
        string generated = CliReference.Generate(CliApp.BuildRootCommand());
        if (Environment.GetEnvironmentVariable("ZKOPTIONS_UPDATE_DOCS") == "1")
        {
            File.WriteAllText(ReferencePath, generated);
        }
        string current = File.Exists(ReferencePath) ? File.ReadAllText(ReferencePath) : "";
        Assert.True(current == generated,
            "docs/cli-reference.md is stale: the command tree changed. Run scripts/update-cli-reference.sh and commit the result.");
    }

    [Fact]
    public void Every_verb_and_sub_verb_has_a_description_and_help_that_names_each_of_its_options()
    {
        var missing = new List<string>();
        foreach (var (command, path) in CommandTree.Walk(CliApp.BuildRootCommand()).Skip(1))
        {
            if (string.IsNullOrWhiteSpace(command.Description))
            {
                missing.Add($"{string.Join(' ', path)}: no description");
            }
            var (exit, stdout, stderr) = CliRunner.Run([.. path, "--help"]);
            if (exit != ExitCodes.Ok || !stdout.Contains("Usage", StringComparison.Ordinal))
            {
                missing.Add($"{string.Join(' ', path)} --help: exit {exit} {stderr}");
                continue;
            }
            foreach (var option in command.Options.Where(o => !o.Hidden))
            {
                if (string.IsNullOrWhiteSpace(option.Description))
                {
                    missing.Add($"{string.Join(' ', path)} {option.Name}: no description");
                }
                if (!stdout.Contains(option.Name, StringComparison.Ordinal))
                {
                    missing.Add($"{string.Join(' ', path)} --help does not show {option.Name}");
                }
            }
        }
        Assert.True(missing.Count == 0, string.Join("\n", missing));
    }
}
