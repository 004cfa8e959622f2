// SPDX-License-Identifier: MIT
namespace ZkOptions.Cli.Tests;

public sealed class RootCommandTests
{
    [Fact]
    public void Version_prints_the_product_version_and_exits_0()
    {
        var (exit, stdout, _) = CliRunner.Run("--version");
        Assert.Equal(ExitCodes.Ok, exit);
        Assert.StartsWith("0.1.0", stdout.Trim());
    }

    [Fact]
    public void Help_lists_the_verbs_and_the_exit_codes()
    {
        var (exit, stdout, _) = CliRunner.Run("--help");
        Assert.Equal(ExitCodes.Ok, exit);
        Assert.Contains("precompile", stdout);
        Assert.Contains("Exit codes", stdout);
    }

    [Fact]
    public void Every_verb_has_help()
    {
        foreach (var verb in new[] { "precompile", "precompile ecadd", "precompile ecmul", "precompile ecpairing" })
        {
            var (exit, stdout, _) = CliRunner.Run([.. verb.Split(' '), "--help"]);
            Assert.Equal(ExitCodes.Ok, exit);
            Assert.Contains("Usage", stdout);
        }
    }

    [Fact]
    public void An_unknown_flag_is_a_usage_error_with_exit_2()
    {
        var (exit, _, stderr) = CliRunner.Run("--no-such-flag");
        Assert.Equal(ExitCodes.BadInput, exit);
        Assert.Contains("--no-such-flag", stderr);
    }
}
