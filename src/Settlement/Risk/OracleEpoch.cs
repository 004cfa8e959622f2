// SPDX-License-Identifier: MIT
using System.Numerics;
using ZkOptions.Field;
using ZkOptions.Field.BabyJubjub;
using ZkOptions.Field.Hashing;
using ZkOptions.Settlement.Hashing;
using ZkOptions.Settlement.Instruments;
using ZkOptions.Settlement.Numbers;

namespace ZkOptions.Settlement.Risk;

/// <summary>
/// One risk epoch of the oracle: per series a mark price, a naked-short charge, a settlement price once expired, and
/// the scenario risk array (<see cref="SeriesRisk"/>); per underlying the spot it was computed from. Committed as
/// <c>Poseidon(id, timestamp, seriesRoot, spotsHash)</c>, where the series root is a quaternary sparse Merkle tree
/// with series i (in ascending key order) at index i, and signed by the oracle's EdDSA-Poseidon key.
/// </summary>
public sealed class OracleEpoch
{
    private readonly Dictionary<SeriesKey, int> indexByKey;

    /// <summary>Builds an epoch; series are sorted by key and must be distinct and carry S values each.</summary>
    public OracleEpoch(long id, long timestamp, IReadOnlyDictionary<int, Usd> spots, IEnumerable<SeriesRisk> series,
        int scenarioCount, int seriesTreeDepth, EddsaSignature? signature = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(id, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(timestamp, 1);
        Id = id;
        Timestamp = timestamp;
        Spots = new SortedDictionary<int, Usd>(spots.ToDictionary());
        Series = series.OrderBy(s => s.Key).ToArray();
        ScenarioCount = scenarioCount;
        SeriesTreeDepth = seriesTreeDepth;
        Signature = signature;
        indexByKey = [];
        for (int i = 0; i < Series.Count; i++)
        {
            SeriesRisk s = Series[i];
            if (!indexByKey.TryAdd(s.Key, i))
            {
                throw new ArgumentException($"series {s.Key} appears twice in epoch {id}");
            }
            if (s.RiskArray.Count != scenarioCount)
            {
                throw new ArgumentException($"series {s.Key} has {s.RiskArray.Count} scenario values; the exchange uses {scenarioCount}");
            }
            if (s.ShortCharge.Micros < 0 || s.SettlementPrice.Micros < 0)
            {
                throw new ArgumentException($"series {s.Key}: short charge and settlement price must be ≥ 0");
            }
        }
        if (Series.Count > 1L << (2 * seriesTreeDepth))
        {
            throw new ArgumentException($"{Series.Count} series do not fit a series tree of depth {seriesTreeDepth}");
        }
        var tree = new SparseMerkleTree(4, seriesTreeDepth);
        for (int i = 0; i < Series.Count; i++)
        {
            tree.Set(i, Series[i].LeafHash());
        }
        SeriesTree = tree;
        SpotsHash = HashSpots(Spots);
        Commitment = Poseidon.Hash(FieldCodec.Unsigned(id), FieldCodec.Unsigned(timestamp), tree.Root, SpotsHash);
    }

    /// <summary>Epoch number; each accepted epoch is the previous one plus one.</summary>
    public long Id { get; }

    /// <summary>Unix seconds the epoch was computed at.</summary>
    public long Timestamp { get; }

    /// <summary>Spot per underlying id.</summary>
    public IReadOnlyDictionary<int, Usd> Spots { get; }

    /// <summary>Series in ascending key order; the position is the index in the series tree.</summary>
    public IReadOnlyList<SeriesRisk> Series { get; }

    /// <summary>S.</summary>
    public int ScenarioCount { get; }

    /// <summary>Depth of the quaternary series tree.</summary>
    public int SeriesTreeDepth { get; }

    /// <summary>The series tree (for Merkle proofs in batches).</summary>
    public SparseMerkleTree SeriesTree { get; }

    /// <summary>HashMany(id₁, spot₁, id₂, spot₂, …) over the underlyings in ascending id order, or 0 with none.</summary>
    public Fr SpotsHash { get; }

    /// <summary>Poseidon(id, timestamp, seriesRoot, spotsHash): what the oracle signs and batches commit to.</summary>
    public Fr Commitment { get; }

    /// <summary>The oracle's signature over <see cref="Orders.SignedMessages.OracleEpoch"/>(domain, <see cref="Commitment"/>), when signed.</summary>
    public EddsaSignature? Signature { get; }

    /// <summary>The same epoch signed with <paramref name="oracleKey"/> for the deployment whose oracle domain is <paramref name="domain"/>.</summary>
    public OracleEpoch SignedWith(EddsaPrivateKey oracleKey, Fr domain) =>
        new(Id, Timestamp, Spots, Series, ScenarioCount, SeriesTreeDepth, oracleKey.Sign(Orders.SignedMessages.OracleEpoch(domain, Commitment)));

    /// <summary>True when the signature is present and valid for <paramref name="oraclePublicKey"/> in oracle domain <paramref name="domain"/>.</summary>
    public bool IsSignedBy(BabyJubjubPoint oraclePublicKey, Fr domain) =>
        Signature is { } sig && EddsaPoseidon.Verify(oraclePublicKey, Orders.SignedMessages.OracleEpoch(domain, Commitment), sig);

    /// <summary>The series' data and tree index, or null when the epoch does not list it.</summary>
    public (SeriesRisk Risk, int Index)? Find(SeriesKey key) =>
        indexByKey.TryGetValue(key, out int i) ? (Series[i], i) : null;

    /// <summary>The Merkle proof of series <paramref name="index"/> in the series tree.</summary>
    public MerkleProof ProveSeries(int index) => SeriesTree.Prove(new BigInteger(index));

    private static Fr HashSpots(IReadOnlyDictionary<int, Usd> spots)
    {
        if (spots.Count == 0)
        {
            return Fr.Zero;
        }
        var v = new List<Fr>();
        foreach (var (id, spot) in spots.OrderBy(kv => kv.Key))
        {
            v.Add(FieldCodec.Unsigned(id));
            v.Add(FieldCodec.Signed(spot.Micros));
        }
        return FieldCodec.HashMany(v.ToArray());
    }
}
