// SPDX-License-Identifier: MIT
using System.Numerics;
using ZkOptions.Field;
using ZkOptions.Prover.PlonkV2;
using ZkOptions.Prover.Solidity;
using ZkOptions.Prover.Solidity.V2;

namespace ZkOptions.Solidity.Tests.VerifierV2;

/// <summary>The generated PLONK v2 verifier on anvil: it accepts a valid proof and nothing else.</summary>
public sealed class PlonkV2VerifierContractTests(V2VerifierFixture fixture) : IClassFixture<V2VerifierFixture>
{
    private static readonly BigInteger R = Fr.Modulus;

    [Theory]
    [MemberData(nameof(V2VerifierFixture.Circuits), MemberType = typeof(V2VerifierFixture))]
    public async Task AcceptsAValidProof(string circuit)
    {
        var v = fixture[circuit];
        Assert.True(await v.VerifyAsync(fixture.Rpc, PlonkV2Calldata.ProofWords(v.Proof), PlonkCalldata.PublicWords(v.PublicInputs)));
    }

    /// <summary>
    /// Each evaluation + 1 (mod r, so past the range check), each coordinate + 1 (off the curve), and each commitment
    /// replaced by another point on the curve: never true.
    /// </summary>
    [Theory]
    [MemberData(nameof(V2VerifierFixture.Circuits), MemberType = typeof(V2VerifierFixture))]
    public async Task RejectsEveryChangeToAProofWord(string circuit)
    {
        var v = fixture[circuit];
        var words = PlonkV2Calldata.ProofWords(v.Proof);
        var publicWords = PlonkCalldata.PublicWords(v.PublicInputs);
        int pointWords = 2 * v.Proof.Points().Count();
        var other = G1Jacobian.ScalarMul(G1Affine.Generator, Fr.FromUInt64(3)).ToAffine();
        var failures = new List<string>();
        for (int i = 0; i < words.Length; i++)
        {
            var changed = (BigInteger[])words.Clone();
            changed[i] = i < pointWords ? words[i] + 1 : (words[i] + 1) % R;
            if (await v.VerifyAsync(fixture.Rpc, changed, publicWords))
            {
                failures.Add($"word {i} + 1");
            }
            if (i < pointWords && i % 2 == 0)
            {
                changed = (BigInteger[])words.Clone();
                (changed[i], changed[i + 1]) = (other.X.ToBigInteger(), other.Y.ToBigInteger());
                if (await v.VerifyAsync(fixture.Rpc, changed, publicWords))
                {
                    failures.Add($"point at word {i} replaced by 3·G");
                }
            }
            if (i >= pointWords)
            {
                changed = (BigInteger[])words.Clone();
                changed[i] = words[i] + R;
                if (await v.VerifyAsync(fixture.Rpc, changed, publicWords))
                {
                    failures.Add($"word {i} + r");
                }
            }
        }
        Assert.True(failures.Count == 0, $"{circuit}: accepted after {string.Join(", ", failures)}");
    }

    [Theory]
    [MemberData(nameof(V2VerifierFixture.Circuits), MemberType = typeof(V2VerifierFixture))]
    public async Task RejectsEveryChangeToAPublicInput(string circuit)
    {
        var v = fixture[circuit];
        var words = PlonkV2Calldata.ProofWords(v.Proof);
        var publicWords = PlonkCalldata.PublicWords(v.PublicInputs);
        for (int i = 0; i < publicWords.Length; i++)
        {
            foreach (var delta in new[] { BigInteger.One, R })
            {
                var changed = (BigInteger[])publicWords.Clone();
                changed[i] = delta == R ? publicWords[i] + R : (publicWords[i] + 1) % R;
                Assert.False(await v.VerifyAsync(fixture.Rpc, words, changed), $"{circuit}: public input {i} + {(delta == R ? "r" : "1")} accepted");
            }
        }
    }

    /// <summary>A proof of the same circuit under a key from another SRS: the same shape, the wrong key.</summary>
    [Fact]
    public async Task RejectsAProofForAnotherVerifyingKey()
    {
        var v = fixture["poseidon-2"];
        var other = DeployedV2Verifier.Prove("poseidon-2", seed: 8);
        Assert.Equal(v.PublicInputs, other.PublicInputs);
        Assert.True(PlonkV2Verifier.Verify(other.Key.VerifyingKey, other.Proof, other.PublicInputs));
        Assert.False(await v.VerifyAsync(fixture.Rpc, PlonkV2Calldata.ProofWords(other.Proof), PlonkCalldata.PublicWords(other.PublicInputs)));
    }

    /// <summary>
    /// The mutations above are all caught by the openings as well. Here the openings are honest and the witness is
    /// wrong: one private wire changed (in a Poseidon round, a lane row, a lookup), the proof forced without the
    /// prover's checks. The C# verifier refuses it through an identity at ζ, and so must the contract.
    /// </summary>
    [Theory]
    [MemberData(nameof(V2VerifierFixture.Circuits), MemberType = typeof(V2VerifierFixture))]
    public async Task RejectsAForcedProofOfAWitnessThatBreaksAnIdentity(string circuit)
    {
        var v = fixture[circuit];
        var witness = v.Setup.Witness;
        int publicEnd = 1 + v.Setup.Compiled.PublicCount;
        var refused = new List<int>();
        foreach (int wire in new[] { publicEnd, (publicEnd + witness.Length) / 2, witness.Length - 1 }.Distinct())
        {
            var broken = (Fr[])witness.Clone();
            broken[wire] += Fr.One;
            var proof = v.ForcedProof(broken);
            Assert.False(PlonkV2Verifier.Verify(v.Key, proof, v.PublicInputs), $"{circuit}: wire {wire} + 1 is not refused in C#, so it tests nothing");
            Assert.False(await v.VerifyAsync(fixture.Rpc, PlonkV2Calldata.ProofWords(proof), PlonkCalldata.PublicWords(v.PublicInputs)),
                $"{circuit}: the contract accepts a forced proof with wire {wire} + 1, which the C# verifier refuses");
            refused.Add(wire);
        }
        Assert.NotEmpty(refused);
    }

    [Theory]
    [MemberData(nameof(V2VerifierFixture.Circuits), MemberType = typeof(V2VerifierFixture))]
    public void TheSourceIsDeterministic(string circuit)
    {
        var v = fixture[circuit];
        Assert.Equal(v.Source, PlonkV2SolidityVerifier.Generate(v.Key));
    }
}
