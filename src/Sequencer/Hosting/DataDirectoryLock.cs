// SPDX-License-Identifier: MIT
namespace ZkOptions.Sequencer.Hosting;

/// <summary>
/// Keeps a second sequencer off a data directory: <c>DIR/sequencer.lock</c> is held open with no sharing for the
/// process's life (the operating system releases it when the process dies, SIGKILL included).
/// </summary>
public sealed class DataDirectoryLock : IDisposable
{
    private readonly FileStream file;

    private DataDirectoryLock(FileStream file) => this.file = file;

    /// <summary>Takes the lock, or throws <see cref="IOException"/> naming the directory when another process holds it.</summary>
    public static DataDirectoryLock Take(string directory)
    {
        Directory.CreateDirectory(directory);
        string path = Path.Combine(directory, "sequencer.lock");
        try
        {
            return new DataDirectoryLock(new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None));
        }
        catch (IOException e)
        {
            throw new IOException($"{directory} is in use by another sequencer (cannot lock {path}: {e.Message})", e);
        }
    }

    /// <inheritdoc/>
    public void Dispose() => file.Dispose();
}
