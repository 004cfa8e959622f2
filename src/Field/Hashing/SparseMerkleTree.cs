// SPDX-License-Identifier: MIT
using System.Numerics;

namespace ZkOptions.Field.Hashing;

/// <summary>
/// A fixed-depth sparse Merkle tree over Fr, arity 2 or 4, the native twin of the circuit DSL's Merkle gadget and
/// the shape of the settlement state tree.
/// </summary>
/// <remarks>
/// <para>A node is <c>Poseidon(child_0, …, child_{arity−1})</c> (circomlib's Poseidon with arity inputs), children
/// in order. An empty leaf is 0, and the empty subtree of height h is E_0 = 0, E_{h+1} = Poseidon(E_h, …, E_h);
/// these are precomputed, so an empty tree's root is E_depth.</para>
/// <para>The leaf with index i sits at position digit_ℓ(i) among its siblings at level ℓ (0 = leaf level), where
/// digit_ℓ is the ℓ-th digit of i in base arity, least significant first. Indices run over [0, arity^depth).</para>
/// <para>Only nodes that differ from the empty subtree are stored (one dictionary per level), so memory grows with
/// the number of non-zero leaves times the depth; setting a leaf back to 0 removes its path. Not thread-safe for
/// writes.</para>
/// </remarks>
public sealed class SparseMerkleTree
{
    private readonly Dictionary<BigInteger, Fr>[] levels; // levels[ℓ]: non-empty nodes at height ℓ, by index
    private readonly Fr[] empty;                          // empty[ℓ]: the empty subtree of height ℓ
    private readonly BigInteger capacity;

    /// <summary>
    /// An empty tree of the given arity (2 or 4) and depth (1 … 256 levels above the leaves). Throws
    /// <see cref="ArgumentOutOfRangeException"/> otherwise.
    /// </summary>
    public SparseMerkleTree(int arity, int depth)
    {
        ValidateShape(arity, depth);
        Arity = arity;
        Depth = depth;
        capacity = BigInteger.Pow(arity, depth);
        empty = EmptyHashesCache.GetOrAdd((arity, depth), key => EmptySubtreeHashes(key.Arity, key.Depth));
        levels = new Dictionary<BigInteger, Fr>[depth + 1];
        for (int l = 0; l <= depth; l++)
        {
            levels[l] = [];
        }
    }

    private SparseMerkleTree(SparseMerkleTree other)
    {
        Arity = other.Arity;
        Depth = other.Depth;
        capacity = other.capacity;
        empty = other.empty;
        levels = other.levels.Select(level => new Dictionary<BigInteger, Fr>(level)).ToArray();
    }

    // Empty-subtree hashes depend only on the shape; many small trees (one per account) share them.
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<(int Arity, int Depth), Fr[]> EmptyHashesCache = new();

    /// <summary>An independent copy: changes to either tree do not affect the other.</summary>
    public SparseMerkleTree Clone() => new(this);

    /// <summary>Children per node (2 or 4).</summary>
    public int Arity { get; }

    /// <summary>Levels above the leaves; the tree holds Arity^Depth leaves.</summary>
    public int Depth { get; }

    /// <summary>Nodes held in memory (those that differ from the empty subtree), over all levels.</summary>
    internal int StoredNodeCount => levels.Sum(level => level.Count);

    /// <summary>The root hash.</summary>
    public Fr Root => Node(Depth, BigInteger.Zero);

    /// <summary>
    /// E_0 … E_depth for the given shape: E_0 = 0 (the empty leaf), E_{h+1} = Poseidon(E_h repeated arity times).
    /// E_depth is the root of an empty tree.
    /// </summary>
    public static Fr[] EmptySubtreeHashes(int arity, int depth)
    {
        ValidateShape(arity, depth);
        var hashes = new Fr[depth + 1];
        Span<Fr> children = stackalloc Fr[arity];
        for (int l = 1; l <= depth; l++)
        {
            children.Fill(hashes[l - 1]);
            hashes[l] = Poseidon.Hash(children);
        }
        return hashes;
    }

    /// <summary>The leaf at <paramref name="index"/> (0 if never set).</summary>
    public Fr Get(BigInteger index)
    {
        CheckIndex(index, nameof(index));
        return Node(0, index);
    }

    /// <summary>Sets the leaf at <paramref name="index"/> and rehashes its path to the root (Depth hashes).</summary>
    public void Set(BigInteger index, Fr leaf)
    {
        CheckIndex(index, nameof(index));
        Store(0, index, leaf);
        Span<Fr> children = stackalloc Fr[Arity];
        BigInteger node = index;
        for (int l = 0; l < Depth; l++)
        {
            BigInteger parent = node / Arity;
            BigInteger first = parent * Arity;
            for (int k = 0; k < Arity; k++)
            {
                children[k] = Node(l, first + k);
            }
            Store(l + 1, parent, Poseidon.Hash(children));
            node = parent;
        }
    }

    /// <summary>The siblings along the path of <paramref name="index"/>, leaf level first.</summary>
    public MerkleProof Prove(BigInteger index)
    {
        CheckIndex(index, nameof(index));
        var siblings = new Fr[Depth][];
        BigInteger node = index;
        for (int l = 0; l < Depth; l++)
        {
            BigInteger parent = BigInteger.DivRem(node, Arity, out BigInteger position);
            BigInteger first = parent * Arity;
            var level = new Fr[Arity - 1];
            int s = 0;
            for (int k = 0; k < Arity; k++)
            {
                if (k != (int)position)
                {
                    level[s++] = Node(l, first + k);
                }
            }
            siblings[l] = level;
            node = parent;
        }
        return new MerkleProof(siblings);
    }

    /// <summary>
    /// The root implied by <paramref name="leaf"/> at <paramref name="index"/> and <paramref name="proof"/>; equal
    /// to the tree's root exactly when the proof is valid. The depth is the number of levels in the proof. Throws
    /// <see cref="ArgumentException"/> for a malformed proof (no levels, a level without arity − 1 siblings) and
    /// <see cref="ArgumentOutOfRangeException"/> for a bad arity or an index outside [0, arity^depth).
    /// </summary>
    public static Fr ComputeRoot(int arity, Fr leaf, BigInteger index, MerkleProof proof)
    {
        ArgumentNullException.ThrowIfNull(proof);
        ArgumentNullException.ThrowIfNull(proof.Siblings);
        int depth = proof.Siblings.Count;
        if (depth == 0)
        {
            throw new ArgumentException("A Merkle proof needs at least one level of siblings.", nameof(proof));
        }
        ValidateShape(arity, depth);
        if (index.Sign < 0 || index >= BigInteger.Pow(arity, depth))
        {
            throw new ArgumentOutOfRangeException(nameof(index), $"Leaf index {index} is outside [0, {arity}^{depth}).");
        }
        Span<Fr> children = stackalloc Fr[arity];
        Fr current = leaf;
        BigInteger node = index;
        for (int l = 0; l < depth; l++)
        {
            Fr[]? level = proof.Siblings[l];
            if (level is null || level.Length != arity - 1)
            {
                throw new ArgumentException(
                    $"Merkle proof level {l} must hold {arity - 1} sibling(s) for arity {arity}; got {level?.Length.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "null"}.",
                    nameof(proof));
            }
            node = BigInteger.DivRem(node, arity, out BigInteger remainder);
            int position = (int)remainder;
            int s = 0;
            for (int k = 0; k < arity; k++)
            {
                children[k] = k == position ? current : level[s++];
            }
            current = Poseidon.Hash(children);
        }
        return current;
    }

    private Fr Node(int level, BigInteger index) =>
        levels[level].TryGetValue(index, out Fr value) ? value : empty[level];

    private void Store(int level, BigInteger index, Fr value)
    {
        if (value.Equals(empty[level]))
        {
            levels[level].Remove(index);
        }
        else
        {
            levels[level][index] = value;
        }
    }

    private void CheckIndex(BigInteger index, string name)
    {
        if (index.Sign < 0 || index >= capacity)
        {
            throw new ArgumentOutOfRangeException(name, $"Leaf index {index} is outside [0, {Arity}^{Depth}).");
        }
    }

    private static void ValidateShape(int arity, int depth)
    {
        if (arity != 2 && arity != 4)
        {
            throw new ArgumentOutOfRangeException(nameof(arity), $"Sparse Merkle tree arity must be 2 or 4; got {arity}.");
        }
        if (depth < 1 || depth > MaxDepth)
        {
            throw new ArgumentOutOfRangeException(nameof(depth), $"Sparse Merkle tree depth must be 1 … {MaxDepth}; got {depth}.");
        }
    }

    /// <summary>The largest depth accepted (far beyond any practical tree; it only bounds the precomputation).</summary>
    public const int MaxDepth = 256;
}
