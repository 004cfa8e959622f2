// SPDX-License-Identifier: MIT
using System.Reflection.Metadata;
using System.Reflection.Metadata.Ecma335;
using System.Reflection.PortableExecutable;

namespace ZkOptions.Cli.Tests.Support;

/// <summary>
/// Copies an assembly with the version of one of its references rewritten in place, as if it had been built against
/// another version of that library: how a test gets an assembly built against a zkoptions newer than the CLI.
/// </summary>
internal static class AssemblyReferencePatch
{
    /// <summary>Writes <paramref name="target"/>: <paramref name="source"/> with reference <paramref name="referenceName"/> at <paramref name="version"/>.</summary>
    public static void WithReferenceVersion(string source, string target, string referenceName, Version version)
    {
        byte[] bytes = File.ReadAllBytes(source);
        int rowOffset;
        using (var pe = new PEReader(new MemoryStream(bytes)))
        {
            MetadataReader metadata = pe.GetMetadataReader();
            int row = metadata.AssemblyReferences
                .Select(handle => (Row: MetadataTokens.GetRowNumber(handle), Name: metadata.GetString(metadata.GetAssemblyReference(handle).Name)))
                .Single(r => r.Name == referenceName).Row;
            // An AssemblyRef row starts with its version: major, minor, build, revision, 2 bytes each (ECMA-335 II.22.5).
            rowOffset = pe.PEHeaders.MetadataStartOffset + metadata.GetTableMetadataOffset(TableIndex.AssemblyRef)
                        + (row - 1) * metadata.GetTableRowSize(TableIndex.AssemblyRef);
        }
        ushort[] parts = [(ushort)version.Major, (ushort)version.Minor, (ushort)Math.Max(0, version.Build), (ushort)Math.Max(0, version.Revision)];
        for (int i = 0; i < parts.Length; i++)
        {
            System.Buffers.Binary.BinaryPrimitives.WriteUInt16LittleEndian(bytes.AsSpan(rowOffset + 2 * i), parts[i]);
        }
        File.WriteAllBytes(target, bytes);
    }
}
