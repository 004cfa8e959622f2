// SPDX-License-Identifier: MIT
using ZkOptions.Circuit.Catalog;
using ZkOptions.Circuit.Compiler;
using ZkOptions.Circuit.Solving;
using ZkOptions.Cli;
using ZkOptions.Prover.Formats;
using ZkOptions.Prover.Plonk;
using ZkOptions.Settlement.Batches;
using ZkOptions.Settlement.Oracle;
using ZkOptions.Settlement.Parameters;
using ZkOptions.Settlement.Simulation;
using ZkOptions.Settlement.State;

namespace ZkOptions.Fuzz;

/// <summary>
/// Every reader of external input the CLI has, as a fuzz target. Each reads its file the way the command that takes
/// it does: the .zkey target opens the key and reads every section <c>prove</c> reads, the .r1cs target also converts
/// it to PLONK gates as <c>setup --r1cs</c> does, the circuit-input target also solves a built-in circuit with it.
/// Readers that live in the CLI itself (key, signature and hex files) are driven through <see cref="CliApp.Run"/>.
/// </summary>
public static class ReaderTargets
{
    // The catalog circuit whose input file the "input" target solves: small, with hints (bit decompositions) and two
    // array-free inputs, so a mutated input reaches the solver quickly.
    private const string InputCircuitName = "price-band";
    private static readonly Lazy<CompiledCircuit> InputCircuit = new(() =>
        CircuitCompiler.Compile(CircuitCatalog.Find(InputCircuitName)!.Create(), InputCircuitName));

    // The parameters `zkoptions simulate` writes (the defaults with the simulator's oracle key): the batch seeds are
    // simulator batches, so a mutant gets past the parameters-hash check and into the transactions.
    private static readonly Lazy<ExchangeParameters> SimulatorParameters = new(() => new Simulator(new ScenarioSettings()).Parameters);

    /// <summary>All targets, by name.</summary>
    public static IReadOnlyList<ReaderTarget> All { get; } =
    [
        new("ptau", ".ptau", true,
            "PowersOfTau.Open, then every point setup reads: all τG1 and τG2 points and the Lagrange basis of every domain",
            ReadPtau),
        new("zkey", ".zkey", true,
            "PlonkZkeyFile.Open, then every section prove reads: additions, wire maps, selector/σ/Lagrange polynomials, powers of tau",
            ReadZkey),
        new("wtns", ".wtns", true, "WitnessFile.Read", path => WitnessFile.Read(path)),
        new("r1cs", ".r1cs", true, "R1csFile.Read, then R1csToPlonk.Convert (what setup --r1cs does)",
            path => R1csToPlonk.Convert(R1csFile.Read(path))),
        new("proof", ".json", false, "PlonkProof.Read (proof.json)", path => PlonkProof.Read(path)),
        new("vkey", ".json", false, "PlonkVerificationKey.Read (verification_key.json)", path => PlonkVerificationKey.Read(path)),
        new("public", ".json", false, "PublicSignals.Read (public.json), free length and as verify reads it for a 4-signal key",
            path =>
            {
                PublicSignals.Read(path);
                PublicSignals.Read(path, expectedCount: 4);
            }),
        new("input", ".json", false, $"InputAssignment.ReadFile, then solving the built-in circuit {InputCircuitName} with it",
            path => InputCircuit.Value.Solve(InputAssignment.ReadFile(path))),
        new("batch", ".json", false, "BatchJson.ReadFile with the parameters of zkoptions simulate (prove --batch --parameters)",
            path => BatchJson.ReadFile(path, SimulatorParameters.Value)),
        new("parameters", ".json", false, "ExchangeParametersJson.ReadFile (--parameters)", path => ExchangeParametersJson.ReadFile(path)),
        new("scenario", ".json", false, "ScenarioSettings.Read (simulate --scenario)", path => ScenarioSettings.Read(path)),
        new("market", ".json", false, "MarketDataJson.Read, without and with the default exchange parameters (oracle epoch --market)",
            path =>
            {
                MarketDataJson.Read(path);
                MarketDataJson.Read(path, new ExchangeParameters());
            }),
        new("state", ".json", false, "StateJson.ReadAccount for accounts 0 … 3 (margin --state)", ReadState),
        new("cli-margin", ".json", false, "zkoptions margin --state FILE --account 3 (the state reader and the margin report)",
            path => RunCli(path, "margin", "--state", path, "--account", "3")),
        new("cli-oracle-epoch", ".json", false,
            "zkoptions oracle epoch --market FILE (the market reader, then pricing every series and its risk array)",
            path =>
            {
                string epoch = path + ".epoch.json";
                try
                {
                    RunCli(path, "oracle", "epoch", "--market", path, "--out", epoch);
                }
                finally
                {
                    File.Delete(epoch);
                }
            }),
        new("cli-eddsa-key", ".json", false, "zkoptions eddsa sign --key-file FILE (hex or keygen JSON)",
            path => RunCli(path, "eddsa", "sign", "--key-file", path, "--message", "7")),
        new("cli-eddsa-signature", ".json", false, "zkoptions eddsa verify --input FILE (the signature JSON)",
            path => RunCli(path, "eddsa", "verify", "--input", path)),
        new("cli-precompile-hex", ".hex", false, "zkoptions precompile ecadd --input-file FILE (hex text)",
            path => RunCli(path, "precompile", "ecadd", "--input-file", path)),
    ];

    /// <summary>The target named <paramref name="name"/>; throws listing the names when there is none.</summary>
    public static ReaderTarget Get(string name) =>
        All.FirstOrDefault(t => t.Name == name)
        ?? throw new ArgumentException($"no fuzz target '{name}'; the targets are: {string.Join(", ", All.Select(t => t.Name))}", nameof(name));

    private static void ReadPtau(string path)
    {
        using var ptau = PowersOfTau.Open(path);
        ptau.ReadTauG1(checked((int)ptau.TauG1Count));
        ptau.ReadTauG2(checked((int)ptau.TauG2Count));
        if (ptau.HasLagrangeBasis)
        {
            for (int log2 = 0; log2 <= ptau.Power; log2++)
            {
                ptau.ReadLagrangeG1(log2);
            }
        }
    }

    private static void ReadZkey(string path)
    {
        using var zkey = PlonkZkeyFile.Open(path);
        zkey.ReadAdditions();
        foreach (int map in new[] { PlonkZkeySection.MapA, PlonkZkeySection.MapB, PlonkZkeySection.MapC })
        {
            zkey.ReadMap(map);
        }
        foreach (int selector in new[] { PlonkZkeySection.Qm, PlonkZkeySection.Ql, PlonkZkeySection.Qr, PlonkZkeySection.Qo, PlonkZkeySection.Qc })
        {
            zkey.ReadCoefficients(selector);
            zkey.ReadEvaluations(selector);
        }
        for (int sigma = 0; sigma < 3; sigma++)
        {
            zkey.ReadCoefficients(PlonkZkeySection.Sigma, sigma);
            zkey.ReadEvaluations(PlonkZkeySection.Sigma, sigma);
        }
        for (int lagrange = 0; lagrange < zkey.Header.NLagrange; lagrange++)
        {
            zkey.ReadCoefficients(PlonkZkeySection.Lagrange, lagrange);
            zkey.ReadEvaluations(PlonkZkeySection.Lagrange, lagrange);
        }
        zkey.ReadPTau();
    }

    private static void ReadState(string path)
    {
        for (long account = 0; account <= 3; account++)
        {
            try
            {
                StateJson.ReadAccount(path, account);
            }
            catch (ZkOptions.Settlement.Serialization.SettlementInputException e) when (e.Problem.StartsWith($"account {account} is not in the state", StringComparison.Ordinal))
            {
                // An account the file does not hold: try the next one, so a mutated file still reaches the account reader.
            }
        }
    }

    private static void RunCli(string path, params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        int code = CliApp.Run(args, stdout, stderr);
        switch (code)
        {
            case 0 or 1:
                return;
            case 2:
                throw new CliInputRejectedException(path, stderr.ToString().Trim());
            default:
                throw new CliInternalErrorException(code, stderr.ToString().Trim());
        }
    }
}

/// <summary>The CLI exited 2 (bad input or usage) on a file: the outcome the contract wants for a bad file.</summary>
public sealed class CliInputRejectedException(string path, string stderr) : Exception(stderr)
{
    /// <summary>The input file.</summary>
    public string FilePath { get; } = path;
}

/// <summary>The CLI exited 3 (internal error) or with another unexpected code: a contract violation.</summary>
public sealed class CliInternalErrorException(int exitCode, string stderr) : Exception($"exit code {exitCode}: {stderr}")
{
    /// <summary>The exit code.</summary>
    public int ExitCode { get; } = exitCode;
}
