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
    /// must not exist or must be an empty directory (the caller checks it before any work).
    /// </summary>
    public static void Write(string target, Action<string> fill)
    {
        string staging = AtomicFile.TemporaryPathFor(target);
        Directory.CreateDirectory(staging);
        try
        {
            fill(staging);
            if (Directory.Exists(target))
            {
                Directory.Delete(target); // not recursive: it was empty, and must not lose anything that appeared since
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
