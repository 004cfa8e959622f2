// SPDX-License-Identifier: MIT
using System.Text.Json;
using ZkOptions.Settlement.Batches;
using ZkOptions.Settlement.Parameters;

namespace ZkOptions.Sequencer.Hosting;

/// <summary>
/// Writes sealed batches as <c>zkoptions simulate</c> does — <c>batch-NNNN.json</c> (indented <see cref="BatchJson"/>)
/// beside <c>parameters.json</c> in <c>DIR/batches</c> — each file atomically (written aside, then renamed), so
/// <c>zkoptions prove --batch</c> never sees half a file. A replay rewrites the same bytes.
/// </summary>
public sealed class BatchFiles(string directory, ExchangeParameters parameters)
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    /// <summary>The directory.</summary>
    public string Directory { get; } = directory;

    /// <summary>Creates the directory and its <c>parameters.json</c>.</summary>
    public void Initialise()
    {
        System.IO.Directory.CreateDirectory(Directory);
        Write("parameters.json", ExchangeParametersJson.Write(parameters).ToJsonString(Indented));
    }

    /// <summary>The file of batch <paramref name="number"/>.</summary>
    public string PathOf(long number) => Path.Combine(Directory, $"batch-{number:0000}.json");

    /// <summary>Writes <paramref name="batch"/>.</summary>
    public void Write(Batch batch) => Write(Path.GetFileName(PathOf(batch.Number)), BatchJson.Write(batch, parameters).ToJsonString(Indented));

    private void Write(string name, string text)
    {
        string final = Path.Combine(Directory, name);
        string temp = final + ".tmp";
        File.WriteAllText(temp, text);
        File.Move(temp, final, overwrite: true);
    }
}
