// SPDX-License-Identifier: MIT
using System.CommandLine;

namespace ZkOptions.Cli;

/// <summary>
/// "did you mean --vk?" after the library's "Unrecognized command or argument '--vkk'", when the unknown flag is
/// within two edits of one the verb accepts: a typo should cost one glance, not a trip to --help.
/// </summary>
internal static class UnknownOptionSuggestion
{
    private const int MaxDistance = 2;

    public static string Append(string message, ParseResult parse)
    {
        foreach (string token in parse.UnmatchedTokens.Where(t => t.StartsWith('-') && t.Length > 1))
        {
            if (message.Contains($"'{token}'", StringComparison.Ordinal) && Closest(token, parse.CommandResult.Command) is { } known)
            {
                return $"{message} Did you mean {known}?";
            }
        }
        return message;
    }

    /// <summary>The nearest name of an option the command accepts (its own and its ancestors' recursive ones), or null.</summary>
    private static string? Closest(string token, Command command)
    {
        var names = new List<string>();
        for (Symbol? symbol = command; symbol is Command c; symbol = c.Parents.FirstOrDefault())
        {
            foreach (var option in c.Options.Where(o => !o.Hidden && (c == command || o.Recursive)))
            {
                names.Add(option.Name);
                names.AddRange(option.Aliases.Where(a => a.StartsWith("--", StringComparison.Ordinal)));
            }
        }
        return names
            .Select(name => (Name: name, Distance: EditDistance(token, name)))
            .Where(x => x.Distance <= MaxDistance)
            .OrderBy(x => x.Distance)
            .Select(x => x.Name)
            .FirstOrDefault();
    }

    /// <summary>Levenshtein distance: insertions, deletions and substitutions, one each.</summary>
    internal static int EditDistance(string a, string b)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (int j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }
        for (int i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (int j = 1; j <= b.Length; j++)
            {
                int substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1);
                current[j] = Math.Min(substitution, Math.Min(previous[j], current[j - 1]) + 1);
            }
            (previous, current) = (current, previous);
        }
        return previous[b.Length];
    }
}
