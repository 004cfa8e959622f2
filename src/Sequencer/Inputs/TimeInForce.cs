// SPDX-License-Identifier: MIT
namespace ZkOptions.Sequencer.Inputs;

/// <summary>How long an order may stay in the book.</summary>
public enum TimeInForce
{
    /// <summary>Matches, then rests what is left until cancelled, filled or past its valid-until.</summary>
    GoodTillCancel,

    /// <summary>Matches what it can at once; the rest is cancelled.</summary>
    ImmediateOrCancel,

    /// <summary>Rests only: refused if it would match on arrival (it never takes liquidity).</summary>
    PostOnly,
}
