// SPDX-License-Identifier: MIT
using System.Runtime.CompilerServices;

namespace ZkOptions.Circuit.Std;

/// <summary>
/// Fixed-depth sparse Merkle trees, binary or quaternary, with Poseidon(arity) nodes: the same tree as the native
/// <see cref="ZkOptions.Field.Hashing.SparseMerkleTree"/> (empty leaf 0; at level ℓ, counted from the leaves, the
/// node's position is digit ℓ of the index in base arity, least significant first; siblings are listed in child
/// order, skipping the node's own position). The index is range-checked to the tree's size, so a path cannot
/// name a leaf outside the tree or the same leaf twice.
/// </summary>
public static class SparseMerkle
{
    /// <summary>The root of the tree in which <paramref name="leaf"/> sits at <paramref name="index"/> with these siblings.</summary>
    public static Variable ComputeRoot(Api api, int arity, int depth, Variable leaf, Variable index, IReadOnlyList<Variable[]> siblings,
        [CallerFilePath] string file = "", [CallerLineNumber] int line = 0)
    {
        using (api.Scope($"merkle path (arity {arity}, depth {depth})"))
        {
            return Root(api, arity, depth, leaf, IndexBits(api, arity, depth, index, siblings, file, line), siblings);
        }
    }

    /// <summary>Asserts that <paramref name="leaf"/> is at <paramref name="index"/> in the tree with root <paramref name="root"/>.</summary>
    public static void AssertMembership(Api api, int arity, int depth, Variable root, Variable leaf, Variable index, IReadOnlyList<Variable[]> siblings,
        [CallerFilePath] string file = "", [CallerLineNumber] int line = 0)
    {
        using (api.Scope($"merkle membership (arity {arity}, depth {depth})"))
        {
            var bits = IndexBits(api, arity, depth, index, siblings, file, line);
            api.AssertEqual(Root(api, arity, depth, leaf, bits, siblings), root, file, line);
        }
    }

    /// <summary>
    /// Replaces the leaf at <paramref name="index"/>: asserts <paramref name="oldLeaf"/> is there under
    /// <paramref name="oldRoot"/>, and returns the root with <paramref name="newLeaf"/> in its place (same path).
    /// </summary>
    public static Variable Update(Api api, int arity, int depth, Variable oldRoot, Variable oldLeaf, Variable newLeaf, Variable index,
        IReadOnlyList<Variable[]> siblings, [CallerFilePath] string file = "", [CallerLineNumber] int line = 0)
    {
        using (api.Scope($"merkle update (arity {arity}, depth {depth})"))
        {
            var bits = IndexBits(api, arity, depth, index, siblings, file, line);
            api.AssertEqual(Root(api, arity, depth, oldLeaf, bits, siblings), oldRoot, file, line);
            return Root(api, arity, depth, newLeaf, bits, siblings);
        }
    }

    private static Variable[] IndexBits(Api api, int arity, int depth, Variable index, IReadOnlyList<Variable[]> siblings, string file, int line)
    {
        if (arity != 2 && arity != 4)
        {
            throw new ArgumentException("arity must be 2 or 4", nameof(arity));
        }
        int bitsPerLevel = arity == 2 ? 1 : 2;
        if (depth < 1 || depth * bitsPerLevel > 252)
        {
            throw new ArgumentOutOfRangeException(nameof(depth), $"depth must be 1 to {252 / bitsPerLevel} for arity {arity}");
        }
        if (siblings.Count != depth || siblings.Any(s => s.Length != arity - 1))
        {
            throw new ArgumentException($"a path needs {depth} levels of {arity - 1} siblings", nameof(siblings));
        }
        using (api.Scope("index range"))
        {
            return api.ToBits(index, depth * bitsPerLevel, file, line);
        }
    }

    private static Variable Root(Api api, int arity, int depth, Variable leaf, Variable[] bits, IReadOnlyList<Variable[]> siblings)
    {
        var node = leaf;
        for (int level = 0; level < depth; level++)
        {
            var s = siblings[level];
            Variable[] children;
            if (arity == 2)
            {
                // b = 0: (node, s0); b = 1: (s0, node). One product m = b·(s0 − node).
                var m = api.Mul(bits[level], s[0] - node);
                children = [node + m, s[0] - m];
            }
            else
            {
                Variable b0 = bits[2 * level], b1 = bits[2 * level + 1];
                // Position p = b0 + 2·b1; child j is the node when j = p, else sibling j (j < p) or j − 1 (j > p).
                children =
                [
                    api.Lookup2(b0, b1, node, s[0], s[0], s[0]),
                    api.Lookup2(b0, b1, s[0], node, s[1], s[1]),
                    api.Lookup2(b0, b1, s[1], s[1], node, s[2]),
                    api.Lookup2(b0, b1, s[2], s[2], s[2], node),
                ];
            }
            node = Poseidon.Hash(api, children);
        }
        return node;
    }
}
