// SPDX-License-Identifier: MIT
using ZkOptions.Settlement.Instruments;
using ZkOptions.Settlement.Numbers;

namespace ZkOptions.Settlement.State;

/// <summary>
/// One of an account's K position slots: a series and a signed quantity. An empty slot has no series and zero
/// quantity; a slot whose quantity returns to zero is emptied, so the two are always equivalent.
/// </summary>
public readonly record struct PositionSlot(SeriesKey? Series, Quantity Quantity)
{
    /// <summary>The empty slot.</summary>
    public static PositionSlot Empty => default;

    /// <summary>True when the slot holds no position.</summary>
    public bool IsEmpty => Series is null;
}
