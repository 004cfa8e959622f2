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
using ZkOptions.Prover.Plonk;
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
    private DeployedV2Verifier(V2Setup setup, string source, string address)
    {
        Setup = setup;
        Source = source;
        Address = address;
    }

    /// <summary>The circuit, its witness, its key and one valid proof.</summary>
    public V2Setup Setup { get; }

    public PlonkV2VerifyingKey Key => Setup.Key.VerifyingKey;

    public PlonkV2Proof Proof => Setup.Proof;

    public Fr[] PublicInputs => Setup.PublicInputs;

    public string Source { get; }

    public string Address { get; }

    public string Signature => PlonkV2Calldata.VerifyProofSignature(Key);

    /// <summary>Sets up <paramref name="circuitName"/> with the dev SRS of <paramref name="seed"/>, proves its example input.</summary>
    public static V2Setup Prove(string circuitName, int seed)
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
        return new V2Setup(compiled, witness, key, result.Proof, result.PublicInputs);
    }

    /// <summary>
    /// A proof of <paramref name="witness"/> made with the prover's checks off (<c>ProveCells(check: false)</c>): its
    /// openings are honest, so only the identities can refuse a witness that breaks a gate or a lookup.
    /// </summary>
    public PlonkV2Proof ForcedProof(Fr[] witness)
    {
        var key = Setup.Key;
        var cells = new Fr[WideLayout.Width][];
        for (int c = 0; c < cells.Length; c++)
        {
            cells[c] = new Fr[key.N];
            for (int i = 0; i < key.N; i++)
            {
                cells[c][i] = witness[(int)key.WireMap.Span[c * key.N + i]];
            }
        }
        return new PlonkV2Prover(new CpuNttEngine(), new CpuMsmEngine()).ProveCells(key, cells, PublicInputs, BlindingSource.Seeded(1), check: false);
    }

    public static async Task<DeployedV2Verifier> CreateAsync(string circuitName, EthRpcClient rpc, int seed = 7)
    {
        var setup = Prove(circuitName, seed);
        string source = PlonkV2SolidityVerifier.Generate(setup.Key.VerifyingKey);
        var contract = new SolidityCompiler().Compile("PlonkV2Verifier.sol", source).Contract(PlonkV2SolidityVerifier.DefaultContractName);
        var deployment = await rpc.DeployAsync(contract.CreationBytecode);
        Assert.True(deployment.Receipt.Succeeded, "deploying the v2 verifier failed");
        return new DeployedV2Verifier(setup, source, deployment.Address);
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

/// <summary>A v2 circuit compiled, its example witness, its key (dev SRS), and one valid proof with its public inputs.</summary>
public sealed record V2Setup(CompiledCircuit Compiled, Fr[] Witness, PlonkV2ProvingKey Key, PlonkV2Proof Proof, Fr[] PublicInputs);
