// SPDX-License-Identifier: MIT
using System.IO.MemoryMappedFiles;

namespace ZkOptions.Prover.Formats;

/// <summary>
/// A file mapped read-only into the address space. Its pages are the page cache's: they are read on first touch, count
/// as shared file-backed memory rather than the process's heap, and the kernel can drop them under pressure and read
/// them again. Regions of it are handed out as <see cref="ReadOnlyMemory{T}"/> (<see cref="MappedMemory{T}"/>), so a
/// large key is used in place instead of being copied onto the managed heap. Disposing unmaps the file: memory handed
/// out before must not be used after.
/// </summary>
public sealed unsafe class MappedFile : IDisposable
{
    private readonly MemoryMappedFile map;
    private readonly MemoryMappedViewAccessor view;
    private byte* start;

    private MappedFile(string path, MemoryMappedFile map, MemoryMappedViewAccessor view, long length)
    {
        Path = path;
        this.map = map;
        this.view = view;
        Length = length;
        byte* pointer = null;
        view.SafeMemoryMappedViewHandle.AcquirePointer(ref pointer);
        start = pointer + view.PointerOffset;
    }

    /// <summary>Maps <paramref name="path"/> read-only.</summary>
    /// <exception cref="InputFileException">The file cannot be opened, or is empty (a mapping cannot be).</exception>
    public static MappedFile Open(string path)
    {
        try
        {
            long length = new FileInfo(path).Length;
            if (length == 0)
            {
                throw new InputFileException(path, "is empty");
            }
            var map = MemoryMappedFile.CreateFromFile(path, FileMode.Open, mapName: null, 0, MemoryMappedFileAccess.Read);
            try
            {
                return new MappedFile(path, map, map.CreateViewAccessor(0, length, MemoryMappedFileAccess.Read), length);
            }
            catch
            {
                map.Dispose();
                throw;
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new InputFileException(path, $"cannot open: {e.Message}", e);
        }
    }

    /// <summary>The file mapped.</summary>
    public string Path { get; }

    /// <summary>Its length in bytes.</summary>
    public long Length { get; }

    /// <summary>The bytes [<paramref name="offset"/>, offset + count) as a span (count below 2^31).</summary>
    public ReadOnlySpan<byte> Bytes(long offset, int count)
    {
        CheckRange(offset, count, 1);
        return count == 0 ? [] : new ReadOnlySpan<byte>(start + offset, count);
    }

    /// <summary>
    /// <paramref name="count"/> values of <typeparamref name="T"/> in place from <paramref name="offset"/>, which must be
    /// aligned for T; the memory keeps this mapping reachable.
    /// </summary>
    public ReadOnlyMemory<T> Memory<T>(long offset, int count) where T : unmanaged
    {
        CheckRange(offset, count, sizeof(T));
        if (count == 0)
        {
            return ReadOnlyMemory<T>.Empty;
        }
        if (((nuint)(start + offset) & (nuint)(Math.Min(sizeof(T), 8) - 1)) != 0)
        {
            throw new ArgumentException($"offset {offset} is not aligned for {typeof(T).Name}", nameof(offset));
        }
        return new MappedMemory<T>(this, (T*)(start + offset), count).Memory;
    }

    private void CheckRange(long offset, int count, int size)
    {
        ObjectDisposedException.ThrowIf(start == null, this);
        if (offset < 0 || count < 0 || offset + (long)count * size > Length)
        {
            throw new ArgumentOutOfRangeException(nameof(offset), $"[{offset}, +{(long)count * size}) is outside the file's {Length} bytes");
        }
    }

    /// <summary>Unmaps the file.</summary>
    public void Dispose()
    {
        if (start != null)
        {
            start = null;
            view.SafeMemoryMappedViewHandle.ReleasePointer();
        }
        view.Dispose();
        map.Dispose();
    }
}
