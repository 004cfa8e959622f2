// SPDX-License-Identifier: MIT
using System.Globalization;
using System.Text.Json.Nodes;
using ZkOptions.Settlement.Engine;
using ZkOptions.Settlement.Parameters;
using ZkOptions.Settlement.Risk;
using ZkOptions.Settlement.State;
using ZkOptions.Settlement.Transactions;

namespace ZkOptions.Settlement.Batches;

/// <summary>
/// The batch file (docs/settlement.md, "Batch files"): the public inputs, the exits, and one record per transaction
/// with its <c>type</c>, its fields, the roots around it, figures for people, and the witness a prover needs
/// (account leaves before and after with proofs, order slots, series data with proofs). <see cref="Read"/> turns a file
/// back into the <see cref="Batch"/>, checking it on the way.
/// </summary>
public static partial class BatchJson
{
    /// <summary>Format version written in every file.</summary>
    public const int Version = 1;

    /// <summary>The batch as JSON.</summary>
    public static JsonObject Write(Batch b, ExchangeParameters p)
    {
        var publicInputs = new JsonObject();
        foreach (var (name, value) in b.PublicInputs)
        {
            publicInputs[name] = value.ToString();
        }
        return new JsonObject
        {
            ["format"] = "zkoptions-batch",
            ["version"] = Version,
            ["number"] = b.Number.ToString(CultureInfo.InvariantCulture),
            ["timestamp"] = b.Timestamp.ToString(CultureInfo.InvariantCulture),
            ["parametersHash"] = b.ParametersHash.ToString(),
            ["publicInputs"] = publicInputs,
            ["queue"] = new JsonObject
            {
                ["consumedBefore"] = b.QueueConsumedBefore.ToString(CultureInfo.InvariantCulture),
                ["consumedAfter"] = b.QueueConsumedAfter.ToString(CultureInfo.InvariantCulture),
            },
            ["start"] = new JsonObject
            {
                ["accountsRoot"] = b.Start.AccountsRoot.ToString(),
                ["epochId"] = b.Start.EpochId.ToString(CultureInfo.InvariantCulture),
                ["epochTimestamp"] = b.Start.EpochTimestamp.ToString(CultureInfo.InvariantCulture),
                ["epochCommitment"] = b.Start.EpochCommitment.ToString(),
                ["seriesRoot"] = b.Start.SeriesRoot.ToString(),
                ["spotsHash"] = b.Start.SpotsHash.ToString(),
            },
            ["exits"] = new JsonArray(b.Exits.Select(e => (JsonNode)Exit(e)).ToArray()),
            ["transactions"] = new JsonArray(b.Transactions.Select(t => (JsonNode)Transaction(t, p)).ToArray()),
        };
    }

    private static JsonObject Exit(ExitRecord e) => new()
    {
        ["account"] = e.Account.ToString(CultureInfo.InvariantCulture),
        ["recipient"] = AccountJson.Address(e.Recipient),
        ["amount"] = e.Amount.ToString(),
    };

    private static JsonObject Transaction(TransactionResult r, ExchangeParameters p)
    {
        var o = new JsonObject { ["type"] = r.Transaction.TypeName };
        foreach (var (k, v) in Fields(r.Transaction, p))
        {
            o[k] = v;
        }
        o["rootBefore"] = r.RootBefore.ToString();
        o["rootAfter"] = r.RootAfter.ToString();
        o["exits"] = new JsonArray(r.Exits.Select(e => (JsonNode)Exit(e)).ToArray());
        var details = new JsonObject();
        foreach (var (k, v) in r.Details.OrderBy(kv => kv.Key, StringComparer.Ordinal))
        {
            details[k] = v;
        }
        o["details"] = details;
        o["witness"] = new JsonObject
        {
            ["accounts"] = new JsonArray(r.AccountUpdates.Select(u => (JsonNode)new JsonObject
            {
                ["index"] = u.Index.ToString(CultureInfo.InvariantCulture),
                ["before"] = u.Before is null ? null : AccountJson.Write(u.Before),
                ["after"] = AccountJson.Write(u.After),
                ["siblings"] = AccountJson.Proof(u.Proof),
            }).ToArray()),
            ["orderSlots"] = new JsonArray(r.OrderSlots.Select(s => (JsonNode)new JsonObject
            {
                ["account"] = s.Account.ToString(CultureInfo.InvariantCulture),
                ["slot"] = s.Slot.ToString(CultureInfo.InvariantCulture),
                ["storageIdBefore"] = s.Before.StorageId.ToString(CultureInfo.InvariantCulture),
                ["filledBefore"] = s.Before.Filled.ToString(),
                ["storageIdAfter"] = s.After.StorageId.ToString(CultureInfo.InvariantCulture),
                ["filledAfter"] = s.After.Filled.ToString(),
                ["siblings"] = AccountJson.Proof(s.Proof),
            }).ToArray()),
            ["series"] = new JsonArray(r.Series.Select(s => (JsonNode)new JsonObject
            {
                ["index"] = s.Index.ToString(CultureInfo.InvariantCulture),
                ["key"] = s.Risk.Key.ToString(),
                ["mark"] = s.Risk.Mark.ToString(),
                ["shortCharge"] = s.Risk.ShortCharge.ToString(),
                ["settlementPrice"] = s.Risk.SettlementPrice.ToString(),
                ["riskArray"] = new JsonArray(s.Risk.RiskArray.Select(v => (JsonNode)JsonValue.Create(v.ToString())).ToArray()),
                ["siblings"] = AccountJson.Proof(s.Proof),
            }).ToArray()),
        };
        return o;
    }

    private static IEnumerable<(string, JsonNode?)> Fields(Transaction tx, ExchangeParameters p)
    {
        static JsonNode S(long v) => JsonValue.Create(v.ToString(CultureInfo.InvariantCulture));
        static JsonObject Sig(ZkOptions.Field.BabyJubjub.EddsaSignature s) => Orders.SignedOrderJson.Signature(s);
        static JsonObject Order(Orders.SignedOrder o) => Orders.SignedOrderJson.Write(o);
        switch (tx)
        {
            case DepositTx d:
                yield return ("queueIndex", S(d.QueueIndex));
                break;
            case ForcedWithdrawTx f:
                yield return ("queueIndex", S(f.QueueIndex));
                break;
            case WithdrawTx w:
                yield return ("account", S(w.Account));
                yield return ("amount", w.Amount.ToString());
                yield return ("recipient", AccountJson.Address(w.Recipient));
                yield return ("nonce", S(w.Nonce));
                yield return ("signature", Sig(w.Signature));
                break;
            case TradeTx t:
                yield return ("series", t.Maker.Order.Series.ToString());
                yield return ("seriesName", t.Maker.Order.Series.ToDisplay(p.UnderlyingName));
                yield return ("fill", t.Fill.ToString());
                yield return ("maker", Order(t.Maker));
                yield return ("taker", Order(t.Taker));
                break;
            case LiquidationStartTx s:
                yield return ("account", S(s.Account));
                break;
            case LiquidationBidTx b:
                yield return ("liquidator", S(b.Liquidator));
                yield return ("victim", S(b.Victim));
                yield return ("fraction", S(b.Fraction));
                yield return ("price", b.Price.ToString());
                yield return ("nonce", S(b.Nonce));
                yield return ("signature", Sig(b.Signature));
                break;
            case LiquidationEndTx e:
                yield return ("account", S(e.Account));
                break;
            case SettleTx s:
                yield return ("account", S(s.Account));
                yield return ("series", s.Series.ToString());
                yield return ("seriesName", s.Series.ToDisplay(p.UnderlyingName));
                break;
            case OracleUpdateTx o:
                yield return ("epoch", OracleEpochJson.Write(o.Epoch, p));
                break;
            case RiskRefreshTx r:
                yield return ("account", S(r.Account));
                break;
        }
    }
}
