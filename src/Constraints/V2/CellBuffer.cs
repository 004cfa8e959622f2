// SPDX-License-Identifier: MIT
using System.Runtime.CompilerServices;

namespace ZkOptions.Constraints.V2;

/// <summary>
/// Scratch for one row's worth of values in generic identity code, where <c>stackalloc</c> cannot be used (the
/// element may be a managed symbolic type): a fixed buffer of <see cref="WideLayout.Width"/> elements on the stack.
/// </summary>
[InlineArray(WideLayout.Width)]
public struct CellBuffer<T>
{
    private T element;
}
