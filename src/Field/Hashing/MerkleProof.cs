// SPDX-License-Identifier: MIT
namespace ZkOptions.Field.Hashing;

/// <summary>
/// A membership proof of <see cref="SparseMerkleTree"/>: for each level from the leaf up, the arity − 1 siblings of
/// the node on the path, in child order, skipping the node's own position (which the index gives).
/// </summary>
/// <param name="Siblings">One array per level (leaf level first), each of arity − 1 elements.</param>
public sealed record MerkleProof(IReadOnlyList<Fr[]> Siblings);
