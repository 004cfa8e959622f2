// SPDX-License-Identifier: MIT
namespace ZkOptions.Cli.Commands;

/// <summary>Reads hex from a flag or a file, with errors that say where the bad character is.</summary>
internal static class HexInput
{
    public static byte[] Parse(string text, string source)
    {
        string hex = text.Trim();
        if (hex.StartsWith("0x", StringComparison.OrdinalIgnoreCase))
        {
            hex = hex[2..];
        }
        if (hex.Length % 2 != 0)
        {
            throw new UsageException($"{source}: hex has an odd number of digits ({hex.Length}).");
        }
        for (int i = 0; i < hex.Length; i++)
        {
            if (!Uri.IsHexDigit(hex[i]))
            {
                throw new UsageException($"{source}: '{hex[i]}' at position {i} is not a hex digit.");
            }
        }
        return Convert.FromHexString(hex);
    }

    public static byte[] FromFile(string path)
    {
        FileOptions.RequireFile("--input-file", path);
        var info = new FileInfo(path);
        if (info.Length > 16 * 1024 * 1024)
        {
            throw new UsageException($"{path}: {info.Length} bytes is too large for a precompile input (limit 16 MiB).");
        }
        return Parse(File.ReadAllText(path), path);
    }
}
