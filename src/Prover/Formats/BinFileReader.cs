// SPDX-License-Identifier: MIT
using System.Buffers.Binary;
using System.Runtime.InteropServices;
using System.Text;

namespace ZkOptions.Prover.Formats;

/// <summary>
/// Reads the iden3 binary container shared by .zkey, .ptau, .r1cs and .wtns (@iden3/binfileutils): a 4-byte magic,
/// a u32 version, a u32 section count, then sections {u32 type, u64 size, bytes}. The section table is read and
/// checked against the file length up front, so a truncated file fails before any work is done; section bodies are
/// read on demand straight into typed spans, which keeps multi-gigabyte keys out of one giant byte array.
/// </summary>
public sealed class BinFileReader : IDisposable
{
    private readonly FileStream stream;
    private readonly Dictionary<int, List<(long Offset, long Size)>> sections = [];

    private BinFileReader(string path, FileStream stream)
    {
        Path = path;
        this.stream = stream;
    }

    /// <summary>The file's path, as given (used in every error message).</summary>
    public string Path { get; }

    /// <summary>The container version from the header.</summary>
    public int Version { get; private set; }

    /// <summary>Opens <paramref name="path"/>, checks the magic (e.g. "zkey") and version, and indexes its sections.</summary>
    public static BinFileReader Open(string path, string magic, int maxVersion)
    {
        FileStream stream;
        try
        {
            stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1 << 16);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new InputFileException(path, $"cannot open: {e.Message}", e);
        }

        var reader = new BinFileReader(path, stream);
        try
        {
            reader.ReadHeader(magic, maxVersion);
            return reader;
        }
        catch
        {
            reader.Dispose();
            throw;
        }
    }

    private void ReadHeader(string magic, int maxVersion)
    {
        Span<byte> header = stackalloc byte[12];
        if (stream.Length < 12 || stream.ReadAtLeast(header, 12, throwOnEndOfStream: false) < 12)
        {
            throw Fail($"too short to be a .{magic} file ({stream.Length} bytes)");
        }
        string found = Encoding.ASCII.GetString(header[..4]);
        if (found != magic)
        {
            throw Fail($"not a .{magic} file (magic bytes \"{Printable(found)}\", expected \"{magic}\")");
        }
        Version = BinaryPrimitives.ReadInt32LittleEndian(header[4..]);
        if (Version < 1 || Version > maxVersion)
        {
            throw Fail($"unsupported .{magic} version {Version} (this reader knows 1..{maxVersion})");
        }
        uint count = BinaryPrimitives.ReadUInt32LittleEndian(header[8..]);
        Span<byte> sectionHeader = stackalloc byte[12];
        long position = 12;
        for (uint i = 0; i < count; i++)
        {
            if (position + 12 > stream.Length)
            {
                throw Fail($"truncated: section header {i + 1} of {count} lies past the end of the file ({stream.Length} bytes)");
            }
            stream.Position = position;
            stream.ReadExactly(sectionHeader);
            int type = BinaryPrimitives.ReadInt32LittleEndian(sectionHeader);
            long size = BinaryPrimitives.ReadInt64LittleEndian(sectionHeader[4..]);
            long offset = position + 12;
            // size > Length − offset, not offset + size > Length: a size near 2^63 would overflow the sum to a
            // negative number and pass.
            if (size < 0 || size > stream.Length - offset)
            {
                throw Fail($"truncated: section {type} claims {size} bytes at offset {offset}, but the file ends at {stream.Length}");
            }
            if (!sections.TryGetValue(type, out var list))
            {
                sections[type] = list = [];
            }
            list.Add((offset, size));
            position = offset + size;
        }
    }

    /// <summary>Whether the file has a section of this type.</summary>
    public bool HasSection(int type) => sections.ContainsKey(type);

    /// <summary>The byte size of the (single) section of this type; throws naming the section if it is missing or repeated.</summary>
    public long SectionSize(int type) => Single(type).Size;

    /// <summary>Reads a whole section into a new array (for small sections such as headers).</summary>
    public byte[] ReadSection(int type)
    {
        var (offset, size) = Single(type);
        if (size > Array.MaxLength)
        {
            throw Fail($"section {type} is too large to read at once ({size} bytes)");
        }
        var bytes = new byte[size];
        ReadAt(offset, bytes);
        return bytes;
    }

    /// <summary>Reads <paramref name="destination"/>.Length bytes of section <paramref name="type"/> starting at <paramref name="offsetInSection"/>.</summary>
    public void ReadSection(int type, long offsetInSection, Span<byte> destination)
    {
        var (offset, size) = Single(type);
        if (offsetInSection < 0 || offsetInSection + destination.Length > size)
        {
            throw Fail($"section {type} is {size} bytes; expected at least {offsetInSection + destination.Length}");
        }
        ReadAt(offset + offsetInSection, destination);
    }

    /// <summary>Reads unmanaged values (raw little-endian bytes) from section <paramref name="type"/> into <paramref name="destination"/>.</summary>
    public void ReadSection<T>(int type, long offsetInSection, Span<T> destination) where T : unmanaged =>
        ReadSection(type, offsetInSection, MemoryMarshal.AsBytes(destination));

    /// <summary>Throws unless section <paramref name="type"/> is exactly <paramref name="expected"/> bytes; <paramref name="what"/> names it in the message.</summary>
    public void ExpectSectionSize(int type, long expected, string what)
    {
        long size = SectionSize(type);
        if (size != expected)
        {
            throw Fail($"section {type} ({what}) is {size} bytes; expected {expected}");
        }
    }

    /// <summary>An <see cref="InputFileException"/> for this file.</summary>
    public InputFileException Fail(string problem) => new(Path, problem);

    private (long Offset, long Size) Single(int type)
    {
        if (!sections.TryGetValue(type, out var list))
        {
            throw Fail($"section {type} is missing");
        }
        if (list.Count != 1)
        {
            throw Fail($"section {type} appears {list.Count} times");
        }
        return list[0];
    }

    private void ReadAt(long offset, Span<byte> destination)
    {
        stream.Position = offset;
        // FileStream reads are capped near 2 GiB per call; loop in large chunks.
        while (!destination.IsEmpty)
        {
            int chunk = Math.Min(destination.Length, 1 << 30);
            stream.ReadExactly(destination[..chunk]);
            destination = destination[chunk..];
        }
    }

    private static string Printable(string s) => new(s.Select(c => c is >= ' ' and <= '~' ? c : '?').ToArray());

    /// <inheritdoc/>
    public void Dispose() => stream.Dispose();
}
