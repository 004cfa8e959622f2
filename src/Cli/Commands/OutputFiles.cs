// SPDX-License-Identifier: MIT
using ZkOptions.Prover.Formats;

namespace ZkOptions.Cli.Commands;

/// <summary>Writes several outputs so that they appear together or not at all.</summary>
internal static class OutputFiles
{
    /// <summary>Each writer writes its temporary path; only when all succeed are they renamed into place.</summary>
    public static void WriteTogether(params (string Path, Action<string> Write)[] outputs)
    {
        var temporaries = outputs.Select(o => AtomicFile.TemporaryPathFor(o.Path)).ToArray();
        try
        {
            for (int i = 0; i < outputs.Length; i++)
            {
                outputs[i].Write(temporaries[i]);
            }
            for (int i = 0; i < outputs.Length; i++)
            {
                File.Move(temporaries[i], outputs[i].Path, overwrite: true);
            }
        }
        finally
        {
            foreach (var t in temporaries)
            {
                File.Delete(t);
            }
        }
    }
}
