// SPDX-License-Identifier: MIT
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics.X86;

namespace ZkOptions.Field.Primitives;

/// <summary>
/// 64-bit limb primitives shared by the Montgomery fields. <see cref="Math.BigMul(ulong, ulong, out ulong)"/>
/// compiles to MULX/MUL when the CPU has it and to a portable 32×32 schoolbook product when hardware
/// intrinsics are disabled (DOTNET_EnableHWIntrinsic=0), which is how the test suite reaches the scalar path.
/// </summary>
internal static class Limb
{
    /// <summary>Returns a + b + carry and sets carry to the carry out (carry is 0 or 1).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong AddWithCarry(ulong a, ulong b, ref ulong carry)
    {
        ulong sum = a + b;
        ulong carryOut = sum < a ? 1UL : 0UL;
        ulong result = sum + carry;
        carryOut += result < sum ? 1UL : 0UL;
        carry = carryOut;
        return result;
    }

    /// <summary>Returns a − b − borrow and sets borrow to the borrow out (borrow is 0 or 1).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong SubWithBorrow(ulong a, ulong b, ref ulong borrow)
    {
        ulong diff = a - b;
        ulong borrowOut = a < b ? 1UL : 0UL;
        ulong result = diff - borrow;
        borrowOut |= diff < borrow ? 1UL : 0UL;
        borrow = borrowOut;
        return result;
    }

    /// <summary>Returns the high word of a·b (MULX without the low word when BMI2 is available).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong MulHigh(ulong a, ulong b)
    {
        if (Bmi2.X64.IsSupported)
        {
            return Bmi2.X64.MultiplyNoFlags(a, b);
        }
        return Math.BigMul(a, b, out _);
    }

    /// <summary>Returns the high word of a·b + c and writes the low word (cannot overflow 128 bits).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong MulAdd(ulong a, ulong b, ulong c, out ulong low)
    {
        ulong hi = Math.BigMul(a, b, out ulong lo);
        low = lo + c;
        return hi + (low < lo ? 1UL : 0UL);
    }

    /// <summary>Returns the high word of a·b + c + d and writes the low word (cannot overflow 128 bits).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong MulAdd(ulong a, ulong b, ulong c, ulong d, out ulong low)
    {
        ulong hi = Math.BigMul(a, b, out ulong lo);
        ulong s = lo + c;
        hi += s < lo ? 1UL : 0UL;
        low = s + d;
        return hi + (low < s ? 1UL : 0UL);
    }
}
