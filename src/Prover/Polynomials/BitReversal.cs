// SPDX-License-Identifier: MIT
namespace ZkOptions.Prover.Polynomials;

/// <summary>Bit-reversed indexing, the order an in-place radix-2 transform reads or writes its data in.</summary>
public static class BitReversal
{
    /// <summary>The low <paramref name="bits"/> bits of <paramref name="index"/> in reverse order.</summary>
    public static int Reverse(int index, int bits)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfNegative(bits);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(bits, 31);
        return bits == 0 ? 0 : (int)(ReverseBits((uint)index) >> (32 - bits));
    }

    /// <summary>Swaps values[i] and values[Reverse(i, log2 n)] for all i; values.Length must be a power of two.</summary>
    public static void Permute<T>(Span<T> values)
    {
        int n = values.Length;
        if (n <= 2)
        {
            return;
        }
        if ((n & (n - 1)) != 0)
        {
            throw new ArgumentException($"length {n} is not a power of two", nameof(values));
        }
        int shift = 32 - System.Numerics.BitOperations.Log2((uint)n);
        for (int i = 0; i < n; i++)
        {
            int j = (int)(ReverseBits((uint)i) >> shift);
            if (i < j)
            {
                (values[i], values[j]) = (values[j], values[i]);
            }
        }
    }

    private static uint ReverseBits(uint v)
    {
        v = ((v >> 1) & 0x55555555u) | ((v & 0x55555555u) << 1);
        v = ((v >> 2) & 0x33333333u) | ((v & 0x33333333u) << 2);
        v = ((v >> 4) & 0x0F0F0F0Fu) | ((v & 0x0F0F0F0Fu) << 4);
        return System.Buffers.Binary.BinaryPrimitives.ReverseEndianness(v);
    }
}
