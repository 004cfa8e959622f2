// SPDX-License-Identifier: MIT
using System.Globalization;
using System.Text.Json.Nodes;
using ZkOptions.Field.BabyJubjub;
using ZkOptions.Settlement.Numbers;
using ZkOptions.Settlement.Serialization;

namespace ZkOptions.Settlement.Parameters;

/// <summary>The parameters object of state and scenario files; every field optional on reading (the defaults of <see cref="ExchangeParameters"/>, tabled in docs/settlement.md).</summary>
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
        ["rollupAddress"] = Batches.AccountJson.Address(p.RollupAddress),
        ["hash"] = p.Hash().ToString(),
    };

    /// <summary>
    /// Reads the parameters file at <paramref name="path"/>: a parameters object (<c>parameters.json</c> from
    /// <c>zkoptions simulate</c>), or any settlement file that carries one under <c>parameters</c> (a state file). When
    /// the object has a <c>hash</c>, it must match the parameters read, so an edited file is not silently used.
    /// </summary>
    public static ExchangeParameters ReadFile(string path)
    {
        var json = new JsonFields(path);
        JsonObject root = json.ParseObject(JsonFields.ReadText(path));
        json.RequireUniqueProperties(root);
        JsonObject o = root["parameters"] is not null ? json.Object(root, "parameters") : root;
        ExchangeParameters p = Read(o, json);
        if (o["hash"] is not null && json.FieldElement(o, "hash") != p.Hash())
        {
            throw json.Fail($"{JsonFields.PathOf(o, "hash")}: does not match the parameters in the file (they hash to {p.Hash()}); was the file edited?");
        }
        return p;
    }

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
            RollupAddress = o["rollupAddress"] is null ? d.RollupAddress : json.Address(o, "rollupAddress"),
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
