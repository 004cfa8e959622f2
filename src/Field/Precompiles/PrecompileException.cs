// SPDX-License-Identifier: MIT
namespace ZkOptions.Field;

/// <summary>Why a BN254 precompile rejected its input (the call would fail on Ethereum).</summary>
public enum PrecompileError
{
    /// <summary>ecPairing input length is not a multiple of 192 bytes.</summary>
    InvalidLength,

    /// <summary>A coordinate is not below the base field modulus p.</summary>
    CoordinateNotInField,

    /// <summary>A G1 point is not on y² = x³ + 3.</summary>
    G1NotOnCurve,

    /// <summary>A G2 point is not on the twist y² = x³ + 3/(9 + u).</summary>
    G2NotOnTwist,

    /// <summary>A G2 point is on the twist but not in the order-r subgroup.</summary>
    G2NotInSubgroup,
}

/// <summary>
/// Thrown by <see cref="Precompiles"/> for input that Ethereum's precompile would reject (the call fails and
/// consumes its gas). Never a wrong answer: either the exact output bytes or this exception.
/// </summary>
public sealed class PrecompileException(PrecompileError error, string message) : Exception(message)
{
    /// <summary>The kind of failure, for callers that branch on it.</summary>
    public PrecompileError Error { get; } = error;
}
