// SPDX-License-Identifier: MIT
using System.Runtime.CompilerServices;

namespace ZkOptions.Field.Primitives;

/// <summary>
/// One out-of-line copy of <see cref="Fr.Mul"/> for code that makes many products in a row (Poseidon, the
/// BabyJubjub formulas).
/// </summary>
/// <remarks>
/// <see cref="Fr.Mul"/> is inlined wherever it is called, about 2 KiB of code each time. A method with ten inlined
/// products runs out of registers and spills, and a loop that alternates between several copies runs 2–3 times
/// slower than one that calls a single copy. Measured on the EdDSA verification: Poseidon with 5 inputs became
/// 1.3–1.7 times faster, and a BabyJubjub doubling went from 600 to 420 ns. The call costs a few nanoseconds of a
/// product of about 30 ns. The method is compiled optimised from the first call, because building tables makes
/// thousands of products before tiered compilation would promote it.
/// </remarks>
internal static class OutOfLineFr
{
    /// <summary>r = a·b.</summary>
    [MethodImpl(MethodImplOptions.NoInlining | MethodImplOptions.AggressiveOptimization)]
    public static void Mul(in Fr a, in Fr b, out Fr r) => Fr.Mul(in a, in b, out r);
}
