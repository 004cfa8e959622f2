// SPDX-License-Identifier: MIT
namespace ZkOptions.Field;

/// <summary>
/// The ring operations an identity over Fr is written in (a gate's residuals, the lookup compression), as static
/// abstract members so that one generic definition serves every reading of it: <see cref="Fr"/> itself (the checker,
/// the prover on 8n points and the verifier at ζ, specialised by the JIT with no virtual calls), and a symbolic type
/// that emits code for the same expression (the Solidity verifier's generator).
/// </summary>
/// <typeparam name="T">The element type.</typeparam>
public interface IFieldArithmetic<T> where T : IFieldArithmetic<T>
{
    /// <summary>The multiplicative identity.</summary>
    static abstract T One { get; }

    /// <summary>
    /// True when the element is certainly zero (for <see cref="Fr"/>, exactly zero; for a symbol, the constant 0), so
    /// a term it multiplies can be skipped.
    /// </summary>
    bool IsZero { get; }

    /// <summary>A constant of the identity (an MDS entry, a curve parameter).</summary>
    static abstract T Constant(in Fr value);

    /// <summary>a + b.</summary>
    static abstract T operator +(T a, T b);

    /// <summary>a − b.</summary>
    static abstract T operator -(T a, T b);

    /// <summary>a·b.</summary>
    static abstract T operator *(T a, T b);
}
