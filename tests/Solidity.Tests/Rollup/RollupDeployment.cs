// SPDX-License-Identifier: MIT
using System.Numerics;
using ZkOptions.Evm.Harness;
using ZkOptions.Field;
using ZkOptions.Field.BabyJubjub;
using ZkOptions.Field.Hashing;
using ZkOptions.Prover.Formats;
using ZkOptions.Prover.Solidity;
using ZkOptions.Prover.Solidity.Abi;
using ZkOptions.Settlement.State;

namespace ZkOptions.Solidity.Tests.Rollup;

/// <summary>Deployment settings of <c>OptionsRollup</c> (its <c>Config</c> struct, less the addresses).</summary>
public sealed record RollupSettings
{
    /// <summary>The state root before the first batch (e.g. <c>new RollupState(parameters).Root</c>).</summary>
    public BigInteger GenesisStateRoot { get; init; }

    /// <summary>How far (seconds) a batch timestamp may lag the block's.</summary>
    public ulong MaxBatchDelay { get; init; } = 3600;

    /// <summary>Seconds a forced withdrawal request may wait before exit mode can be activated.</summary>
    public ulong ForcedDeadline { get; init; } = 7 * 24 * 3600;

    /// <summary>Depth of the quaternary account tree (ExchangeParameters.AccountTreeDepth).</summary>
    public int AccountTreeDepth { get; init; } = 8;

    /// <summary>The oracle registrar; null for the deployer.</summary>
    public string? OracleRegistrar { get; init; }

    /// <summary>
    /// The fee docs/rollup-contract.md recommends ("Pricing forced requests"): 50 USD per forced request, which puts
    /// an exit-mode attack against one documented prover and a 7-day deadline at about 1.2 million USD.
    /// </summary>
    public static readonly BigInteger DefaultForcedRequestFee = 50_000_000;

    /// <summary>What each forced withdrawal request pays (token base units); 0 unless a test prices requests.</summary>
    public BigInteger ForcedRequestFee { get; init; }

    /// <summary>Who is credited the forced-request fees; null for the deployer.</summary>
    public string? FeeRecipient { get; init; }

    /// <summary>The words of a proof for the verifier (its verifyProof(uint256[P], uint256[8])): 24 for PLONK v1.</summary>
    public int VerifierProofWords { get; init; } = 24;
}

/// <summary>A deposit that opened an account: the index the contract assigned and the queue entry it made.</summary>
public sealed record OpenedAccount(long Account, long QueueIndex, TransactionReceipt Receipt);

/// <summary>One exit of a batch, as <c>submitBatch</c> takes it.</summary>
public sealed record RollupExit(long Account, string Recipient, BigInteger Amount)
{
    /// <summary>The settlement engine's exit record as calldata.</summary>
    public static RollupExit From(ExitRecord exit)
    {
        ArgumentNullException.ThrowIfNull(exit);
        return new(exit.Account, RollupDeployment.Address(exit.Recipient), exit.Amount.Micros);
    }

    internal object?[] Abi() => [(ulong)Account, Recipient, Amount];
}

/// <summary>The four Poseidon hashers (widths 3, 4, 5, 7) with their constant tables, deployed.</summary>
public sealed record PoseidonDeployment(string T3, string T4, string T5, string T7)
{
    /// <summary>How many creations <see cref="DeployAsync"/> sends: each width's tables and its hasher.</summary>
    public static int TransactionCount => PoseidonSolidity.RollupWidths.Sum(t => PoseidonSolidity.TableCodes(t).Count + 1);

    /// <summary>Deploys every table and hasher of <see cref="PoseidonSolidity.RollupWidths"/>.</summary>
    public static async Task<PoseidonDeployment> DeployAsync(EthRpcClient rpc)
    {
        ArgumentNullException.ThrowIfNull(rpc);
        var hashers = new Dictionary<int, string>();
        foreach (int t in PoseidonSolidity.RollupWidths)
        {
            var tables = new List<object?>();
            foreach (CompiledContract table in RollupContracts.PoseidonTables(t))
            {
                tables.Add((await rpc.DeployAsync(table.CreationBytecode)).Address);
            }
            byte[] args = AbiEncoder.Encode([.. tables.Select(_ => AbiType.Address)], tables);
            hashers[t] = (await rpc.DeployAsync(RollupContracts.Poseidon(t).CreationBytecode, args)).Address;
        }
        return new(hashers[3], hashers[4], hashers[5], hashers[7]);
    }

    /// <summary>The hasher of width <paramref name="t"/>.</summary>
    public string Of(int t) => t switch
    {
        3 => T3,
        4 => T4,
        5 => T5,
        7 => T7,
        _ => throw new ArgumentOutOfRangeException(nameof(t), $"no hasher of width {t}"),
    };
}

/// <summary>
/// A deployed rollup: the test token (TestUsdc), the batch verifier, the Poseidon hashers and OptionsRollup, with
/// wrappers for every call. Transactions go from anvil's unlocked accounts; a revert raises
/// <see cref="EvmRevertException"/> (its <see cref="EvmRevertException.Selector"/> names the custom error).
/// </summary>
public sealed class RollupDeployment
{
    /// <summary>submitBatch's ABI signature.</summary>
    public const string SubmitBatchSignature = "submitBatch(uint256[8],uint256,uint256[],(uint64,address,uint96)[],uint256[])";

    /// <summary>The topic of AccountOpened(uint64 indexed account, address indexed owner, uint256 pubKeyX, uint256 pubKeyY).</summary>
    private static readonly byte[] AccountOpenedTopic = Keccak256.Hash("AccountOpened(uint64,address,uint256,uint256)");

    /// <summary>The topic of Deposited(uint256 indexed queueIndex, …).</summary>
    private static readonly byte[] DepositedTopic = Keccak256.Hash("Deposited(uint256,uint64,address,uint256,uint256,uint256,uint256)");

    private const string ClaimAccountSignature =
        "claimAccount(uint64,(uint256,uint256,uint256,uint256),(uint256,uint256,address,uint256,uint256,uint256,uint256,uint256,uint256),uint256[3][])";

    private RollupDeployment(EthRpcClient rpc, string deployer, string token, string verifier, string rollup, PoseidonDeployment poseidon, RollupSettings settings)
    {
        Rpc = rpc;
        Deployer = deployer;
        Token = token;
        Verifier = verifier;
        Rollup = rollup;
        Poseidon = poseidon;
        Settings = settings;
    }

    public EthRpcClient Rpc { get; }

    /// <summary>The account that deployed everything (and the default oracle registrar).</summary>
    public string Deployer { get; }

    public string Token { get; }

    public string Verifier { get; }

    public string Rollup { get; }

    public PoseidonDeployment Poseidon { get; }

    public RollupSettings Settings { get; }

    /// <summary>Gas of the rollup's deployment transaction.</summary>
    public ulong DeploymentGas { get; private set; }

    /// <summary>Generates the Solidity verifier of <paramref name="key"/> (which must have 8 public inputs), compiles and deploys it.</summary>
    public static async Task<string> DeployVerifierAsync(EthRpcClient rpc, PlonkVerificationKey key, string contractName = "BatchVerifier")
    {
        ArgumentNullException.ThrowIfNull(rpc);
        ArgumentNullException.ThrowIfNull(key);
        if (key.NPublic != 8)
        {
            throw new ArgumentException($"the batch verifier takes 8 public inputs; this key has {key.NPublic}", nameof(key));
        }
        CompiledContract contract = new SolidityCompiler().Compile(contractName + ".sol", PlonkSolidityVerifier.Generate(key, contractName)).Contract(contractName);
        return (await rpc.DeployAsync(contract.CreationBytecode)).Address;
    }

    /// <summary>
    /// Deploys a fresh TestUsdc and OptionsRollup wired to <paramref name="verifier"/> and the hashers (deployed here
    /// when <paramref name="poseidon"/> is null), from anvil's first account.
    /// </summary>
    public static async Task<RollupDeployment> DeployAsync(
        EthRpcClient rpc, string verifier, RollupSettings? settings = null, PoseidonDeployment? poseidon = null)
    {
        ArgumentNullException.ThrowIfNull(rpc);
        ArgumentNullException.ThrowIfNull(verifier);
        settings ??= new RollupSettings();
        poseidon ??= await PoseidonDeployment.DeployAsync(rpc);
        string deployer = await rpc.DefaultFromAsync();
        string token = (await rpc.DeployAsync(RollupContracts.Token.CreationBytecode)).Address;
        object?[] config =
        [
            token, verifier, new BigInteger(settings.VerifierProofWords), settings.OracleRegistrar ?? deployer, poseidon.T3, poseidon.T4, poseidon.T5, poseidon.T7,
            settings.GenesisStateRoot, settings.MaxBatchDelay, settings.ForcedDeadline, (byte)settings.AccountTreeDepth,
            settings.ForcedRequestFee, settings.FeeRecipient ?? deployer,
        ];
        byte[] args = AbiEncoder.Encode(
            [AbiType.Parse("(address,address,uint256,address,address,address,address,address,uint256,uint64,uint64,uint8,uint256,address)")], [config]);
        DeploymentResult rollup = await rpc.DeployAsync(RollupContracts.Rollup.CreationBytecode, args);
        return new RollupDeployment(rpc, deployer, token, verifier, rollup.Address, poseidon, settings) { DeploymentGas = rollup.Receipt.GasUsed };
    }

    // ------------------------------------------------------------ token

    /// <summary>Mints <paramref name="amount"/> test tokens to <paramref name="holder"/> and approves the rollup for them.</summary>
    public async Task FundAsync(string holder, BigInteger amount)
    {
        await SendAsync(Token, AbiEncoder.EncodeCall("mint(address,uint256)", holder, amount));
        await SendAsync(Token, AbiEncoder.EncodeCall("approve(address,uint256)", Rollup, amount), holder);
    }

    public async Task<BigInteger> TokenBalanceAsync(string holder) => await UIntAsync(Token, AbiEncoder.EncodeCall("balanceOf(address)", holder));

    // ------------------------------------------------------------ rollup transactions

    /// <summary>
    /// deposit(amount, pk.x, pk.y) from <paramref name="from"/> (who needs tokens approved: <see cref="FundAsync"/>):
    /// opens the account the contract assigns (read from the AccountOpened event).
    /// </summary>
    public Task<OpenedAccount> DepositAsync(string from, BigInteger amount, BabyJubjubPoint publicKey) =>
        DepositAsync(from, amount, publicKey.X.ToBigInteger(), publicKey.Y.ToBigInteger());

    /// <summary>deposit with raw key coordinates (which may be out of the field, to test the check).</summary>
    public async Task<OpenedAccount> DepositAsync(string from, BigInteger amount, BigInteger publicKeyX, BigInteger publicKeyY)
    {
        TransactionReceipt receipt = await SendAsync(Rollup, AbiEncoder.EncodeCall("deposit(uint96,uint256,uint256)", amount, publicKeyX, publicKeyY), from);
        EthLog opened = receipt.Logs.Single(l => l.Topics[0].AsSpan().SequenceEqual(AccountOpenedTopic));
        return new OpenedAccount((long)Reverts.Word(opened.Topics[1]), QueueIndexOf(receipt), receipt);
    }

    /// <summary>topUp(account, amount, pk.x, pk.y): a deposit into an opened account whose key the sender names.</summary>
    public Task<TransactionReceipt> TopUpAsync(string from, long account, BigInteger amount, BabyJubjubPoint publicKey) =>
        TopUpAsync(from, account, amount, publicKey.X.ToBigInteger(), publicKey.Y.ToBigInteger());

    /// <summary>topUp with raw key coordinates.</summary>
    public Task<TransactionReceipt> TopUpAsync(string from, long account, BigInteger amount, BigInteger publicKeyX, BigInteger publicKeyY) =>
        SendAsync(Rollup, AbiEncoder.EncodeCall("topUp(uint64,uint96,uint256,uint256)", (ulong)account, amount, publicKeyX, publicKeyY), from);

    /// <summary>The queue index of the Deposited event in <paramref name="receipt"/>.</summary>
    public static long QueueIndexOf(TransactionReceipt receipt)
    {
        ArgumentNullException.ThrowIfNull(receipt);
        return (long)Reverts.Word(receipt.Logs.Single(l => l.Topics[0].AsSpan().SequenceEqual(DepositedTopic)).Topics[1]);
    }

    /// <summary>requestForcedWithdrawal(account, amount) from the owner (who needs the fee approved when there is one).</summary>
    public Task<TransactionReceipt> RequestForcedWithdrawalAsync(string from, long account, BigInteger amount) =>
        SendAsync(Rollup, AbiEncoder.EncodeCall("requestForcedWithdrawal(uint64,uint96)", (ulong)account, amount), from);

    /// <summary>registerOracleCommitment from the registrar (default: the deployer).</summary>
    public Task<TransactionReceipt> RegisterOracleCommitmentAsync(BigInteger commitment, string? from = null) =>
        SendAsync(Rollup, AbiEncoder.EncodeCall("registerOracleCommitment(uint256)", commitment), from);

    /// <summary>
    /// submitBatch(publicInputs, queueConsumedAfter, epochs, exits, proof): the 8 public inputs in circuit order, the
    /// queue count after the batch, the oracle commitments the batch applies (chaining from oracleDomain to public
    /// input 5), the exits (chaining to public input 7) and the verifier's proof words (24 for v1).
    /// </summary>
    public Task<TransactionReceipt> SubmitBatchAsync(
        IReadOnlyList<BigInteger> publicInputs, long queueConsumedAfter, IReadOnlyList<BigInteger> epochs, IReadOnlyList<RollupExit> exits,
        IReadOnlyList<BigInteger> proof, string? from = null) =>
        SendAsync(Rollup, SubmitBatchCalldata(publicInputs, queueConsumedAfter, epochs, exits, proof), from);

    /// <summary>The calldata of <see cref="SubmitBatchAsync"/>.</summary>
    public static byte[] SubmitBatchCalldata(
        IReadOnlyList<BigInteger> publicInputs, long queueConsumedAfter, IReadOnlyList<BigInteger> epochs, IReadOnlyList<RollupExit> exits,
        IReadOnlyList<BigInteger> proof)
    {
        ArgumentNullException.ThrowIfNull(publicInputs);
        ArgumentNullException.ThrowIfNull(epochs);
        ArgumentNullException.ThrowIfNull(exits);
        ArgumentNullException.ThrowIfNull(proof);
        return AbiEncoder.EncodeCall(SubmitBatchSignature,
            publicInputs.ToArray(), new BigInteger(queueConsumedAfter), epochs.Select(e => (object?)e).ToArray(),
            exits.Select(e => (object?)e.Abi()).ToArray(), proof.Select(w => (object?)w).ToArray());
    }

    /// <summary>The epoch chain c₀ = <paramref name="domain"/>, cᵢ₊₁ = Poseidon(cᵢ, epochᵢ) (public input 5).</summary>
    public static BigInteger EpochChain(BigInteger domain, IEnumerable<BigInteger> epochs)
    {
        ArgumentNullException.ThrowIfNull(epochs);
        return epochs.Aggregate(Fr.FromBigInteger(domain), (chain, e) => Field.Hashing.Poseidon.Hash(chain, Fr.FromBigInteger(e))).ToBigInteger();
    }

    /// <summary>Poseidon(chainId, rollup address): the oracle domain the contract computes in its constructor.</summary>
    public static BigInteger OracleDomain(long chainId, string rollup) =>
        Field.Hashing.Poseidon.Hash(Fr.FromUInt64((ulong)chainId), Fr.FromBigInteger(AddressValue(rollup))).ToBigInteger();

    public Task<TransactionReceipt> WithdrawAsync(string from) => SendAsync(Rollup, AbiEncoder.EncodeCall("withdraw()"), from);

    public Task<TransactionReceipt> ActivateExitModeAsync(long queueIndex, string? from = null) =>
        SendAsync(Rollup, AbiEncoder.EncodeCall("activateExitMode(uint256)", new BigInteger(queueIndex)), from);

    /// <summary>reclaimDeposit for queue entry <paramref name="queueIndex"/>, whose fields are <paramref name="deposit"/>.</summary>
    public Task<TransactionReceipt> ReclaimDepositAsync(long queueIndex, L1Operation deposit, string? from = null)
    {
        ArgumentNullException.ThrowIfNull(deposit);
        return SendAsync(Rollup, AbiEncoder.EncodeCall("reclaimDeposit(uint256,uint64,address,uint96,uint256,uint256)",
            new BigInteger(queueIndex), (ulong)deposit.Account, Address(deposit.Owner), new BigInteger(deposit.Amount.Micros),
            deposit.PublicKey.X.ToBigInteger(), deposit.PublicKey.Y.ToBigInteger()), from);
    }

    /// <summary>
    /// claimAccount in exit mode: opens the state root (accounts root, epoch id, epoch timestamp, epoch commitment),
    /// gives the leaf preimage (pk.x, pk.y, owner, nonce, collateral residue, liquidationStart, orderRoot,
    /// positionsHash, riskHash) and the Merkle siblings, from <paramref name="from"/> (the owner).
    /// </summary>
    public Task<TransactionReceipt> ClaimAccountAsync(
        string from, long account, IReadOnlyList<Fr> rootPreimage, IReadOnlyList<Fr> leafPreimage, MerkleProof proof)
    {
        ArgumentNullException.ThrowIfNull(rootPreimage);
        ArgumentNullException.ThrowIfNull(leafPreimage);
        ArgumentNullException.ThrowIfNull(proof);
        object?[] root = [.. rootPreimage.Select(v => (object?)v.ToBigInteger())];
        object?[] leaf = [.. leafPreimage.Select((v, i) => i == 2 ? (object?)Address(v.ToBigInteger()) : v.ToBigInteger())];
        object?[] siblings = [.. proof.Siblings.Select(level => (object?)level.Select(s => s.ToBigInteger()).ToArray())];
        return SendAsync(Rollup, AbiEncoder.EncodeCall(ClaimAccountSignature, (ulong)account, root, leaf, siblings), from);
    }

    // ------------------------------------------------------------ rollup views

    public Task<BigInteger> StateRootAsync() => UIntAsync(Rollup, AbiEncoder.EncodeCall("stateRoot()"));

    public Task<BigInteger> LastTimestampAsync() => UIntAsync(Rollup, AbiEncoder.EncodeCall("lastTimestamp()"));

    public Task<BigInteger> QueueLengthAsync() => UIntAsync(Rollup, AbiEncoder.EncodeCall("queueLength()"));

    public Task<BigInteger> QueueConsumedAsync() => UIntAsync(Rollup, AbiEncoder.EncodeCall("queueConsumed()"));

    public Task<BigInteger> QueueHashAtAsync(long count) => UIntAsync(Rollup, AbiEncoder.EncodeCall("queueHashAt(uint256)", new BigInteger(count)));

    public Task<BigInteger> WithdrawableAsync(string holder) => UIntAsync(Rollup, AbiEncoder.EncodeCall("withdrawable(address)", holder));

    public async Task<bool> ExitModeAsync() => await UIntAsync(Rollup, AbiEncoder.EncodeCall("exitMode()")) == BigInteger.One;

    public Task<BigInteger> BatchCountAsync() => UIntAsync(Rollup, AbiEncoder.EncodeCall("batchCount()"));

    public Task<BigInteger> NextAccountAsync() => UIntAsync(Rollup, AbiEncoder.EncodeCall("nextAccount()"));

    public Task<BigInteger> OracleDomainAsync() => UIntAsync(Rollup, AbiEncoder.EncodeCall("oracleDomain()"));

    /// <summary>The key accountKeyX/accountKeyY record for <paramref name="account"/> ((0, 0) when not opened).</summary>
    public async Task<(BigInteger X, BigInteger Y)> AccountKeyAsync(long account) =>
        (await UIntAsync(Rollup, AbiEncoder.EncodeCall("accountKeyX(uint64)", (ulong)account)),
         await UIntAsync(Rollup, AbiEncoder.EncodeCall("accountKeyY(uint64)", (ulong)account)));

    public async Task<bool> ForcedRequestPendingAsync(long account) =>
        await UIntAsync(Rollup, AbiEncoder.EncodeCall("forcedRequestPending(uint64)", (ulong)account)) == BigInteger.One;

    /// <summary>accountOwner(account) as the uint160 the hashes use (0 for the insurance account and indices not opened).</summary>
    public async Task<BigInteger> AccountOwnerAsync(long account) =>
        new((byte[])AbiDecoder.DecodeSingle(AbiType.Address, await Rpc.CallAsync(Rollup, AbiEncoder.EncodeCall("accountOwner(uint64)", (ulong)account)))!,
            isUnsigned: true, isBigEndian: true);

    // ------------------------------------------------------------ helpers

    /// <summary>An L1 address (uint160) as 0x-hex text.</summary>
    public static string Address(BigInteger value)
    {
        if (value.Sign < 0 || value >= BigInteger.One << 160)
        {
            throw new ArgumentOutOfRangeException(nameof(value), "an address is a 160-bit unsigned value");
        }
        byte[] bytes = value.ToByteArray(isUnsigned: true, isBigEndian: true);
        var padded = new byte[20];
        bytes.CopyTo(padded, 20 - bytes.Length);
        return EthereumAddress.ToChecksumString(padded);
    }

    /// <summary>An L1 address as the uint160 the hashes use.</summary>
    public static BigInteger AddressValue(string address) =>
        new(EthereumAddress.Parse(address), isUnsigned: true, isBigEndian: true);

    /// <summary>The stand-in for the seconds a test waits: moves anvil's clock and mines a block.</summary>
    public async Task AdvanceTimeAsync(ulong seconds)
    {
        await Rpc.IncreaseTimeAsync(seconds);
        await Rpc.MineAsync();
    }

    private async Task<TransactionReceipt> SendAsync(string to, byte[] data, string? from = null)
    {
        TransactionReceipt receipt = await Rpc.SendTransactionAsync(to, data, from);
        if (!receipt.Succeeded)
        {
            throw new InvalidOperationException($"transaction {receipt.TransactionHash} failed");
        }
        return receipt;
    }

    private async Task<BigInteger> UIntAsync(string to, byte[] data) =>
        (BigInteger)AbiDecoder.DecodeSingle(AbiType.UInt256, await Rpc.CallAsync(to, data))!;
}
