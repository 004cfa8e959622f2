// SPDX-License-Identifier: MIT
using System.CommandLine;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using ZkOptions.Cli.Output;
using ZkOptions.Field.BabyJubjub;
using ZkOptions.Prover.Formats;
using ZkOptions.Settlement.Oracle;
using ZkOptions.Settlement.Parameters;
using ZkOptions.Settlement.Pricing;
using ZkOptions.Settlement.Risk;

namespace ZkOptions.Cli.Commands;

/// <summary>
/// <c>zkoptions oracle epoch --market F --out F [--oracle-key HEX | --oracle-key-file F] [--json]</c>: prices every
/// series of a market file (Black-76 on SVI smiles), computes the S = 16 risk arrays, and writes the risk epoch
/// (docs/settlement-oracle.md), signed when a key is given.
/// </summary>
internal static class OracleCommand
{
    public static Command Build() => new("oracle", "The risk oracle: price series and publish risk epochs.")
    {
        Epoch(),
    };

    private static Command Epoch()
    {
        var market = FileOptions.Input("--market", "The market file: spots, rates, SVI smiles per expiry, settlement prices, series (docs/settlement-oracle.md).");
        var output = FileOptions.Output("--out", "Write the epoch JSON here.");
        var keyHex = new Option<string?>("--oracle-key") { Description = "Sign the epoch with this private key: 64 hex digits (0x optional). Prefer --oracle-key-file: arguments are visible to other local users." };
        var keyFile = new Option<string?>("--oracle-key-file") { Description = "Sign the epoch with the key in this file: the JSON `eddsa keygen --out` writes, or 64 hex digits." };
        var parametersFile = new Option<string>("--parameters")
        {
            Description = "The deployment's exchange parameters (parameters.json or a state.json): the epoch is signed for its chain id and rollup address. Default: the defaults in docs/settlement.md (rollup address 0, valid on no deployment).",
        };
        var command = new Command("epoch",
            "Compute a risk epoch from a market file: per series the mark, the naked-short charge and the S scenario losses; written atomically; exit 2 on a bad market file (nothing written).")
        {
            market, output, keyHex, keyFile, parametersFile,
        };
        command.SetAction(parse =>
        {
            string marketPath = FileOptions.ExistingFile(parse, market);
            string outPath = FileOptions.OutputFile(parse, output);
            string? hex = parse.GetValue(keyHex);
            string? file = parse.GetValue(keyFile);
            if (hex is not null && file is not null)
            {
                throw new UsageException("oracle epoch: give at most one of --oracle-key and --oracle-key-file.");
            }
            EddsaPrivateKey? key = hex is not null ? PrivateKeyInput.FromHex(hex, "--oracle-key")
                : file is not null ? PrivateKeyInput.FromFile(file, "--oracle-key-file") : null;

            var run = CommandRun.Of(parse);
            var parameters = CircuitOptions.Parameters(parse, parametersFile);
            run.Progress.Phase($"reading {Path.GetFileName(marketPath)} and pricing every series");
            MarketData data = MarketDataJson.Read(marketPath, parameters);
            IReadOnlyList<SeriesValuation> valuations = RiskOracle.Evaluate(data, parameters);
            OracleEpoch epoch = RiskOracle.ToEpoch(data, parameters, valuations);
            if (key is not null)
            {
                epoch = epoch.SignedWith(key, parameters.OracleDomain);
            }
            string text = OracleEpochJson.Write(epoch, parameters).ToJsonString(new JsonSerializerOptions { WriteIndented = true });
            AtomicFile.WriteAllText(outPath, text + "\n");

            run.Result.Succeeded(new JsonObject
            {
                ["epoch"] = epoch.Id.ToString(CultureInfo.InvariantCulture),
                ["timestamp"] = epoch.Timestamp.ToString(CultureInfo.InvariantCulture),
                ["commitment"] = epoch.Commitment.ToString(),
                ["seriesCount"] = epoch.Series.Count,
                ["signed"] = epoch.Signature is not null,
                ["out"] = outPath,
            });
            if (!run.Json)
            {
                TextWriter stdout = run.Out;
                stdout.Write(Table(data, valuations, parameters));
                stdout.WriteLine($"epoch {epoch.Id}: {epoch.Series.Count} series, commitment {epoch.Commitment}, {(epoch.Signature is null ? "unsigned" : "signed")}; written to {outPath}");
            }
            return ExitCodes.Ok;
        });
        return command;
    }

    /// <summary>One line per series: name, mark, vol, spot delta (∂V/∂S = e^(rT)·∂V/∂F), the largest scenario loss.</summary>
    private static string Table(MarketData data, IReadOnlyList<SeriesValuation> valuations, ExchangeParameters parameters)
    {
        var rates = data.Underlyings.ToDictionary(u => u.Id, u => u.Rate);
        var sb = new StringBuilder();
        sb.AppendLine(CultureInfo.InvariantCulture, $"{"series",-24} {"mark",18} {"vol",7} {"delta",8} {"worst loss",18}");
        foreach (SeriesValuation v in valuations)
        {
            var risk = v.Risk;
            string name = risk.Key.ToDisplay(parameters.UnderlyingName);
            if (v.Expired)
            {
                sb.AppendLine(CultureInfo.InvariantCulture,
                    $"{name,-24} {risk.Mark.ToDollars(),18} settled at {risk.SettlementPrice.ToDollars()}");
                continue;
            }
            double years = VolSurface.Years(data.Timestamp, risk.Key.Expiry);
            double spotDelta = v.Greeks.Delta * Math.Exp(rates[risk.Key.Underlying] * years);
            var worst = risk.RiskArray.Max();
            sb.AppendLine(CultureInfo.InvariantCulture,
                $"{name,-24} {risk.Mark.ToDollars(),18} {v.ImpliedVol,7:0.0000} {spotDelta,8:0.0000} {worst.ToDollars(),18}");
        }
        return sb.ToString();
    }
}
