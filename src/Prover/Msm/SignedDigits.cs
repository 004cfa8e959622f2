// SPDX-License-Identifier: MIT
using ZkOptions.Field;

namespace ZkOptions.Prover.Msm;

/// <summary>
/// The scalars of one MSM cut into signed c-bit windows. Each scalar is taken out of Montgomery form once; a
/// window's raw bits b plus the carry from the window below become a digit in [−2^(c−1)+1, 2^(c−1)] (b + carry
/// above 2^(c−1) becomes b + carry − 2^c and carries one up), so a window needs 2^(c−1) buckets, not 2^c − 1,
/// and a negative digit costs only a negation of the point. Digits are recomputed on demand from the canonical
/// limbs and one word of carry bits per scalar (32 + 8 bytes a scalar, whatever the number of windows).
/// </summary>
internal sealed class SignedDigits
{
    /// <summary>Scalars are below r &lt; 2^254; one more bit holds the final carry of the signed recoding.</summary>
    private const int ScalarBits = 255;

    /// <summary>Smallest window: more windows than 63 would not fit the carry word.</summary>
    public const int MinWindowBits = 5;

    /// <summary>Largest window (2^23 buckets a window is far past any useful size).</summary>
    public const int MaxWindowBits = 24;

    private readonly ulong[] _limbs;
    private readonly ulong[] _carries;

    private SignedDigits(int windowBits, ulong[] limbs, ulong[] carries)
    {
        WindowBits = windowBits;
        WindowCount = WindowCountFor(windowBits);
        _limbs = limbs;
        _carries = carries;
    }

    /// <summary>Window width c in bits.</summary>
    public int WindowBits { get; }

    /// <summary>Number of windows, ⌈255 / c⌉.</summary>
    public int WindowCount { get; }

    /// <summary>Number of scalars.</summary>
    public int Count => _carries.Length;

    /// <summary>Buckets a window needs: digits reach 2^(c−1) in absolute value.</summary>
    public int BucketCount => 1 << (WindowBits - 1);

    /// <summary>⌈255 / c⌉ windows cover every scalar below r including the final carry.</summary>
    public static int WindowCountFor(int windowBits) => (ScalarBits + windowBits - 1) / windowBits;

    /// <summary>
    /// The largest |digit| window <paramref name="window"/> can hold: the top window has fewer bits, so fewer of
    /// its buckets can be hit (callers size their work by it).
    /// </summary>
    public int MaxAbsDigit(int window)
    {
        int low = window * WindowBits;
        int bits = Math.Min(WindowBits, 254 - low); // bits of r − 1 at and above `low`
        // Raw bits ≤ 2^bits − 1, plus a carry: at most 2^bits, and never more than the 2^(c−1) of a signed digit.
        return bits >= WindowBits ? BucketCount : Math.Min(BucketCount, 1 << Math.Max(bits, 0));
    }

    /// <summary>Recodes <paramref name="scalars"/> with c = <paramref name="windowBits"/>, in parallel chunks.</summary>
    public static SignedDigits Create(ReadOnlyMemory<Fr> scalars, int windowBits, int maxThreads)
    {
        if (windowBits < MinWindowBits || windowBits > MaxWindowBits)
        {
            throw new ArgumentOutOfRangeException(nameof(windowBits), windowBits, $"Window bits must be in [{MinWindowBits}, {MaxWindowBits}].");
        }
        int n = scalars.Length;
        var limbs = new ulong[4 * n];
        var carries = new ulong[n];
        const int chunk = 1 << 14;
        int chunks = (n + chunk - 1) / chunk;
        Parallel.For(0, chunks, new ParallelOptions { MaxDegreeOfParallelism = maxThreads }, c =>
        {
            int end = Math.Min(n, (c + 1) * chunk);
            ReadOnlySpan<Fr> span = scalars.Span;
            for (int i = c * chunk; i < end; i++)
            {
                span[i].ToCanonicalLimbs(out limbs[4 * i], out limbs[4 * i + 1], out limbs[4 * i + 2], out limbs[4 * i + 3]);
                carries[i] = CarryBits(limbs.AsSpan(4 * i, 4), windowBits);
            }
        });
        return new SignedDigits(windowBits, limbs, carries);
    }

    /// <summary>The signed digit of scalar <paramref name="index"/> in window <paramref name="window"/>.</summary>
    public int Digit(int index, int window)
    {
        int c = WindowBits;
        ulong raw = RawBits(_limbs.AsSpan(4 * index, 4), window * c, c);
        ulong carries = _carries[index];
        long carryIn = (long)((carries >> window) & 1);
        long carryOut = (long)((carries >> (window + 1)) & 1);
        return (int)((long)raw + carryIn - (carryOut << c));
    }

    /// <summary>Bit w of the result is the carry into window w.</summary>
    private static ulong CarryBits(ReadOnlySpan<ulong> limbs, int c)
    {
        int windows = WindowCountFor(c);
        long half = 1L << (c - 1);
        ulong carries = 0;
        long carry = 0;
        for (int w = 0; w < windows; w++)
        {
            long d = (long)RawBits(limbs, w * c, c) + carry;
            carry = d > half ? 1 : 0;
            carries |= (ulong)carry << (w + 1);
        }
        return carries;
    }

    /// <summary>Bits [start, start + count) of a 256-bit little-endian number (count ≤ 32).</summary>
    private static ulong RawBits(ReadOnlySpan<ulong> limbs, int start, int count)
    {
        int limb = start >> 6;
        int shift = start & 63;
        if (limb >= 4)
        {
            return 0;
        }
        ulong bits = limbs[limb] >> shift;
        if (shift + count > 64 && limb < 3)
        {
            bits |= limbs[limb + 1] << (64 - shift);
        }
        return bits & ((1UL << count) - 1);
    }
}
