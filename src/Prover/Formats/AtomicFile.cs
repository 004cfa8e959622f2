// SPDX-License-Identifier: MIT
namespace ZkOptions.Prover.Formats;

/// <summary>Writes output files all-or-nothing: to a temporary file in the same directory, then a rename.</summary>
public static class AtomicFile
{
    /// <summary>A unique temporary path beside <paramref name="path"/> (same directory, so the rename is atomic).</summary>
    public static string TemporaryPathFor(string path)
    {
        string full = System.IO.Path.GetFullPath(path);
        string dir = System.IO.Path.GetDirectoryName(full) ?? ".";
        return System.IO.Path.Combine(dir, $".{System.IO.Path.GetFileName(full)}.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp");
    }

    /// <summary>Writes text to <paramref name="path"/> via a temporary file and a rename.</summary>
    public static void WriteAllText(string path, string contents)
    {
        string tmp = TemporaryPathFor(path);
        try
        {
            File.WriteAllText(tmp, contents);
            File.Move(tmp, path, overwrite: true);
        }
        finally
        {
            File.Delete(tmp);
        }
    }
}
