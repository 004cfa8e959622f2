// SPDX-License-Identifier: MIT
using System.Numerics;
using ZkOptions.Field;
using ZkOptions.Field.Hashing;
using ZkOptions.Settlement.Hashing;
using ZkOptions.Settlement.Parameters;
using ZkOptions.Settlement.Risk;

namespace ZkOptions.Settlement.State;

/// <summary>
/// The rollup state: the accounts and their quaternary sparse Merkle tree, the current risk epoch, the number of L1
/// queue entries consumed and its chain hash, and the last batch timestamp. The state root is
/// <c>Poseidon(accountsRoot, epochId, epochTimestamp, epochCommitment)</c> (zeros before the first epoch). The genesis
/// state holds one account, the insurance account (<see cref="InsuranceGenesis"/>).
/// </summary>
public sealed class RollupState
{
    private readonly Dictionary<long, Account> accounts = [];
    private readonly SparseMerkleTree tree;
    private readonly HashSet<long> dirty = [];
    private List<AccountUpdate>? recording;

    /// <summary>The genesis state. With <paramref name="trackRoots"/> false, leaves are hashed only when a root is read.</summary>
    public RollupState(ExchangeParameters parameters, bool trackRoots = true)
    {
        parameters.Validate();
        Parameters = parameters;
        TrackRoots = trackRoots;
        tree = new SparseMerkleTree(4, parameters.AccountTreeDepth);
        Put(InsuranceGenesis(parameters));
    }

    /// <summary>
    /// The insurance account as genesis opens it: index <see cref="ExchangeParameters.InsuranceAccount"/>, the identity
    /// point (0, 1) as key and owner 0, so no user key or L1 address controls it (the rules refuse every signed or
    /// forced transaction from it), no collateral until fees and top-ups arrive. The contract opens the same account.
    /// </summary>
    public static Account InsuranceGenesis(ExchangeParameters p) =>
        new(p.InsuranceAccount, Field.BabyJubjub.BabyJubjubPoint.Identity, BigInteger.Zero, p.PositionSlots, p.ScenarioCount, p.OrderTreeDepth, 0);

    /// <summary>The exchange's settings.</summary>
    public ExchangeParameters Parameters { get; }

    /// <summary>Whether every update re-hashes the tree at once (batches need it; a throughput benchmark may not).</summary>
    public bool TrackRoots { get; }

    /// <summary>Accounts by index.</summary>
    public IReadOnlyDictionary<long, Account> Accounts => accounts;

    /// <summary>The current risk epoch, or null before the first.</summary>
    public OracleEpoch? Epoch { get; set; }

    /// <summary>Timestamp of the last batch (0 before the first).</summary>
    public long Timestamp { get; set; }

    /// <summary>L1 queue entries consumed so far.</summary>
    public long QueueConsumed { get; set; }

    /// <summary>The L1 queue chain hash after the consumed entries.</summary>
    public Fr QueueHash { get; set; }

    /// <summary>The account at <paramref name="index"/>, or null.</summary>
    public Account? Find(long index) => accounts.GetValueOrDefault(index);

    /// <summary>Stores <paramref name="account"/> (a modified clone) and updates its leaf.</summary>
    public void Put(Account account)
    {
        if (recording is not null)
        {
            FlushDirty();
            MerkleProof proof = tree.Prove(account.Index);
            recording.Add(new AccountUpdate(account.Index, Find(account.Index)?.Clone(), account.Clone(), proof));
        }
        accounts[account.Index] = account;
        if (TrackRoots || recording is not null)
        {
            tree.Set(account.Index, account.LeafHash());
        }
        else
        {
            dirty.Add(account.Index);
        }
    }

    /// <summary>Starts recording account updates (for a transaction's witness).</summary>
    public void BeginRecording() => recording = [];

    /// <summary>Stops recording and returns the updates since <see cref="BeginRecording"/>.</summary>
    public IReadOnlyList<AccountUpdate> EndRecording()
    {
        List<AccountUpdate> r = recording ?? [];
        recording = null;
        return r;
    }

    /// <summary>The account tree root.</summary>
    public Fr AccountsRoot
    {
        get
        {
            FlushDirty();
            return tree.Root;
        }
    }

    /// <summary>The state root.</summary>
    public Fr Root => Poseidon.Hash(AccountsRoot,
        FieldCodec.Unsigned(Epoch?.Id ?? 0), FieldCodec.Unsigned(Epoch?.Timestamp ?? 0), Epoch?.Commitment ?? Fr.Zero);

    private void FlushDirty()
    {
        foreach (long i in dirty)
        {
            tree.Set(i, accounts[i].LeafHash());
        }
        dirty.Clear();
    }
}
