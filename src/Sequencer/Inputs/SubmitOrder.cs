// SPDX-License-Identifier: MIT
using ZkOptions.Settlement.Orders;

namespace ZkOptions.Sequencer.Inputs;

/// <summary>A signed limit order, its time in force and whether it may only reduce the account's position.</summary>
public sealed record SubmitOrder(SignedOrder Order, TimeInForce TimeInForce, bool ReduceOnly) : SequencerInput
{
    /// <inheritdoc/>
    public override string Kind => "order";
}
