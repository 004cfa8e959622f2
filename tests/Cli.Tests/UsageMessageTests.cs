// SPDX-License-Identifier: MIT
using System.CommandLine;

namespace ZkOptions.Cli.Tests;

/// <summary>
/// Usage errors speak the user's language: a bad value names the flag and what it takes, never a .NET type; an
/// unknown flag close to a real one gets a suggestion.
/// </summary>
public sealed class UsageMessageTests
{
    /// <summary>Every typed option that takes a value (not a string, not a flag like --help) of every verb, as its command path and option name.</summary>
    public static TheoryData<string, string> TypedOptions()
    {
        var data = new TheoryData<string, string>();
        foreach (var (command, path) in CommandTree.Walk(CliApp.BuildRootCommand()))
        {
            foreach (var option in command.Options.Where(o => !o.Hidden && o.Arity.MaximumNumberOfValues > 0 && IsTyped(o.ValueType)))
            {
                data.Add(string.Join(' ', path), option.Name);
            }
        }
        return data;
    }

    private static bool IsTyped(Type type)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        return type != typeof(string) && type != typeof(bool);
    }

    [Fact]
    public void The_command_tree_has_typed_options_to_check() => Assert.NotEmpty(TypedOptions());

    [Theory]
    [MemberData(nameof(TypedOptions))]
    public void A_bad_value_for_a_typed_option_names_the_flag_and_no_dotnet_type(string verb, string option)
    {
        var (exit, stdout, stderr) = CliRunner.Run([.. verb.Split(' ', StringSplitOptions.RemoveEmptyEntries), option, "abc"]);
        Assert.True(exit == ExitCodes.BadInput, $"exit {exit}\nstdout: {stdout}\nstderr: {stderr}");
        Assert.Contains($"{option}: 'abc' is not ", stderr);
        Assert.DoesNotContain("System.", stderr);
        Assert.DoesNotContain("   at ", stderr);
    }

    [Fact]
    public void A_seed_that_is_not_a_number_says_so()
    {
        var (exit, _, stderr) = CliRunner.Run("setup", "--circuit", "poseidon-2", "--insecure-dev-srs", "abc", "--zkey", "x.zkey");
        Assert.Equal(ExitCodes.BadInput, exit);
        Assert.Contains("zkoptions: --insecure-dev-srs: 'abc' is not a non-negative integer", stderr);
    }

    [Fact]
    public void A_number_out_of_range_gives_the_limit()
    {
        var (exit, _, stderr) = CliRunner.Run("prove", "--threads", "99999999999");
        Assert.Equal(ExitCodes.BadInput, exit);
        Assert.Contains("--threads: 99999999999 is too large; it takes an integer (at most 2147483647)", stderr);
    }

    [Fact]
    public void A_bad_value_with_json_is_reported_in_the_json_error_too()
    {
        var (exit, stdout, _) = CliRunner.Run("--json", "margin", "--state", "s.json", "--account", "abc");
        Assert.Equal(ExitCodes.BadInput, exit);
        Assert.Contains("--account: 'abc' is not an integer", stdout);
        Assert.DoesNotContain("System.", stdout);
    }

    [Theory]
    [InlineData(new[] { "verify", "--vkk", "vk.json" }, "--vkk", "--vk")]
    [InlineData(new[] { "prove", "--witnes", "w.wtns" }, "--witnes", "--witness")]
    [InlineData(new[] { "setup", "--jsn" }, "--jsn", "--json")]
    public void An_unknown_flag_close_to_a_real_one_gets_a_suggestion(string[] args, string typed, string meant)
    {
        var (exit, _, stderr) = CliRunner.Run(args);
        Assert.Equal(ExitCodes.BadInput, exit);
        Assert.Contains($"'{typed}'. Did you mean {meant}?", stderr);
    }

    [Fact]
    public void An_unknown_flag_far_from_every_real_one_gets_no_suggestion()
    {
        var (exit, _, stderr) = CliRunner.Run("verify", "--frobnicate");
        Assert.Equal(ExitCodes.BadInput, exit);
        Assert.DoesNotContain("Did you mean", stderr);
    }

    [Theory]
    [InlineData("--vk", "--vk", 0)]
    [InlineData("--vkk", "--vk", 1)]
    [InlineData("--pubilc", "--public", 2)]
    [InlineData("", "abc", 3)]
    public void Edit_distance_counts_insertions_deletions_and_substitutions(string a, string b, int distance) =>
        Assert.Equal(distance, UnknownOptionSuggestion.EditDistance(a, b));
}
