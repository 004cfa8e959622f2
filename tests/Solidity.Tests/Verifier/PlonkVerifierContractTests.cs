// SPDX-License-Identifier: MIT
using System.Numerics;
using System.Text.Json.Nodes;
using ZkOptions.Evm.Harness;
using ZkOptions.Field;
using ZkOptions.Prover.Formats;
using ZkOptions.Prover.Plonk;
using ZkOptions.Prover.Solidity;
using ZkOptions.Prover.Tests.Interop;

namespace ZkOptions.Solidity.Tests.Verifier;

/// <summary>
/// The generated verifier on a real EVM (the pinned anvil), for a circuit with 1 public signal and one with 8: valid
/// proofs from snarkjs and from zkoptions are accepted; every single change to a proof word or a public signal returns
/// false (never true, and never a revert: the contract's documented behaviour), and the C# verifier agrees wherever the
/// change is still a well-formed proof.
/// </summary>
public sealed class PlonkVerifierContractTests(VerifierFixture fixture) : IClassFixture<VerifierFixture>
{
    private static readonly BigInteger R = Fr.Modulus;
    private static readonly BigInteger Q = Fq.Modulus;

    private EthRpcClient Rpc => fixture.Rpc;

    [Theory]
    [MemberData(nameof(VerifierFixture.Circuits), MemberType = typeof(VerifierFixture))]
    public async Task AcceptsValidProofsFromSnarkjsAndFromZkoptions(string circuit)
    {
        var v = fixture[circuit];
        var publics = PlonkCalldata.PublicWords(v.PublicSignals);
        Assert.True(await v.VerifyAsync(Rpc, PlonkCalldata.ProofWords(v.SnarkjsProof), publics), "snarkjs's proof was rejected");
        Assert.True(await v.VerifyAsync(Rpc, PlonkCalldata.ProofWords(v.ZkoptionsProof), publics), "zkoptions's proof was rejected");
        Assert.True(PlonkVerifier.Verify(v.Key, v.ZkoptionsProof, v.PublicSignals));
    }

    [Theory]
    [MemberData(nameof(VerifierFixture.Circuits), MemberType = typeof(VerifierFixture))]
    public async Task RejectsEveryChangeToAProofWord(string circuit)
    {
        var v = fixture[circuit];
        var publics = PlonkCalldata.PublicWords(v.PublicSignals);
        var accepted = new List<string>();
        foreach (var (origin, proof) in new[] { ("snarkjs", v.SnarkjsProof), ("zkoptions", v.ZkoptionsProof) })
        {
            BigInteger[] words = PlonkCalldata.ProofWords(proof);
            Assert.Equal(24, words.Length);
            foreach (var (label, changed) in EncodingChanges(words))
            {
                if (await v.VerifyAsync(Rpc, changed, publics))
                {
                    accepted.Add($"{origin} {label}");
                }
            }
            foreach (var (label, changed) in SemanticChanges(proof))
            {
                if (await v.VerifyAsync(Rpc, PlonkCalldata.ProofWords(changed), publics))
                {
                    accepted.Add($"{origin} {label} (contract)");
                }
                if (PlonkVerifier.Verify(v.Key, changed, v.PublicSignals))
                {
                    accepted.Add($"{origin} {label} (C# verifier)");
                }
            }
        }
        Assert.True(accepted.Count == 0, "accepted: " + string.Join("; ", accepted));
    }

    [Theory]
    [MemberData(nameof(VerifierFixture.Circuits), MemberType = typeof(VerifierFixture))]
    public async Task RejectsEveryChangeToAPublicSignal(string circuit)
    {
        var v = fixture[circuit];
        BigInteger[] proof = PlonkCalldata.ProofWords(v.ZkoptionsProof);
        BigInteger[] publics = PlonkCalldata.PublicWords(v.PublicSignals);
        var accepted = new List<string>();
        for (int i = 0; i < publics.Length; i++)
        {
            foreach (var (label, value) in new[]
            {
                ("+ 1 mod r", (publics[i] + 1) % R),
                ("+ r (same value mod r)", publics[i] + R),
                ("bit 0 flipped", publics[i] ^ 1),
            })
            {
                var changed = (BigInteger[])publics.Clone();
                changed[i] = value;
                if (await v.VerifyAsync(Rpc, proof, changed))
                {
                    accepted.Add($"public {i} {label}");
                }
            }
            var signals = (Fr[])v.PublicSignals.Clone();
            signals[i] += Fr.One;
            if (PlonkVerifier.Verify(v.Key, v.ZkoptionsProof, signals))
            {
                accepted.Add($"public {i} + 1 (C# verifier)");
            }
        }
        Assert.True(accepted.Count == 0, "accepted: " + string.Join("; ", accepted));
    }

    [Theory]
    [MemberData(nameof(VerifierFixture.Circuits), MemberType = typeof(VerifierFixture))]
    public async Task EstimatedGasIsEnoughAndTooLittleGasRevertsInsteadOfReturningFalse(string circuit)
    {
        var v = fixture[circuit];
        byte[] data = v.Calldata(PlonkCalldata.ProofWords(v.ZkoptionsProof), PlonkCalldata.PublicWords(v.PublicSignals));
        ulong estimate = await Rpc.EstimateGasAsync(v.Address, data);
        Assert.InRange(estimate, 200_000UL, 400_000UL);
        Assert.True(await v.VerifyAsync(Rpc, PlonkCalldata.ProofWords(v.ZkoptionsProof), PlonkCalldata.PublicWords(v.PublicSignals), gas: estimate),
            $"the proof does not verify under the estimated gas limit {estimate}");
        // 20,000 short, the pairing (113,000 gas) cannot run: the call must revert, not report an invalid proof.
        await Assert.ThrowsAsync<EvmRevertException>(() => Rpc.CallAsync(v.Address, data, gas: estimate - 20_000));
    }

    [Theory]
    [MemberData(nameof(VerifierFixture.Circuits), MemberType = typeof(VerifierFixture))]
    public async Task TheGasModelPredictsTheReceiptOfARealTransaction(string circuit)
    {
        // `zkoptions demo` quotes VerifierGasModel; anvil's receipt is the oracle it answers to.
        var v = fixture[circuit];
        foreach (var proof in new[] { v.ZkoptionsProof, v.SnarkjsProof })
        {
            byte[] data = v.Calldata(PlonkCalldata.ProofWords(proof), PlonkCalldata.PublicWords(v.PublicSignals));
            var receipt = await Rpc.SendTransactionAsync(v.Address, data, gas: 3_000_000);
            Assert.True(receipt.Succeeded);
            long predicted = VerifierGasModel.Transaction(data, v.Key.NPublic);
            Assert.True(Math.Abs(predicted - (long)receipt.GasUsed) <= 200,
                $"{circuit}: the model predicts {predicted} gas, the receipt says {receipt.GasUsed}");
        }
    }

    [Theory]
    [MemberData(nameof(VerifierFixture.Circuits), MemberType = typeof(VerifierFixture))]
    public async Task CalldataShorterThanTheAbiReverts(string circuit)
    {
        var v = fixture[circuit];
        byte[] data = v.Calldata(PlonkCalldata.ProofWords(v.ZkoptionsProof), PlonkCalldata.PublicWords(v.PublicSignals));
        await Assert.ThrowsAsync<EvmRevertException>(() => Rpc.CallAsync(v.Address, data[..^32]));
    }

    [Theory]
    [MemberData(nameof(VerifierFixture.Circuits), MemberType = typeof(VerifierFixture))]
    public async Task IsADropInForSnarkjsVerifier(string circuit)
    {
        var v = fixture[circuit];
        string dir = Directory.CreateTempSubdirectory("zkoptions-snarkjs-sol-").FullName;
        try
        {
            string path = Path.Combine(dir, "PlonkVerifier.sol");
            var (exit, _, stderr) = CircomSet.Snarkjs("zkey", "export", "solidityverifier", v.Circuit.Zkey, path);
            Assert.True(exit == 0, stderr);
            var theirs = new SolidityCompiler().Compile("PlonkVerifier.sol", File.ReadAllText(path)).Contract("PlonkVerifier");

            // The same ABI (function, parameter names and types, mutability) ...
            Assert.True(JsonNode.DeepEquals(JsonNode.Parse(theirs.AbiJson), JsonNode.Parse(v.Contract.AbiJson)),
                $"ABI differs.\nsnarkjs:   {theirs.AbiJson}\nzkoptions: {v.Contract.AbiJson}");

            // ... so the same calldata works on both, and snarkjs's own contract accepts zkoptions's proof.
            var deployment = await Rpc.DeployAsync(theirs.CreationBytecode);
            byte[] data = v.Calldata(PlonkCalldata.ProofWords(v.ZkoptionsProof), PlonkCalldata.PublicWords(v.PublicSignals));
            Assert.Equal(await Rpc.CallAsync(v.Address, data), await Rpc.CallAsync(deployment.Address, data));
            Assert.Equal(1, (int)new BigInteger(await Rpc.CallAsync(deployment.Address, data), isUnsigned: true, isBigEndian: true));
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Theory]
    [MemberData(nameof(VerifierFixture.Circuits), MemberType = typeof(VerifierFixture))]
    public async Task CalldataMatchesSnarkjsAndCast(string circuit)
    {
        var v = fixture[circuit];
        var (exit, stdout, stderr) = CircomSet.Snarkjs("zkey", "export", "soliditycalldata", v.Circuit.Public, v.Circuit.Proof);
        Assert.True(exit == 0, stderr);
        Assert.Equal(stdout.TrimEnd('\n'), PlonkCalldata.SnarkjsText(v.SnarkjsProof, v.PublicSignals));

        string proofArg = "[" + string.Join(",", PlonkCalldata.ProofWords(v.SnarkjsProof)) + "]";
        string publicArg = "[" + string.Join(",", PlonkCalldata.PublicWords(v.PublicSignals)) + "]";
        string cast = await CastCli.RunAsync("calldata", v.Signature, proofArg, publicArg);
        Assert.Equal(cast, "0x" + Convert.ToHexStringLower(PlonkCalldata.Encode(v.SnarkjsProof, v.PublicSignals)));
    }

    /// <summary>Changes that break the encoding: each word with bit 0 flipped, plus its field's modulus, or zero.</summary>
    private static IEnumerable<(string Label, BigInteger[] Words)> EncodingChanges(BigInteger[] words)
    {
        for (int i = 0; i < words.Length; i++)
        {
            BigInteger modulus = i < 18 ? Q : R;
            foreach (var (label, value) in new[] { ("bit 0 flipped", words[i] ^ 1), ("+ modulus", words[i] + modulus), ("zero", BigInteger.Zero) })
            {
                if (value == words[i])
                {
                    continue;
                }
                var changed = (BigInteger[])words.Clone();
                changed[i] = value;
                yield return ($"word {i} {label}", changed);
            }
        }
    }

    /// <summary>Changes that keep a well-formed proof: each point moved by G or negated (still on the curve), each evaluation + 1.</summary>
    private static IEnumerable<(string Label, PlonkProof Proof)> SemanticChanges(PlonkProof p)
    {
        foreach (var change in ProofTampering.EachSingleChange(p))
        {
            yield return (change.Element + (change.Element.StartsWith("eval", StringComparison.Ordinal) ? " + 1" : " + G"), change.Proof);
        }
        yield return ("-A", ProofTampering.With(p, a: -p.A));
        yield return ("-B", ProofTampering.With(p, b: -p.B));
        yield return ("-C", ProofTampering.With(p, c: -p.C));
        yield return ("-Z", ProofTampering.With(p, z: -p.Z));
        yield return ("-T1", ProofTampering.With(p, t1: -p.T1));
        yield return ("-T2", ProofTampering.With(p, t2: -p.T2));
        yield return ("-T3", ProofTampering.With(p, t3: -p.T3));
        yield return ("-Wxi", ProofTampering.With(p, wxi: -p.Wxi));
        yield return ("-Wxiw", ProofTampering.With(p, wxiw: -p.Wxiw));
    }
}
