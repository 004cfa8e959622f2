// SPDX-License-Identifier: MIT
namespace ZkOptions.Settlement.Risk;

/// <summary>Which way a scenario shocks implied volatility.</summary>
public enum VolShockDirection
{
    /// <summary>Vol unchanged.</summary>
    None,

    /// <summary>Vol multiplied by the up factor of <see cref="VolShock"/>.</summary>
    Up,

    /// <summary>Vol multiplied by the down factor of <see cref="VolShock"/>.</summary>
    Down,
}
