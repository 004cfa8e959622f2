// SPDX-License-Identifier: MIT
using System.CommandLine;

namespace ZkOptions.Cli;

/// <summary>The visible commands of a tree, depth first, each with its path of names (the root's path is empty).</summary>
internal static class CommandTree
{
    public static IEnumerable<(Command Command, string[] Path)> Walk(Command root) => Walk(root, []);

    private static IEnumerable<(Command Command, string[] Path)> Walk(Command command, string[] path)
    {
        yield return (command, path);
        foreach (var sub in command.Subcommands.Where(c => !c.Hidden))
        {
            foreach (var item in Walk(sub, [.. path, sub.Name]))
            {
                yield return item;
            }
        }
    }
}
