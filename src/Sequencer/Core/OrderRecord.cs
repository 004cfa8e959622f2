// SPDX-License-Identifier: MIT
using System.Globalization;
using System.Text.Json.Nodes;
using ZkOptions.Sequencer.Inputs;
using ZkOptions.Sequencer.Journal;
using ZkOptions.Settlement.Numbers;
using ZkOptions.Settlement.Orders;

namespace ZkOptions.Sequencer.Core;

/// <summary>An acknowledged order and what became of it. Its id is <c>account-storageId</c>: a signed order names itself.</summary>
public sealed class OrderRecord(SubmitOrder submitted, long batch)
{
    /// <summary>The order as submitted.</summary>
    public SubmitOrder Submitted { get; } = submitted;

    /// <summary>The signed order.</summary>
    public Order Order => Submitted.Order.Order;

    /// <summary>The id: <c>account-storageId</c>.</summary>
    public string Id => IdOf(Order.Account, Order.StorageId);

    /// <summary>The batch open when it arrived.</summary>
    public long Batch { get; } = batch;

    /// <summary>Contracts filled so far.</summary>
    public Quantity Filled { get; set; }

    /// <summary>Its status.</summary>
    public OrderStatus Status { get; set; } = OrderStatus.Open;

    /// <summary>Why it was cancelled, expired or rejected (empty otherwise).</summary>
    public string Reason { get; set; } = "";

    /// <summary>The id of an order.</summary>
    public static string IdOf(long account, long storageId) =>
        account.ToString(CultureInfo.InvariantCulture) + "-" + storageId.ToString(CultureInfo.InvariantCulture);

    /// <summary>The (account, storage id) an id names, or null when it is not of the form <c>account-storageId</c>.</summary>
    public static (long Account, long StorageId)? ParseId(string id)
    {
        string[] parts = id.Split('-');
        return parts.Length == 2 && long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out long a)
            && long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out long s) ? (a, s) : null;
    }

    /// <summary>The API's view.</summary>
    public JsonObject ToJson() => new()
    {
        ["orderId"] = Id,
        ["status"] = Status.ToString().ToLowerInvariant(),
        ["reason"] = Reason.Length == 0 ? null : Reason,
        ["account"] = Order.Account.ToString(CultureInfo.InvariantCulture),
        ["storageId"] = Order.StorageId.ToString(CultureInfo.InvariantCulture),
        ["series"] = Order.Series.ToString(),
        ["side"] = Order.Side == Side.Buy ? "buy" : "sell",
        ["limitPrice"] = Order.LimitPrice.ToString(),
        ["amount"] = Order.Amount.ToString(),
        ["filled"] = Filled.ToString(),
        ["validUntil"] = Order.ValidUntil.ToString(CultureInfo.InvariantCulture),
        ["timeInForce"] = InputJson.Name(Submitted.TimeInForce),
        ["reduceOnly"] = Submitted.ReduceOnly,
        ["batch"] = Batch.ToString(CultureInfo.InvariantCulture),
    };
}
