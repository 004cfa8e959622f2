// SPDX-License-Identifier: MIT
using System.Buffers.Binary;
using System.Runtime.InteropServices;
using System.Text;

namespace ZkOptions.Prover.Formats;

/// <summary>
/// Writes the iden3 binary container (see <see cref="BinFileReader"/>) to a temporary file next to the target and
/// renames it into place on <see cref="Commit"/>, so a failed or interrupted write never leaves a partial file.
/// Sections are written in order; each one's size is patched in when it ends.
/// </summary>
public sealed class BinFileWriter : IDisposable
{
    private readonly string path;
    private readonly string temporaryPath;
    private readonly FileStream stream;
    private long sectionStart = -1;
    private bool committed;

    /// <summary>Starts a file with the given magic ("zkey"), version and section count.</summary>
    public BinFileWriter(string path, string magic, int version, int sectionCount)
    {
        this.path = path;
        temporaryPath = AtomicFile.TemporaryPathFor(path);
        stream = new FileStream(temporaryPath, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, bufferSize: 1 << 16);
        Span<byte> header = stackalloc byte[12];
        Encoding.ASCII.GetBytes(magic.AsSpan(0, 4), header);
        BinaryPrimitives.WriteInt32LittleEndian(header[4..], version);
        BinaryPrimitives.WriteInt32LittleEndian(header[8..], sectionCount);
        stream.Write(header);
    }

    /// <summary>Opens section <paramref name="type"/>; its size is filled in by <see cref="EndSection"/>.</summary>
    public void BeginSection(int type)
    {
        if (sectionStart >= 0)
        {
            throw new InvalidOperationException("the previous section was not ended");
        }
        Span<byte> header = stackalloc byte[12];
        BinaryPrimitives.WriteInt32LittleEndian(header, type);
        stream.Write(header);
        sectionStart = stream.Position;
    }

    /// <summary>Appends raw bytes to the open section.</summary>
    public void Write(ReadOnlySpan<byte> bytes) => stream.Write(bytes);

    /// <summary>Appends unmanaged values as their raw little-endian bytes.</summary>
    public void Write<T>(ReadOnlySpan<T> values) where T : unmanaged => stream.Write(MemoryMarshal.AsBytes(values));

    /// <summary>Appends a u32.</summary>
    public void WriteUInt32(uint value)
    {
        Span<byte> b = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32LittleEndian(b, value);
        stream.Write(b);
    }

    /// <summary>Closes the open section, writing its size into its header.</summary>
    public void EndSection()
    {
        long end = stream.Position;
        Span<byte> size = stackalloc byte[8];
        BinaryPrimitives.WriteInt64LittleEndian(size, end - sectionStart);
        stream.Position = sectionStart - 8;
        stream.Write(size);
        stream.Position = end;
        sectionStart = -1;
    }

    /// <summary>Flushes and renames the temporary file onto the target path.</summary>
    public void Commit()
    {
        stream.Flush(flushToDisk: false);
        stream.Dispose();
        File.Move(temporaryPath, path, overwrite: true);
        committed = true;
    }

    /// <summary>Deletes the temporary file unless <see cref="Commit"/> ran.</summary>
    public void Dispose()
    {
        stream.Dispose();
        if (!committed)
        {
            File.Delete(temporaryPath);
        }
    }
}
