// SPDX-License-Identifier: MIT
namespace ZkOptions.Evm.Harness;

/// <summary>How <see cref="AnvilNode.Start"/> configures anvil. Defaults reproduce anvil's own deterministic accounts.</summary>
public sealed record AnvilOptions
{
    /// <summary>Anvil's (and Hardhat's) well-known development mnemonic; account 0 is 0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266.</summary>
    public const string DefaultMnemonic = "test test test test test test test test test test test junk";

    /// <summary>BIP-39 mnemonic the dev accounts derive from.</summary>
    public string Mnemonic { get; init; } = DefaultMnemonic;

    /// <summary>Number of unlocked dev accounts (default 10).</summary>
    public int AccountCount { get; init; } = 10;

    /// <summary>Chain id (default 31337, anvil's).</summary>
    public ulong ChainId { get; init; } = 31337;

    /// <summary>EVM hardfork, e.g. "cancun", "prague", "osaka"; null for anvil's default (its latest supported fork).</summary>
    public string? Hardfork { get; init; }

    /// <summary>Block gas limit; null for anvil's default (30,000,000).</summary>
    public ulong? GasLimit { get; init; }

    /// <summary>Contract code size limit in bytes; null for the EIP-170 default (24,576).</summary>
    public ulong? CodeSizeLimit { get; init; }

    /// <summary>Genesis block timestamp (Unix seconds); null for the current time.</summary>
    public ulong? GenesisTimestamp { get; init; }

    /// <summary>How long to wait for anvil to answer <c>eth_chainId</c> (default 30 s).</summary>
    public TimeSpan StartupTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Further command-line arguments, passed through verbatim.</summary>
    public IReadOnlyList<string> ExtraArguments { get; init; } = [];

    /// <summary>The anvil command line for <paramref name="port"/> on 127.0.0.1.</summary>
    public IReadOnlyList<string> Arguments(int port)
    {
        var args = new List<string>
        {
            "--host", "127.0.0.1",
            "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "--mnemonic", Mnemonic,
            "--accounts", AccountCount.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "--chain-id", ChainId.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
        if (Hardfork is not null)
        {
            args.AddRange(["--hardfork", Hardfork]);
        }
        if (GasLimit is { } gasLimit)
        {
            args.AddRange(["--gas-limit", gasLimit.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        }
        if (CodeSizeLimit is { } codeSize)
        {
            args.AddRange(["--code-size-limit", codeSize.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        }
        if (GenesisTimestamp is { } timestamp)
        {
            args.AddRange(["--timestamp", timestamp.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        }
        args.AddRange(ExtraArguments);
        return args;
    }
}
