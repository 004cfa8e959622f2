// SPDX-License-Identifier: MIT
namespace ZkOptions.Sequencer.Core;

/// <summary>Where an acknowledged order stands.</summary>
public enum OrderStatus
{
    /// <summary>Resting in the book (possibly partly filled).</summary>
    Open,

    /// <summary>Filled completely.</summary>
    Filled,

    /// <summary>Cancelled by its owner, by a replace, or (IOC) its unfilled rest; or taken off the book because the engine refused a fill against it.</summary>
    Cancelled,

    /// <summary>Its valid-until passed while it rested.</summary>
    Expired,

    /// <summary>The engine refused its first fill (margin, cash, fee, slot); nothing of it traded.</summary>
    Rejected,
}
