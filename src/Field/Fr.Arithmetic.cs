// SPDX-License-Identifier: MIT
namespace ZkOptions.Field;

/// <summary>Fr as the concrete reading of identities written over <see cref="IFieldArithmetic{T}"/>.</summary>
public readonly partial struct Fr : IFieldArithmetic<Fr>
{
    /// <inheritdoc/>
    public static Fr Constant(in Fr value) => value;
}
