// SPDX-License-Identifier: MIT
using System.Globalization;
using System.Text.Json.Nodes;
using ZkOptions.Field.BabyJubjub;
using ZkOptions.Settlement.Numbers;
using ZkOptions.Settlement.Serialization;

namespace ZkOptions.Settlement.Parameters;

/// <summary>The parameters object of state and scenario files; every field optional on reading (defaults of DESIGN.md §4).</summary>
public static class ExchangeParametersJson
{
    /// <summary>All settings, ratios as ppm integers.</summary>
    public static JsonObject Write(ExchangeParameters p) => new()
    {
        ["chainId"] = p.ChainId.ToString(CultureInfo.InvariantCulture),
        ["scenarioCount"] = p.ScenarioCount,
        ["positionSlots"] = p.PositionSlots,
        ["accountTreeDepth"] = p.AccountTreeDepth,
        ["orderTreeDepth"] = p.OrderTreeDepth,
        ["seriesTreeDepth"] = p.SeriesTreeDepth,
        ["initialMarginFactor"] = p.InitialMarginFactor.ToString(),
        ["liquidationBufferFactor"] = p.LiquidationBufferFactor.ToString(),
        ["auctionStartFactor"] = p.AuctionStartFactor.ToString(),
        ["auctionEndFactor"] = p.AuctionEndFactor.ToString(),
        ["auctionDurationSeconds"] = p.AuctionDurationSeconds.ToString(CultureInfo.InvariantCulture),
        ["liquidatorFeeRate"] = p.LiquidatorFeeRate.ToString(),
        ["makerFeeRate"] = p.MakerFeeRate.ToString(),
        ["takerFeeRate"] = p.TakerFeeRate.ToString(),
        ["maxEpochAgeSeconds"] = p.MaxEpochAgeSeconds.ToString(CultureInfo.InvariantCulture),
        ["insuranceAccount"] = p.InsuranceAccount.ToString(CultureInfo.InvariantCulture),
        ["oraclePublicKey"] = new JsonObject { ["x"] = p.OraclePublicKey.X.ToString(), ["y"] = p.OraclePublicKey.Y.ToString() },
        ["hash"] = p.Hash().ToString(),
    };

    /// <summary>Reads and validates a parameters object.</summary>
    public static ExchangeParameters Read(JsonObject o, JsonFields json)
    {
        var d = new ExchangeParameters();
        Ppm R(string name, Ppm fallback) => new(json.OptionalLong(o, name, fallback.Value, 0, 100 * Ppm.Scale));
        BabyJubjubPoint key = d.OraclePublicKey;
        if (o["oraclePublicKey"] is not null)
        {
            JsonObject k = json.Object(o, "oraclePublicKey");
            key = new BabyJubjubPoint(json.FieldElement(k, "x"), json.FieldElement(k, "y"));
        }
        var p = new ExchangeParameters
        {
            ChainId = json.OptionalLong(o, "chainId", d.ChainId, 1),
            ScenarioCount = (int)json.OptionalLong(o, "scenarioCount", d.ScenarioCount, 1, 64),
            PositionSlots = (int)json.OptionalLong(o, "positionSlots", d.PositionSlots, 1, 16),
            AccountTreeDepth = (int)json.OptionalLong(o, "accountTreeDepth", d.AccountTreeDepth, 1, 16),
            OrderTreeDepth = (int)json.OptionalLong(o, "orderTreeDepth", d.OrderTreeDepth, 1, 16),
            SeriesTreeDepth = (int)json.OptionalLong(o, "seriesTreeDepth", d.SeriesTreeDepth, 1, 16),
            InitialMarginFactor = R("initialMarginFactor", d.InitialMarginFactor),
            LiquidationBufferFactor = R("liquidationBufferFactor", d.LiquidationBufferFactor),
            AuctionStartFactor = R("auctionStartFactor", d.AuctionStartFactor),
            AuctionEndFactor = R("auctionEndFactor", d.AuctionEndFactor),
            AuctionDurationSeconds = json.OptionalLong(o, "auctionDurationSeconds", d.AuctionDurationSeconds, 1),
            LiquidatorFeeRate = R("liquidatorFeeRate", d.LiquidatorFeeRate),
            MakerFeeRate = R("makerFeeRate", d.MakerFeeRate),
            TakerFeeRate = R("takerFeeRate", d.TakerFeeRate),
            MaxEpochAgeSeconds = json.OptionalLong(o, "maxEpochAgeSeconds", d.MaxEpochAgeSeconds, 1),
            InsuranceAccount = json.OptionalLong(o, "insuranceAccount", d.InsuranceAccount, 0),
            OraclePublicKey = key,
        };
        try
        {
            p.Validate();
        }
        catch (ArgumentException e)
        {
            throw json.Fail($"parameters: {e.Message}");
        }
        return p;
    }
}
