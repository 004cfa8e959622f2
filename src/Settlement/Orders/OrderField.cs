// SPDX-License-Identifier: MIT
namespace ZkOptions.Settlement.Orders;

/// <summary>
/// The fields of the signed order message in their hashed order, written once: <see cref="Order.Fields"/>, the batch
/// witness and the circuit's trade rule all index by it. The chain id is hashed last, from the exchange parameters.
/// </summary>
public enum OrderField
{
    Account,
    Series,
    Side,
    LimitPrice,
    Amount,
    StorageId,
    ValidUntil,
    MaxFee,
}
