// SPDX-License-Identifier: MIT
using System.Numerics;
using ZkOptions.Circuit.Catalog;
using ZkOptions.Circuit.Compiler;
using ZkOptions.Circuit.Solving;
using ZkOptions.Constraints;
using ZkOptions.Constraints.V2;
using ZkOptions.Evm.Harness;
using ZkOptions.Field;
using ZkOptions.Prover.Engines.Cpu;
using ZkOptions.Prover.PlonkV2;
using ZkOptions.Prover.Solidity.Abi;
using ZkOptions.Prover.Solidity.V2;
using ZkOptions.Prover.Tests.Support;

namespace ZkOptions.Solidity.Tests.VerifierV2;

/// <summary>
/// A built-in DSL circuit on PLONK v2 with a key from a dev SRS, one valid proof, and the generated verifier compiled
/// by solcjs (optimizer on) and deployed on anvil.
/// </summary>
public sealed class DeployedV2Verifier
{
    private DeployedV2Verifier(PlonkV2VerifyingKey key, PlonkV2Proof proof, Fr[] publicInputs, string source, string address)
    {
        Key = key;
        Proof = proof;
        PublicInputs = publicInputs;
        Source = source;
        Address = address;
    }

    public PlonkV2VerifyingKey Key { get; }

    public PlonkV2Proof Proof { get; }

    public Fr[] PublicInputs { get; }

    public string Source { get; }

    public string Address { get; }

    public string Signature => PlonkV2Calldata.VerifyProofSignature(Key);

    /// <summary>Sets up <paramref name="circuitName"/> with the dev SRS of <paramref name="seed"/>, proves its example input.</summary>
    public static (PlonkV2VerifyingKey Key, PlonkV2Proof Proof, Fr[] PublicInputs) Prove(string circuitName, int seed)
    {
        var descriptor = CircuitCatalog.Find(circuitName)!;
        var compiled = CircuitCompiler.Compile(descriptor.Create(), circuitName, ProofSystem.V2);
        var witness = compiled.Solve(InputAssignment.Parse(descriptor.ExampleInput(), "example"));
        var circuit = compiled.ToWideCircuit();
        int power = PlonkV2Setup.DomainPower(circuit);
        var srs = DevSrs.Create(new QuotientLayout(power, WideGates.All).CommitmentKeySize, seed);
        var key = new PlonkV2Setup(new CpuNttEngine(), new CpuMsmEngine()).Create(circuit, srs.TauG1, srs.TauG2);
        var result = new PlonkV2Prover(new CpuNttEngine(), new CpuMsmEngine()).Prove(key, witness);
        Assert.True(PlonkV2Verifier.Verify(key.VerifyingKey, result.Proof, result.PublicInputs));
        return (key.VerifyingKey, result.Proof, result.PublicInputs);
    }

    public static async Task<DeployedV2Verifier> CreateAsync(string circuitName, EthRpcClient rpc, int seed = 7)
    {
        var (key, proof, publicInputs) = Prove(circuitName, seed);
        return await DeployAsync(key, proof, publicInputs, rpc);
    }

    public static async Task<DeployedV2Verifier> DeployAsync(PlonkV2VerifyingKey key, PlonkV2Proof proof, Fr[] publicInputs, EthRpcClient rpc)
    {
        string source = PlonkV2SolidityVerifier.Generate(key);
        var contract = new SolidityCompiler().Compile("PlonkV2Verifier.sol", source).Contract(PlonkV2SolidityVerifier.DefaultContractName);
        var deployment = await rpc.DeployAsync(contract.CreationBytecode);
        Assert.True(deployment.Receipt.Succeeded, "deploying the v2 verifier failed");
        return new DeployedV2Verifier(key, proof, publicInputs, source, deployment.Address);
    }

    /// <summary>verifyProof's answer for raw words (which need not be a well-formed proof).</summary>
    public async Task<bool> VerifyAsync(EthRpcClient rpc, IReadOnlyList<BigInteger> proofWords, IReadOnlyList<BigInteger> publicWords)
    {
        byte[] result = await rpc.CallAsync(Address, Calldata(proofWords, publicWords));
        return (bool)AbiDecoder.DecodeSingle(AbiType.Bool, result)!;
    }

    public byte[] Calldata(IReadOnlyList<BigInteger> proofWords, IReadOnlyList<BigInteger> publicWords) =>
        AbiEncoder.EncodeCall(Signature, proofWords.ToArray(), publicWords.ToArray());
}
