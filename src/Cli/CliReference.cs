// SPDX-License-Identifier: MIT
using System.CommandLine;
using System.Globalization;
using System.Text;

namespace ZkOptions.Cli;

/// <summary>
/// docs/cli-reference.md, generated from the command tree itself so it cannot drift from `--help`: every verb and
/// sub-verb with its description, usage, arguments and options (value, default, required). A test regenerates it
/// and fails when the checked-in copy differs (scripts/update-cli-reference.sh rewrites it).
/// </summary>
internal static class CliReference
{
    public static string Generate(RootCommand root)
    {
        var sb = new StringBuilder();
        sb.Append("# `zkoptions` command reference\n\n")
          .Append("<!-- Generated from the command tree by scripts/update-cli-reference.sh; do not edit by hand. ")
          .Append("A test fails when this file is stale. The guide with examples is docs/cli.md. -->\n\n")
          .Append(Text(root.Description)).Append("\n\n");
        var all = CommandTree.Walk(root).Skip(1).Select(c => (c.Command, Path: string.Join(' ', ["zkoptions", .. c.Path]))).ToList();
        foreach (var (command, path) in all)
        {
            string anchor = path.Replace(' ', '-');
            sb.Append(CultureInfo.InvariantCulture, $"- [`{path}`](#{anchor})\n");
        }
        sb.Append('\n');
        sb.Append("Options of `zkoptions` itself (those marked *every verb* are accepted after any verb too):\n\n");
        AppendOptions(sb, root.Options.Where(o => !o.Hidden), markRecursive: true);
        foreach (var (command, path) in all)
        {
            sb.Append(CultureInfo.InvariantCulture, $"## {path}\n\n").Append(Text(command.Description)).Append("\n\n");
            sb.Append("```\n").Append(Usage(command, path)).Append("\n```\n\n");
            var arguments = command.Arguments.Where(a => !a.Hidden).ToList();
            if (arguments.Count > 0)
            {
                sb.Append("| argument | description |\n|---|---|\n");
                foreach (var a in arguments)
                {
                    sb.Append(CultureInfo.InvariantCulture, $"| `{a.Name}` | {Cell(a.Description)} |\n");
                }
                sb.Append('\n');
            }
            var options = command.Options.Where(o => !o.Hidden && !o.Recursive).ToList();
            if (options.Count > 0)
            {
                AppendOptions(sb, options);
            }
            var subcommands = command.Subcommands.Where(c => !c.Hidden).ToList();
            if (subcommands.Count > 0)
            {
                sb.Append("Sub-verbs: ").Append(string.Join(", ", subcommands.Select(c => $"[`{path} {c.Name}`](#{(path + " " + c.Name).Replace(' ', '-')})"))).Append(".\n\n");
            }
        }
        return sb.ToString();
    }

    private static void AppendOptions(StringBuilder sb, IEnumerable<Option> options, bool markRecursive = false)
    {
        sb.Append("| option | value | default | description |\n|---|---|---|---|\n");
        foreach (var o in options)
        {
            string names = string.Join(", ", new[] { o.Name }.Concat(o.Aliases.Order(StringComparer.Ordinal)).Select(n => $"`{n}`"));
            string value = IsFlag(o) ? "" : $"`{ValueName(o)}`";
            string @default = o.Required ? "**required**" : DefaultText(o);
            string scope = markRecursive && o.Recursive ? "*every verb:* " : "";
            sb.Append(CultureInfo.InvariantCulture, $"| {names} | {value} | {@default} | {scope}{Cell(o.Description)} |\n");
        }
        sb.Append('\n');
    }

    private static string Usage(Command command, string path)
    {
        var parts = new List<string> { path };
        // An optional argument in brackets, as --help shows it.
        parts.AddRange(command.Arguments.Where(a => !a.Hidden).Select(a => a.Arity.MinimumNumberOfValues == 0 ? $"[<{a.Name}>]" : $"<{a.Name}>"));
        foreach (var o in command.Options.Where(o => !o.Hidden && !o.Recursive))
        {
            string text = IsFlag(o) ? o.Name : $"{o.Name} {ValueName(o)}";
            parts.Add(o.Required ? text : $"[{text}]");
        }
        if (command.Subcommands.Any(c => !c.Hidden))
        {
            parts.Add("<sub-verb>");
        }
        return string.Join(' ', parts);
    }

    private static bool IsFlag(Option o) => o.ValueType == typeof(bool) || o.ValueType == typeof(bool?) || o.ValueType == typeof(void);

    private static string ValueName(Option o)
    {
        if (!string.IsNullOrEmpty(o.HelpName))
        {
            return o.HelpName;
        }
        Type t = Nullable.GetUnderlyingType(o.ValueType) ?? o.ValueType;
        return t == typeof(string) ? o.Name.TrimStart('-').ToUpperInvariant() : t.Name.ToUpperInvariant() switch
        {
            "INT32" or "INT64" or "UINT64" => "N",
            var other => other,
        };
    }

    private static string DefaultText(Option o)
    {
        if (!o.HasDefaultValue || IsFlag(o))
        {
            return "";
        }
        object? value = o.GetDefaultValue();
        return value is null ? "" : $"`{Convert.ToString(value, CultureInfo.InvariantCulture)}`";
    }

    private static string Text(string? text) => (text ?? "").Trim();

    private static string Cell(string? text) => Text(text).Replace("|", "\\|", StringComparison.Ordinal).Replace("\n", " ", StringComparison.Ordinal);
}
