// SPDX-License-Identifier: MIT
using ZkOptions.Prover.Formats;

namespace ZkOptions.Cli.Commands;

/// <summary>
/// Writes a directory of outputs so that it appears complete or not at all: the files go into a hidden staging
/// directory beside the target (<c>.NAME.PID.GUID.tmp</c>, as <see cref="AtomicFile"/> names temporary files), which
/// is renamed into place once every file is written, and removed when anything fails.
/// </summary>
internal static class OutputDirectory
{
    /// <summary>
    /// Calls <paramref name="fill"/> with the staging directory, then renames it to <paramref name="target"/>, which
    /// must not exist or must be an empty directory (the caller checks it before any work), or, with
    /// <paramref name="replace"/>, a directory the caller has found is its own earlier output.
    /// </summary>
    public static void Write(string target, Action<string> fill, bool replace = false)
    {
        string staging = AtomicFile.TemporaryPathFor(target);
        Directory.CreateDirectory(staging);
        try
        {
            fill(staging);
            if (Directory.Exists(target))
            {
                // Not recursive unless replacing: an empty target must not lose anything that appeared since.
                Directory.Delete(target, recursive: replace);
            }
            Directory.Move(staging, target);
        }
        finally
        {
            if (Directory.Exists(staging))
            {
                Directory.Delete(staging, recursive: true);
            }
        }
    }
}
