// SPDX-License-Identifier: MIT
using System.Globalization;

namespace ZkOptions.Cli.Output;

/// <summary>"1 public input", "2 public inputs": a count and its noun, singular for exactly one.</summary>
internal static class Counted
{
    /// <param name="count">How many.</param>
    /// <param name="singular">The noun for one ("public signal").</param>
    /// <param name="plural">The noun for any other count; default <paramref name="singular"/> + "s".</param>
    /// <param name="format">How the count is written ("N0" for thousands separators); default plain.</param>
    public static string Of(long count, string singular, string? plural = null, string? format = null) =>
        $"{count.ToString(format, CultureInfo.InvariantCulture)} {(count == 1 ? singular : plural ?? singular + "s")}";
}
