// SPDX-License-Identifier: MIT
using System.Numerics;
using ZkOptions.Evm.Harness;
using ZkOptions.Field;
using ZkOptions.Prover.Engines.Cpu;
using ZkOptions.Prover.Formats;
using ZkOptions.Prover.Plonk;
using ZkOptions.Prover.Solidity;
using ZkOptions.Prover.Solidity.Abi;
using ZkOptions.Prover.Tests.Interop;

namespace ZkOptions.Solidity.Tests.Verifier;

/// <summary>
/// One circuit of the circom interop set with its generated verifier compiled by solcjs (optimizer on, 200 runs) and
/// deployed on anvil, plus two valid proofs of the same statement: snarkjs's and one zkoptions makes.
/// </summary>
public sealed class DeployedVerifier
{
    private DeployedVerifier(CircomCircuit circuit, PlonkVerificationKey key, string source, CompiledContract contract, string address,
        PlonkProof snarkjsProof, PlonkProof zkoptionsProof, Fr[] publicSignals)
    {
        Circuit = circuit;
        Key = key;
        Source = source;
        Contract = contract;
        Address = address;
        SnarkjsProof = snarkjsProof;
        ZkoptionsProof = zkoptionsProof;
        PublicSignals = publicSignals;
    }

    public CircomCircuit Circuit { get; }

    public PlonkVerificationKey Key { get; }

    public string Source { get; }

    public CompiledContract Contract { get; }

    public string Address { get; }

    public PlonkProof SnarkjsProof { get; }

    public PlonkProof ZkoptionsProof { get; }

    public Fr[] PublicSignals { get; }

    public string Signature => PlonkCalldata.VerifyProofSignature(Key.NPublic);

    public static async Task<DeployedVerifier> CreateAsync(string name, EthRpcClient rpc)
    {
        var circuit = CircomSet.Get(name);
        var key = PlonkVerificationKey.Read(circuit.Vkey);
        string source = PlonkSolidityVerifier.Generate(key);
        var contract = new SolidityCompiler().Compile("PlonkVerifier.sol", source).Contract("PlonkVerifier");
        var deployment = await rpc.DeployAsync(contract.CreationBytecode);
        Assert.True(deployment.Receipt.Succeeded, $"deploying the {name} verifier failed");

        PlonkProofResult ours;
        using (var zkey = PlonkZkeyFile.Open(circuit.Zkey))
        {
            ours = new PlonkProver(new CpuNttEngine(), new CpuMsmEngine()).Prove(zkey, WitnessFile.Read(circuit.Wtns));
        }
        var publicSignals = Prover.Formats.PublicSignals.Read(circuit.Public, key.NPublic);
        Assert.Equal(publicSignals, ours.PublicSignals);
        return new DeployedVerifier(circuit, key, source, contract, deployment.Address, PlonkProof.Read(circuit.Proof), ours.Proof, publicSignals);
    }

    /// <summary>verifyProof's answer for raw words (which need not be a well-formed proof).</summary>
    public async Task<bool> VerifyAsync(EthRpcClient rpc, IReadOnlyList<BigInteger> proofWords, IReadOnlyList<BigInteger> publicWords, ulong? gas = null)
    {
        byte[] result = await rpc.CallAsync(Address, Calldata(proofWords, publicWords), gas: gas);
        return (bool)AbiDecoder.DecodeSingle(AbiType.Bool, result)!;
    }

    public byte[] Calldata(IReadOnlyList<BigInteger> proofWords, IReadOnlyList<BigInteger> publicWords) =>
        AbiEncoder.EncodeCall(Signature, proofWords.ToArray(), publicWords.ToArray());
}
