// SPDX-License-Identifier: MIT
using System.Numerics;
using System.Text.Json;
using ZkOptions.Field.Hashing;
using ZkOptions.Field.Tests.Support;

namespace ZkOptions.Field.Tests.Hashing;

/// <summary>
/// The sparse Merkle tree against trees built by full recomputation with circomlibjs's Poseidon
/// (vectors/circomlib/smt.json), against a dense recomputation here after every update, and its proofs.
/// </summary>
public sealed class SparseMerkleTreeTests
{
    private static readonly JsonElement Doc = JsonDocument.Parse(File.ReadAllText(RepoPaths.Vector("circomlib", "smt.json"))).RootElement;

    [Fact]
    public void Roots_empty_hashes_and_proofs_match_circomlibjs()
    {
        var shapes = new HashSet<(int, int)>();
        foreach (var t in Doc.GetProperty("trees").EnumerateArray())
        {
            int arity = t.GetProperty("arity").GetInt32();
            int depth = t.GetProperty("depth").GetInt32();
            shapes.Add((arity, depth));
            var tree = new SparseMerkleTree(arity, depth);
            Fr[] emptyRoots = t.GetProperty("emptyRoots").EnumerateArray().Select(e => Fr.Parse(e.GetString()!)).ToArray();
            Assert.Equal(emptyRoots, SparseMerkleTree.EmptySubtreeHashes(arity, depth));
            Assert.Equal(emptyRoots[depth], tree.Root);

            foreach (var leaf in t.GetProperty("leaves").EnumerateArray())
            {
                tree.Set(leaf.GetProperty("index").GetInt32(), Fr.Parse(leaf.GetProperty("value").GetString()!));
            }
            Fr root = Fr.Parse(t.GetProperty("root").GetString()!);
            Assert.True(root == tree.Root, $"arity {arity} depth {depth}: root");
            foreach (var leaf in t.GetProperty("leaves").EnumerateArray())
            {
                Assert.Equal(leaf.GetProperty("value").GetString(), tree.Get(leaf.GetProperty("index").GetInt32()).ToString());
            }

            foreach (var p in t.GetProperty("proofs").EnumerateArray())
            {
                int index = p.GetProperty("index").GetInt32();
                Fr leaf = Fr.Parse(p.GetProperty("leaf").GetString()!);
                Assert.Equal(leaf, tree.Get(index));
                var expected = p.GetProperty("siblings").EnumerateArray()
                    .Select(level => level.EnumerateArray().Select(e => Fr.Parse(e.GetString()!)).ToArray()).ToList();
                MerkleProof proof = tree.Prove(index);
                Assert.Equal(expected.Count, proof.Siblings.Count);
                for (int l = 0; l < expected.Count; l++)
                {
                    Assert.Equal(expected[l], proof.Siblings[l]);
                }
                Assert.Equal(root, SparseMerkleTree.ComputeRoot(arity, leaf, index, new MerkleProof(expected)));
            }
        }
        Assert.Superset(new HashSet<(int, int)> { (2, 3), (2, 4), (4, 3), (4, 4) }, shapes);
    }

    /// <summary>The root by hashing every level of the dense tree, as the vectors script does.</summary>
    private static Fr DenseRoot(int arity, int depth, Fr[] leaves)
    {
        Fr[] level = leaves;
        for (int d = 0; d < depth; d++)
        {
            var next = new Fr[level.Length / arity];
            for (int i = 0; i < next.Length; i++)
            {
                next[i] = Poseidon.Hash(level.AsSpan(i * arity, arity));
            }
            level = next;
        }
        return Assert.Single(level);
    }

    [Theory]
    [InlineData(2, 4)]
    [InlineData(4, 3)]
    public void Every_update_gives_the_root_of_a_full_recomputation(int arity, int depth)
    {
        var rng = new Random(arity * 10 + depth);
        int size = (int)Math.Pow(arity, depth);
        var dense = new Fr[size];
        var tree = new SparseMerkleTree(arity, depth);
        var roots = new HashSet<Fr> { tree.Root };
        for (int step = 0; step < 40; step++)
        {
            int index = rng.Next(size);
            Fr value = step % 7 == 6 ? Fr.Zero : Fr.Random(rng);
            dense[index] = value;
            tree.Set(index, value);
            Assert.Equal(DenseRoot(arity, depth, dense), tree.Root);
            Assert.Equal(value, tree.Get(index));
            roots.Add(tree.Root);
            int probe = rng.Next(size);
            Assert.Equal(tree.Root, SparseMerkleTree.ComputeRoot(arity, dense[probe], probe, tree.Prove(probe)));
        }
        Assert.True(roots.Count > 30, "updates must change the root");
    }

    [Fact]
    public void Clearing_every_leaf_returns_to_the_empty_root_and_frees_the_nodes()
    {
        var tree = new SparseMerkleTree(4, 8);
        Fr empty = tree.Root;
        Assert.Equal(SparseMerkleTree.EmptySubtreeHashes(4, 8)[8], empty);
        Assert.Equal(0, tree.StoredNodeCount);
        BigInteger[] indices = [0, 1, 4, 65535, 12345];
        foreach (var i in indices)
        {
            tree.Set(i, Fr.FromUInt64((ulong)i + 1));
        }
        Assert.NotEqual(empty, tree.Root);
        Assert.True(tree.StoredNodeCount <= indices.Length * 9);
        foreach (var i in indices)
        {
            tree.Set(i, Fr.Zero);
        }
        Assert.Equal(empty, tree.Root);
        Assert.Equal(0, tree.StoredNodeCount);
    }

    [Fact]
    public void A_proof_fails_for_another_leaf_another_index_or_a_changed_sibling()
    {
        var tree = new SparseMerkleTree(4, 5);
        var rng = new Random(9);
        for (int i = 0; i < 30; i++)
        {
            tree.Set(rng.Next(1024), Fr.Random(rng));
        }
        tree.Set(77, Fr.FromUInt64(42));
        MerkleProof proof = tree.Prove(77);
        Assert.Equal(5, proof.Siblings.Count);
        Assert.All(proof.Siblings, level => Assert.Equal(3, level.Length));
        Assert.Equal(tree.Root, SparseMerkleTree.ComputeRoot(4, Fr.FromUInt64(42), 77, proof));
        Assert.NotEqual(tree.Root, SparseMerkleTree.ComputeRoot(4, Fr.FromUInt64(43), 77, proof));
        Assert.NotEqual(tree.Root, SparseMerkleTree.ComputeRoot(4, Fr.FromUInt64(42), 78, proof));
        Assert.NotEqual(tree.Root, SparseMerkleTree.ComputeRoot(4, Fr.FromUInt64(42), 77 + 256, proof));
        var changed = proof.Siblings.Select(level => (Fr[])level.Clone()).ToList();
        changed[3][1] += Fr.One;
        Assert.NotEqual(tree.Root, SparseMerkleTree.ComputeRoot(4, Fr.FromUInt64(42), 77, new MerkleProof(changed)));
    }

    [Fact]
    public void A_deep_quaternary_tree_stays_sparse()
    {
        var tree = new SparseMerkleTree(4, 32);
        BigInteger last = BigInteger.Pow(4, 32) - 1;
        tree.Set(last, Fr.FromUInt64(5));
        tree.Set(0, Fr.FromUInt64(6));
        Assert.Equal(tree.Root, SparseMerkleTree.ComputeRoot(4, Fr.FromUInt64(5), last, tree.Prove(last)));
        Assert.Equal(tree.Root, SparseMerkleTree.ComputeRoot(4, Fr.Zero, 12345, tree.Prove(12345)));
        Assert.Equal(2 * 32 + 1, tree.StoredNodeCount); // two paths that meet at the root
    }

    [Fact]
    public void Bad_shapes_indices_and_proofs_are_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new SparseMerkleTree(3, 4));
        Assert.Throws<ArgumentOutOfRangeException>(() => new SparseMerkleTree(2, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => new SparseMerkleTree(2, SparseMerkleTree.MaxDepth + 1));
        var tree = new SparseMerkleTree(2, 3);
        Assert.Contains("outside [0, 2^3)", Assert.Throws<ArgumentOutOfRangeException>(() => tree.Set(8, Fr.One)).Message);
        Assert.Throws<ArgumentOutOfRangeException>(() => tree.Get(-1));
        Assert.Throws<ArgumentOutOfRangeException>(() => tree.Prove(8));
        MerkleProof proof = tree.Prove(7);
        Assert.Throws<ArgumentOutOfRangeException>(() => SparseMerkleTree.ComputeRoot(2, Fr.Zero, 8, proof));
        Assert.Throws<ArgumentOutOfRangeException>(() => SparseMerkleTree.ComputeRoot(3, Fr.Zero, 0, proof));
        Assert.Contains("level 1 must hold 1 sibling",
            Assert.Throws<ArgumentException>(() => SparseMerkleTree.ComputeRoot(2, Fr.Zero, 0, new MerkleProof([[Fr.Zero], [], [Fr.Zero]]))).Message);
        Assert.Throws<ArgumentException>(() => SparseMerkleTree.ComputeRoot(2, Fr.Zero, 0, new MerkleProof([])));
        Assert.Throws<ArgumentException>(() => SparseMerkleTree.ComputeRoot(4, Fr.Zero, 0, proof)); // binary proof, quaternary tree
    }
}
