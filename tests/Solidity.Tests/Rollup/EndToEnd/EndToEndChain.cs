// SPDX-License-Identifier: MIT
using System.Numerics;
using ZkOptions.Evm.Harness;
using ZkOptions.Field;
using ZkOptions.Prover.Formats;
using ZkOptions.Settlement.Batches;
using ZkOptions.Settlement.Parameters;
using ZkOptions.Settlement.State;

namespace ZkOptions.Solidity.Tests.Rollup.EndToEnd;

/// <summary>
/// An anvil node with the batch circuit's generated verifier, TestUsdc and OptionsRollup deployed for an exchange's
/// parameters (genesis root of the empty state, its account tree depth), driven the way a sequencer and its users
/// drive L1: every entry of the engine's <see cref="L1Queue"/> is sent to the contract by its own owner (anvil
/// impersonates owners that are not dev accounts), oracle commitments are registered before the batch that needs
/// them, anvil's clock is moved to each batch's timestamp, and credited exits are withdrawn by their recipients.
/// </summary>
public sealed class EndToEndChain : IDisposable
{
    private readonly HashSet<string> senders = new(StringComparer.OrdinalIgnoreCase);
    private readonly HashSet<BigInteger> registered = [];
    private long mirrored;

    private EndToEndChain(AnvilNode node, RollupDeployment rollup)
    {
        Node = node;
        Rollup = rollup;
        foreach (string a in node.Accounts)
        {
            senders.Add(a);
        }
    }

    public AnvilNode Node { get; }

    public RollupDeployment Rollup { get; }

    /// <summary>
    /// Where StartAsync deploys the rollup on its fresh anvil: anvil's account 0 sends the verifier, the
    /// Poseidon tables and hashers and the token first. Batches must be simulated with parameters naming this address
    /// (the oracle domain is Poseidon(chainid, address)), before the verifier, which depends on them, exists.
    /// </summary>
    public static string PredictedRollupAddress { get; } =
        ContractAddress.Of(AnvilDeployer, 1 + (ulong)PoseidonDeployment.TransactionCount + 1);

    /// <summary>anvil's account 0 under its default mnemonic, which deploys everything.</summary>
    private const string AnvilDeployer = "0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266";

    /// <summary>Gas of the last submitBatch.</summary>
    public ulong LastSubmitGas { get; private set; }

    /// <summary>
    /// Starts anvil at <paramref name="genesisTimestamp"/> and deploys the verifier of <paramref name="key"/> and a
    /// rollup whose genesis root is the empty state of <paramref name="parameters"/>.
    /// </summary>
    public static Task<EndToEndChain> StartAsync(PlonkVerificationKey key, ExchangeParameters parameters, ulong genesisTimestamp) =>
        StartAsync(rpc => RollupDeployment.DeployVerifierAsync(rpc, key), 24, parameters, genesisTimestamp);

    /// <summary>As above, with the verifier <paramref name="prover"/>'s proofs are checked by (PLONK v1 or v2).</summary>
    public static Task<EndToEndChain> StartAsync(IBatchProver prover, ExchangeParameters parameters, ulong genesisTimestamp) =>
        StartAsync(prover.DeployVerifierAsync, prover.ProofWords, parameters, genesisTimestamp);

    private static async Task<EndToEndChain> StartAsync(Func<EthRpcClient, Task<string>> deployVerifier, int proofWords,
                                                        ExchangeParameters parameters, ulong genesisTimestamp)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        var node = AnvilNode.Start(new AnvilOptions { GenesisTimestamp = genesisTimestamp });
        try
        {
            string verifier = await deployVerifier(node.Rpc);
            var settings = new RollupSettings
            {
                GenesisStateRoot = new RollupState(parameters).Root.ToBigInteger(),
                AccountTreeDepth = parameters.AccountTreeDepth,
                // Proving takes minutes of wall time while anvil's clock runs on; a week keeps every batch in the window.
                MaxBatchDelay = 7 * 86_400,
                VerifierProofWords = proofWords,
            };
            RollupDeployment rollup = await RollupDeployment.DeployAsync(node.Rpc, verifier, settings);
            if (!string.Equals(rollup.Rollup, PredictedRollupAddress, StringComparison.OrdinalIgnoreCase))
            {
                throw new InvalidOperationException($"the rollup landed at {rollup.Rollup}, not at the predicted {PredictedRollupAddress} the batches were made for");
            }
            return new EndToEndChain(node, rollup);
        }
        catch
        {
            node.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Sends queue entries [already sent, <paramref name="count"/>) of <paramref name="queue"/> to the contract, each
    /// from its owner (deposits are minted and approved first), and checks the contract's chain hash equals the
    /// engine's after them.
    /// </summary>
    public async Task MirrorQueueAsync(L1Queue queue, long count)
    {
        ArgumentNullException.ThrowIfNull(queue);
        for (; mirrored < count; mirrored++)
        {
            L1Operation op = queue[mirrored];
            string owner = RollupDeployment.Address(op.Owner);
            await EnsureSenderAsync(owner);
            if (op.Kind == L1OperationKind.Deposit)
            {
                await Rollup.FundAsync(owner, op.Amount.Micros);
                // The engine's queue opens accounts in the contract's order, so an entry for the next index opens it.
                if (op.Account == (long)await Rollup.NextAccountAsync())
                {
                    OpenedAccount opened = await Rollup.DepositAsync(owner, op.Amount.Micros, op.PublicKey);
                    if (opened.Account != op.Account)
                    {
                        throw new InvalidOperationException($"the contract opened account {opened.Account}; the engine's queue entry {mirrored} opens {op.Account}");
                    }
                }
                else
                {
                    await Rollup.TopUpAsync(owner, op.Account, op.Amount.Micros, op.PublicKey);
                }
            }
            else
            {
                if (!Rollup.Settings.ForcedRequestFee.IsZero)
                {
                    await Rollup.FundAsync(owner, Rollup.Settings.ForcedRequestFee);
                }
                await Rollup.RequestForcedWithdrawalAsync(owner, op.Account, op.Amount.Micros);
            }
        }
        BigInteger onChain = await Rollup.QueueHashAtAsync(count);
        if (onChain != queue.HashAfter(count).ToBigInteger())
        {
            throw new InvalidOperationException($"the contract's queue hash after {count} entries differs from the engine's L1Queue");
        }
    }

    /// <summary>
    /// Makes the chain ready for <paramref name="batch"/>: registers every epoch commitment it applies (from the
    /// registrar, the deployer) that is new, and mines a block at the batch's timestamp (or one second after the
    /// latest block, if later).
    /// </summary>
    public async Task PrepareAsync(Batch batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        foreach (BigInteger epoch in Epochs(batch))
        {
            if (registered.Add(epoch))
            {
                await Rollup.RegisterOracleCommitmentAsync(epoch);
            }
        }
        ulong latest = await Node.Rpc.GetBlockTimestampAsync();
        await Node.Rpc.MineAsync(Math.Max(latest + 1, (ulong)batch.Timestamp));
    }

    /// <summary>
    /// Throws unless the deployed rollup's oracleDomain is the one <paramref name="parameters"/> sign epochs for and
    /// start epoch chains from: batches simulated for another address would all fail with EpochChainMismatch().
    /// </summary>
    public async Task RequireOracleDomainOfAsync(ExchangeParameters parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        BigInteger onChain = await Rollup.OracleDomainAsync();
        if (onChain != parameters.OracleDomain.ToBigInteger())
        {
            throw new InvalidOperationException(
                $"the rollup at {Rollup.Rollup} has oracle domain {onChain}; the batches were made for chain {parameters.ChainId} and rollup " +
                $"{RollupDeployment.Address(parameters.RollupAddress)} (set ExchangeParameters.RollupAddress to {PredictedRollupAddress})");
        }
    }

    /// <summary>The oracle commitments the batch applies, in order, as submitBatch takes them.</summary>
    public static BigInteger[] Epochs(Batch batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        return [.. batch.EpochCommitments.Select(c => c.ToBigInteger())];
    }

    /// <summary>The batch's exits as submitBatch takes them.</summary>
    public static RollupExit[] Exits(Batch batch) => [.. batch.Exits.Select(RollupExit.From)];

    /// <summary>Submits <paramref name="batch"/> with <paramref name="proof"/> (after <see cref="PrepareAsync"/>); returns the receipt.</summary>
    public async Task<TransactionReceipt> SubmitAsync(Batch batch, BatchProof proof)
    {
        ArgumentNullException.ThrowIfNull(batch);
        ArgumentNullException.ThrowIfNull(proof);
        TransactionReceipt receipt = await Rollup.SubmitBatchAsync(proof.PublicInputs, batch.QueueConsumedAfter, Epochs(batch), Exits(batch), proof.ProofWords);
        LastSubmitGas = receipt.GasUsed;
        return receipt;
    }

    /// <summary>
    /// Has every recipient of <paramref name="batch"/>'s exits call withdraw() and checks each one's TestUsdc balance
    /// grows by exactly what the batch credited it. Returns the total paid.
    /// </summary>
    public async Task<BigInteger> PayExitsAsync(Batch batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        BigInteger total = BigInteger.Zero;
        foreach (var group in batch.Exits.GroupBy(e => e.Recipient))
        {
            string recipient = RollupDeployment.Address(group.Key);
            BigInteger credited = group.Aggregate(BigInteger.Zero, (sum, e) => sum + e.Amount.Micros);
            BigInteger withdrawable = await Rollup.WithdrawableAsync(recipient);
            if (withdrawable != credited)
            {
                throw new InvalidOperationException($"{recipient} may withdraw {withdrawable}; batch {batch.Number} credited {credited}");
            }
            await EnsureSenderAsync(recipient);
            BigInteger before = await Rollup.TokenBalanceAsync(recipient);
            await Rollup.WithdrawAsync(recipient);
            BigInteger paid = await Rollup.TokenBalanceAsync(recipient) - before;
            if (paid != credited)
            {
                throw new InvalidOperationException($"withdraw() paid {recipient} {paid}; batch {batch.Number} credited {credited}");
            }
            total += paid;
        }
        return total;
    }

    /// <summary>Lets <paramref name="address"/> send transactions: anvil impersonates it and gives it ether for gas.</summary>
    public async Task EnsureSenderAsync(string address)
    {
        ArgumentNullException.ThrowIfNull(address);
        if (senders.Add(address))
        {
            await Node.Rpc.RequestAsync("anvil_impersonateAccount", [address]);
            await Node.Rpc.SetBalanceAsync(address, BigInteger.Pow(10, 20));
        }
    }

    public void Dispose() => Node.Dispose();
}
