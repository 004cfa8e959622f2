// SPDX-License-Identifier: MIT
using ZkOptions.Prover.Formats;
using ZkOptions.Prover.Plonk;

namespace ZkOptions.Circuit;

/// <summary>
/// A PLONK proving key: an open snarkjs <c>.zkey</c> file, the one <c>zkoptions setup</c> and <c>snarkjs plonk
/// setup</c> write, so either can take over. Made by <see cref="Plonk.Setup"/> or opened with <see cref="Open"/>;
/// large parts are read from the file as the prover needs them. Dispose it to close the file (and, for a key
/// <see cref="Plonk.Setup"/> wrote to a temporary file, delete it).
/// </summary>
public sealed class PlonkProvingKey : IDisposable
{
    private readonly bool temporary;
    private bool disposed;

    private PlonkProvingKey(PlonkZkeyFile file, bool temporary)
    {
        Zkey = file;
        this.temporary = temporary;
    }

    /// <summary>Opens and validates a <c>.zkey</c> (from <c>zkoptions setup</c>, <see cref="Save"/> or snarkjs).</summary>
    public static PlonkProvingKey Open(string zkeyPath) => new(PlonkZkeyFile.Open(zkeyPath), temporary: false);

    internal static PlonkProvingKey OpenWritten(string zkeyPath, bool temporary)
    {
        try
        {
            return new PlonkProvingKey(PlonkZkeyFile.Open(zkeyPath), temporary);
        }
        catch when (temporary)
        {
            File.Delete(zkeyPath);
            throw;
        }
    }

    /// <summary>The key's file.</summary>
    public string Path => Zkey.Path;

    /// <summary>Whether the file is a temporary one, deleted on <see cref="Dispose"/>.</summary>
    public bool IsTemporary => temporary;

    /// <summary>The validated header: gate count, domain, public signals, the circuit's commitments.</summary>
    public PlonkZkeyHeader Header => Zkey.Header;

    /// <summary>The verification key (what <c>zkoptions zkey export-vk</c> and <c>snarkjs zkey export verificationkey</c> give).</summary>
    public PlonkVerificationKey VerificationKey() => PlonkKeyExport.ToVerificationKey(Header);

    /// <summary>Copies the key to <paramref name="zkeyPath"/> (written to a temporary file beside it, then renamed).</summary>
    public void Save(string zkeyPath)
    {
        ObjectDisposedException.ThrowIf(disposed, this);
        string full = System.IO.Path.GetFullPath(zkeyPath);
        if (string.Equals(full, System.IO.Path.GetFullPath(Path), StringComparison.Ordinal))
        {
            return;
        }
        string partial = full + ".partial-" + Guid.NewGuid().ToString("N");
        try
        {
            File.Copy(Path, partial);
            File.Move(partial, full, overwrite: true);
        }
        finally
        {
            File.Delete(partial);
        }
    }

    internal PlonkZkeyFile Zkey { get; }

    /// <summary>Closes the file; deletes it when <see cref="Plonk.Setup"/> wrote it to a temporary file.</summary>
    public void Dispose()
    {
        if (disposed)
        {
            return;
        }
        disposed = true;
        Zkey.Dispose();
        if (temporary)
        {
            File.Delete(Path);
        }
    }
}
