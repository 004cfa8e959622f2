// SPDX-License-Identifier: MIT
namespace ZkOptions.Cli.Demo;

/// <summary>The files <c>zkoptions demo</c> leaves in its output directory, and the README that explains them.</summary>
internal sealed class DemoFiles(string directory)
{
    /// <summary>A file that marks a directory as the demo's own, so a second run may replace it and nothing else.</summary>
    public const string Marker = "README.txt";

    public static readonly string[] Names = ["proof.json", "public.json", "verification_key.json", "PlonkV2Verifier.sol", "calldata.hex", Marker];

    /// <summary>Files of earlier versions' runs (a PLONK v1 proof), which a new run also replaces.</summary>
    private static readonly string[] EarlierNames = ["PlonkVerifier.sol"];

    public string Proof => Path.Combine(directory, "proof.json");

    public string Public => Path.Combine(directory, "public.json");

    public string VerificationKey => Path.Combine(directory, "verification_key.json");

    public string Verifier => Path.Combine(directory, "PlonkV2Verifier.sol");

    public string Calldata => Path.Combine(directory, "calldata.hex");

    public string Readme => Path.Combine(directory, Marker);

    /// <summary>True when <paramref name="path"/> holds what a previous demo run left, and nothing else.</summary>
    public static bool IsPreviousRun(string path)
    {
        if (!File.Exists(Path.Combine(path, Marker)) || !File.ReadAllText(Path.Combine(path, Marker)).StartsWith(Title, StringComparison.Ordinal))
        {
            return false;
        }
        return Directory.EnumerateFileSystemEntries(path).Select(Path.GetFileName)
            .All(name => Names.Contains(name) || EarlierNames.Contains(name) ||
                         (name is not null && (name.EndsWith(".zkey", StringComparison.Ordinal) || name.EndsWith(".key", StringComparison.Ordinal))));
    }

    private const string Title = "zkoptions demo output";

    public static string ReadmeText(long batch, int trades, string circuit, string? key) => $"""
        {Title}
        ======================

        Made by `zkoptions demo`: batch {batch} of the built-in settlement session ({trades} trades between signed
        orders in one proof), proved with the {circuit} settlement circuit on PLONK v2 (trade slots and a general slot).
        The key comes from a DEVELOPMENT structured reference string (`--insecure-dev-srs 1`): anyone can forge proofs
        for it. It is for looking at, never for deployment.

        proof.json              the PLONK v2 proof (zkoptions-plonk-v2 JSON)
        public.json             its public signals: old and new state root, timestamp, L1 queue hash before and
                                after, oracle epoch chain, data commitment, exit commitment (docs/circuits-settlement.md)
        verification_key.json   the PLONK v2 verifying key
        PlonkV2Verifier.sol     the Solidity verifier of that key (`zkoptions export solidity`)
        calldata.hex            the verifier's verifyProof call for this proof, ABI-encoded (`zkoptions export calldata --format hex`)
        {(key is null ? "" : $"{key,-24}the proving key (kept by --keep-key)")}

        Check the proof:

            zkoptions verify --vk verification_key.json --proof proof.json --public public.json

        """;
}
