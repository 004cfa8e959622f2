// SPDX-License-Identifier: MIT
using ZkOptions.Field;
using ZkOptions.Settlement.Orders;

namespace ZkOptions.Sequencer.Inputs;

/// <summary>A signed limit order, its time in force and whether it may only reduce the account's position.</summary>
public sealed record SubmitOrder(SignedOrder Order, TimeInForce TimeInForce, bool ReduceOnly) : SequencerInput
{
    private (SignedOrder For, Fr Hash)? hash;

    /// <summary>
    /// The signed message (<see cref="Settlement.Orders.Order.Hash"/>), computed once: intake verifies it, the journal
    /// writes it, and the sequencer forgets the verified signature by it, so the Poseidon hash is not recomputed.
    /// </summary>
    public Fr Hash
    {
        get
        {
            if (hash is not { } h || !ReferenceEquals(h.For, Order))
            {
                hash = h = (Order, Order.Order.Hash());
            }
            return h.Hash;
        }
    }

    /// <summary>
    /// This input with its hash already known to be <paramref name="orderHash"/> (a reader that checked the hash an order
    /// arrived with against its fields), so <see cref="Hash"/> does not compute it again.
    /// </summary>
    internal SubmitOrder WithCheckedHash(Fr orderHash)
    {
        hash = (Order, orderHash);
        return this;
    }

    /// <inheritdoc/>
    public override string Kind => "order";
}
