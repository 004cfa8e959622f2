// SPDX-License-Identifier: MIT
using System.CommandLine;

namespace ZkOptions.Cli.Commands;

/// <summary>Required file flags, validated before any work starts so mistakes cost nothing.</summary>
internal static class FileOptions
{
    public static Option<string> Input(string name, string description) =>
        new(name) { Description = description, Required = true };

    public static Option<string> Output(string name, string description) =>
        new(name) { Description = description + " Written atomically (temporary file, then rename).", Required = true };

    /// <summary>The value of an input flag, which must name an existing file.</summary>
    public static string ExistingFile(ParseResult parse, Option<string> option) => RequireFile(option.Name, parse.GetValue(option)!);

    /// <summary>
    /// <paramref name="path"/>, which must be an existing file; <paramref name="label"/> (the flag or argument) starts
    /// the message. A directory gets its own message: "file not found" for a path that exists misleads.
    /// </summary>
    public static string RequireFile(string label, string path)
    {
        if (Directory.Exists(path))
        {
            throw new UsageException($"{label}: {path} is a directory; give a file.");
        }
        if (!File.Exists(path))
        {
            throw new UsageException($"{label}: file not found: {path}");
        }
        return path;
    }

    /// <summary>The value of an output flag, whose directory must exist and which must not be a directory.</summary>
    public static string OutputFile(ParseResult parse, Option<string> option)
    {
        string path = parse.GetValue(option)!;
        string dir = Path.GetDirectoryName(Path.GetFullPath(path)) ?? ".";
        if (Directory.Exists(path))
        {
            throw new UsageException($"{option.Name}: {path} is a directory; give a file path.");
        }
        if (!Directory.Exists(dir))
        {
            throw new UsageException($"{option.Name}: the directory {dir} does not exist.");
        }
        return path;
    }
}
