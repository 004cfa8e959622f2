// SPDX-License-Identifier: MIT
using System.Buffers;

namespace ZkOptions.Prover.Formats;

/// <summary>
/// A region of a <see cref="MappedFile"/> as <see cref="Memory{T}"/>, so code written for arrays (MSM, NTT, evaluation)
/// reads the file's pages in place. The region is always pinned (mapped memory does not move); it holds its file, so
/// the mapping stays while any memory over it is reachable.
/// </summary>
internal sealed unsafe class MappedMemory<T>(MappedFile file, T* pointer, int length) : MemoryManager<T> where T : unmanaged
{
    public override Span<T> GetSpan()
    {
        GC.KeepAlive(file);
        return new Span<T>(pointer, length);
    }

    public override MemoryHandle Pin(int elementIndex = 0) => new(pointer + elementIndex);

    public override void Unpin()
    {
    }

    protected override void Dispose(bool disposing)
    {
    }
}
