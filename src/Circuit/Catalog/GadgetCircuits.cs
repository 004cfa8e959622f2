// SPDX-License-Identifier: MIT
using System.Numerics;
using System.Text.Json;
using ZkOptions.Circuit.Std;
using ZkOptions.Field;
using ZkOptions.Field.BabyJubjub;
using ZkOptions.Field.Hashing;
using Jubjub = ZkOptions.Field.BabyJubjub.BabyJubjub;

namespace ZkOptions.Circuit.Catalog;

/// <summary>Poseidon(in[0], in[1]) = hash, the inputs secret.</summary>
public sealed class Poseidon2Circuit : Circuit
{
    [Public("hash")] public Variable Hash;
    [Secret("in")] public Variable[] In = new Variable[2];

    public override void Define(Api api) => api.AssertEqual(Std.Poseidon.Hash(api, In), Hash);
}

/// <summary>
/// A chain of 64 Poseidon hashes, hᵢ₊₁ = Poseidon(hᵢ, i), from a secret h₀ to a public h₆₄: the hash-bound workload
/// the v1 and v2 provers are compared on (docs/BENCHMARKS.md).
/// </summary>
public sealed class PoseidonChainCircuit : Circuit
{
    /// <summary>The number of hashes.</summary>
    public const int Length = 64;

    [Public("last")] public Variable Last;
    [Secret("first")] public Variable First;

    public override void Define(Api api)
    {
        var h = First;
        for (int i = 0; i < Length; i++)
        {
            h = Std.Poseidon.Hash(api, [h, i]);
        }
        api.AssertEqual(h, Last);
    }

    /// <summary>h₆₄ from h₀, natively.</summary>
    public static Fr Chain(Fr first)
    {
        var h = first;
        for (int i = 0; i < Length; i++)
        {
            h = Field.Hashing.Poseidon.Hash(h, Fr.FromUInt64((ulong)i));
        }
        return h;
    }
}

/// <summary>A valid EdDSA-Poseidon signature of a public message under a public key; the signature is secret.</summary>
public sealed class EddsaPoseidonCircuit : Circuit
{
    [Public("Ax")] public Variable Ax;
    [Public("Ay")] public Variable Ay;
    [Public("message")] public Variable Message;
    [Secret("R8x")] public Variable R8x;
    [Secret("R8y")] public Variable R8y;
    [Secret("S")] public Variable S;

    public override void Define(Api api) =>
        EddsaPoseidonVerifier.Verify(api, new PointVar(Ax, Ay), Message, new PointVar(R8x, R8y), S);
}

/// <summary>scalar·(x, y) = (outX, outY) for a secret point on the curve and a secret 253-bit scalar.</summary>
public sealed class BabyJubjubScalarMulCircuit : Circuit
{
    [Public("outX")] public Variable OutX;
    [Public("outY")] public Variable OutY;
    [Secret("x")] public Variable X;
    [Secret("y")] public Variable Y;
    [Secret("scalar")] public Variable Scalar;

    public override void Define(Api api)
    {
        var p = new PointVar(X, Y);
        BabyJubjubGadget.AssertOnCurve(api, p);
        var product = BabyJubjubGadget.ScalarMulVariableBase(api, api.ToBits(Scalar, 253), p);
        api.AssertEqual(product.X, OutX);
        api.AssertEqual(product.Y, OutY);
    }
}

/// <summary>A leaf is in a binary sparse Merkle tree of depth 16 with a public root.</summary>
public sealed class SmtBinaryMembershipCircuit : Circuit
{
    public const int Depth = 16;

    [Public("root")] public Variable Root;
    [Secret("leaf")] public Variable Leaf;
    [Secret("index")] public Variable Index;
    [Secret("siblings")] public Variable[] Siblings = new Variable[Depth];

    public override void Define(Api api) =>
        SparseMerkle.AssertMembership(api, 2, Depth, Root, Leaf, Index, Siblings.Select(s => new[] { s }).ToList());
}

/// <summary>One leaf of a quaternary sparse Merkle tree of depth 8 replaced: old root → new root (public).</summary>
public sealed class SmtQuaternaryUpdateCircuit : Circuit
{
    public const int Depth = 8;

    [Public("oldRoot")] public Variable OldRoot;
    [Public("newRoot")] public Variable NewRoot;
    [Secret("oldLeaf")] public Variable OldLeaf;
    [Secret("newLeaf")] public Variable NewLeaf;
    [Secret("index")] public Variable Index;
    [Secret("siblings")] public Variable[] Siblings = new Variable[3 * Depth];

    public override void Define(Api api)
    {
        var levels = Enumerable.Range(0, Depth).Select(l => Siblings[(3 * l)..(3 * l + 3)]).ToList();
        api.AssertEqual(SparseMerkle.Update(api, 4, Depth, OldRoot, OldLeaf, NewLeaf, Index, levels), NewRoot);
    }
}

internal static class GadgetCircuits
{
    public static IEnumerable<CircuitDescriptor> Descriptors()
    {
        yield return new("poseidon-2", "Poseidon(in[0], in[1]) = hash (circomlib's parameters)", () => new Poseidon2Circuit(),
            () => Json(new { hash = Field.Hashing.Poseidon.Hash(Fr.FromUInt64(1), Fr.FromUInt64(2)).ToString(), @in = new[] { "1", "2" } }));
        yield return new("poseidon-chain", $"a chain of {PoseidonChainCircuit.Length} Poseidon hashes hᵢ₊₁ = Poseidon(hᵢ, i) from a secret h₀ to a public h₆₄",
            () => new PoseidonChainCircuit(),
            () => Json(new { last = PoseidonChainCircuit.Chain(Fr.FromUInt64(7)).ToString(), first = "7" }));
        yield return new("eddsa-poseidon", "an EdDSA-Poseidon signature (circomlib's EdDSAPoseidonVerifier) of a public message under a public key",
            () => new EddsaPoseidonCircuit(), EddsaExample);
        yield return new("babyjubjub-scalar-mul", "scalar·P on BabyJubjub for a secret point and a secret 253-bit scalar",
            () => new BabyJubjubScalarMulCircuit(), ScalarMulExample);
        yield return new("smt-binary-membership", "a leaf of a binary Poseidon sparse Merkle tree of depth 16",
            () => new SmtBinaryMembershipCircuit(), MembershipExample);
        yield return new("smt-quaternary-update", "one leaf of a quaternary Poseidon sparse Merkle tree of depth 8 replaced",
            () => new SmtQuaternaryUpdateCircuit(), UpdateExample);
    }

    private static string Json(object value) => JsonSerializer.Serialize(value);

    private static string EddsaExample()
    {
        var key = new EddsaPrivateKey(Enumerable.Range(1, 32).Select(i => (byte)i).ToArray());
        var message = Fr.FromUInt64(1234567890);
        var signature = key.Sign(message);
        return Json(new
        {
            Ax = key.PublicKey.X.ToString(), Ay = key.PublicKey.Y.ToString(), message = message.ToString(),
            R8x = signature.R8.X.ToString(), R8y = signature.R8.Y.ToString(), S = signature.S.ToString(),
        });
    }

    private static string ScalarMulExample()
    {
        var scalar = BigInteger.Parse("1234567890123456789012345678901234567890");
        var p = Jubjub.Multiply(Jubjub.Base8, 31337);
        var q = Jubjub.Multiply(p, scalar);
        return Json(new { outX = q.X.ToString(), outY = q.Y.ToString(), x = p.X.ToString(), y = p.Y.ToString(), scalar = scalar.ToString() });
    }

    private static string MembershipExample()
    {
        var tree = new SparseMerkleTree(2, SmtBinaryMembershipCircuit.Depth);
        tree.Set(5, Fr.FromUInt64(55));
        tree.Set(40000, Fr.FromUInt64(4));
        var proof = tree.Prove(40000);
        return Json(new { root = tree.Root.ToString(), leaf = "4", index = "40000", siblings = proof.Siblings.Select(s => s[0].ToString()) });
    }

    private static string UpdateExample()
    {
        var tree = new SparseMerkleTree(4, SmtQuaternaryUpdateCircuit.Depth);
        tree.Set(7, Fr.FromUInt64(70));
        tree.Set(1000, Fr.FromUInt64(1));
        var oldRoot = tree.Root;
        var proof = tree.Prove(1000);
        tree.Set(1000, Fr.FromUInt64(2));
        return Json(new
        {
            oldRoot = oldRoot.ToString(), newRoot = tree.Root.ToString(), oldLeaf = "1", newLeaf = "2", index = "1000",
            siblings = proof.Siblings.SelectMany(s => s).Select(v => v.ToString()),
        });
    }
}
