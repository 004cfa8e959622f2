// SPDX-License-Identifier: MIT
using ZkOptions.Circuit.Catalog;
using ZkOptions.Circuit.Solving;
using ZkOptions.Circuit.Std;
using ZkOptions.Circuit.Tests.Support;
using ZkOptions.Field;
using static ZkOptions.Circuit.Tests.Support.CircomlibVectors;

namespace ZkOptions.Circuit.Tests.Std;

/// <summary>In-circuit sparse Merkle paths against trees hashed by circomlibjs (vectors/circomlib/smt.json) and the native tree.</summary>
public sealed class SparseMerkleTests
{
    public sealed class MembershipCircuit(int arity, int depth) : Circuit
    {
        [Public("root")] public Variable Root;
        [Secret("leaf")] public Variable Leaf;
        [Secret("index")] public Variable Index;
        [Secret("siblings")] public Variable[] Siblings = new Variable[depth * (arity - 1)];

        public override void Define(Api api) => SparseMerkle.AssertMembership(api, arity, depth, Root, Leaf, Index,
            Enumerable.Range(0, depth).Select(l => Siblings[(l * (arity - 1))..((l + 1) * (arity - 1))]).ToList());
    }

    [Fact]
    public void EveryCircomlibjsProofVerifiesAndAWrongSiblingFails()
    {
        int proofs = 0;
        foreach (var tree in Load("smt.json").GetProperty("trees").EnumerateArray())
        {
            int arity = tree.GetProperty("arity").GetInt32(), depth = tree.GetProperty("depth").GetInt32();
            foreach (var proof in tree.GetProperty("proofs").EnumerateArray())
            {
                var siblings = proof.GetProperty("siblings").EnumerateArray().SelectMany(l => l.EnumerateArray().Select(F)).ToArray();
                InputAssignment With(Fr[] s, Fr leaf) => new InputAssignment()
                    .Set("root", F(tree.GetProperty("root"))).Set("leaf", leaf)
                    .Set("index", Fr.FromUInt64((ulong)proof.GetProperty("index").GetInt64())).Set("siblings", s);
                CircuitAssert.Satisfied(() => new MembershipCircuit(arity, depth), With(siblings, F(proof.GetProperty("leaf"))));
                var wrong = siblings.ToArray();
                wrong[^1] += Fr.One;
                CircuitAssert.Fails(() => new MembershipCircuit(arity, depth), With(wrong, F(proof.GetProperty("leaf"))), "merkle membership");
                CircuitAssert.Fails(() => new MembershipCircuit(arity, depth), With(siblings, F(proof.GetProperty("leaf")) + Fr.One), "merkle membership");
                proofs++;
            }
        }
        Assert.True(proofs >= 4, $"only {proofs} proofs");
    }

    [Fact]
    public void AnIndexOutsideTheTreeIsRejected()
    {
        // 2^16 + 5 has the same low 16 bits as 5: without the range check it would pass as leaf 5.
        var tree = new Field.Hashing.SparseMerkleTree(2, 16);
        tree.Set(5, Fr.FromUInt64(55));
        var inputs = new InputAssignment().Set("root", tree.Root).Set("leaf", Fr.FromUInt64(55)).Set("index", Fr.FromUInt64((1 << 16) + 5))
            .Set("siblings", tree.Prove(5).Siblings.Select(s => s[0]));
        CircuitAssert.Fails(() => new SmtBinaryMembershipCircuit(), inputs, "index range");
    }

    [Theory]
    [InlineData("smt-binary-membership")]
    [InlineData("smt-quaternary-update")]
    public void CatalogExamplesHold(string name)
    {
        var d = CircuitCatalog.Find(name)!;
        CircuitAssert.Satisfied(d.Create, InputAssignment.Parse(d.ExampleInput(), "example"));
    }

    [Fact]
    public void UpdateMatchesTheNativeTreeAndRejectsAWrongOldLeaf()
    {
        var json = System.Text.Json.JsonDocument.Parse(CircuitCatalog.Find("smt-quaternary-update")!.ExampleInput()).RootElement;
        InputAssignment With(string oldLeaf) => new InputAssignment()
            .Set("oldRoot", F(json.GetProperty("oldRoot"))).Set("newRoot", F(json.GetProperty("newRoot")))
            .Set("oldLeaf", Fr.Parse(oldLeaf)).Set("newLeaf", F(json.GetProperty("newLeaf"))).Set("index", F(json.GetProperty("index")))
            .Set("siblings", json.GetProperty("siblings").EnumerateArray().Select(F));
        CircuitAssert.Satisfied(() => new SmtQuaternaryUpdateCircuit(), With("1"));
        CircuitAssert.Fails(() => new SmtQuaternaryUpdateCircuit(), With("3"), "merkle update");
    }
}
