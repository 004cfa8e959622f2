// SPDX-License-Identifier: MIT
using System.Text;
using System.Text.Json.Nodes;
using ZkOptions.Settlement.Serialization;

namespace ZkOptions.Sequencer.Hosting;

/// <summary>
/// The latest snapshot of the exchange, <c>DIR/snapshot.json</c>, with the journal sequence it follows. It is written
/// aside, flushed to disk, then renamed over the previous one, so a crash at any moment leaves the previous snapshot or
/// the new one whole. A snapshot only saves replay time: one that cannot be read is ignored and the journal replays
/// from genesis, so nothing depends on it for durability.
/// </summary>
public sealed class SnapshotFile(string directory)
{
    /// <summary>The file.</summary>
    public string Path { get; } = System.IO.Path.Combine(directory, "snapshot.json");

    /// <summary>Replaces the snapshot with <paramref name="snapshot"/>, taken right after journal entry <paramref name="sequence"/>.</summary>
    public void Write(long sequence, JsonObject snapshot)
    {
        snapshot["sequence"] = sequence.ToString(System.Globalization.CultureInfo.InvariantCulture);
        string temp = Path + ".tmp";
        using (var file = new FileStream(temp, FileMode.Create, FileAccess.Write, FileShare.None))
        {
            file.Write(Encoding.UTF8.GetBytes(snapshot.ToJsonString()));
            file.Flush(flushToDisk: true); // the bytes are on disk before the name points at them
        }
        File.Move(temp, Path, overwrite: true);
    }

    /// <summary>
    /// The snapshot and its sequence, or null when there is none; <paramref name="problem"/> says why an existing file
    /// was not read (then the caller replays from genesis).
    /// </summary>
    public (long Sequence, JsonObject Snapshot)? Read(out string? problem)
    {
        problem = null;
        if (!File.Exists(Path))
        {
            return null;
        }
        var json = new JsonFields(Path);
        try
        {
            JsonObject o = json.ParseObject(File.ReadAllText(Path));
            return (json.Long(o, "sequence", 1), o);
        }
        catch (Exception e) when (e is SettlementInputException or IOException or DecoderFallbackException)
        {
            problem = e.Message;
            return null;
        }
    }
}
