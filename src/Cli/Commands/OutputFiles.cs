// SPDX-License-Identifier: MIT
using ZkOptions.Prover.Formats;

namespace ZkOptions.Cli.Commands;

/// <summary>Writes several outputs so that they appear together or not at all.</summary>
internal static class OutputFiles
{
    /// <summary>
    /// Each writer writes its temporary path (beside its target, so the rename is atomic); only when all succeed are
    /// they renamed into place. If a rename fails, the outputs already renamed are removed again, so a pipeline
    /// never finds a proof without its public signals. No temporary file outlives the call.
    /// </summary>
    public static void WriteTogether(params (string Path, Action<string> Write)[] outputs)
    {
        var temporaries = outputs.Select(o => AtomicFile.TemporaryPathFor(o.Path)).ToArray();
        int renamed = 0;
        try
        {
            for (int i = 0; i < outputs.Length; i++)
            {
                outputs[i].Write(temporaries[i]);
            }
            for (; renamed < outputs.Length; renamed++)
            {
                File.Move(temporaries[renamed], outputs[renamed].Path, overwrite: true);
            }
        }
        catch
        {
            for (int i = 0; i < renamed; i++)
            {
                File.Delete(outputs[i].Path);
            }
            throw;
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
