// SPDX-License-Identifier: MIT
using System.Diagnostics;
using ZkOptions.Circuit.Compiler;
using ZkOptions.Circuits.Settlement;
using ZkOptions.Circuits.Settlement.Witness;
using ZkOptions.Constraints;
using ZkOptions.Constraints.V2;
using ZkOptions.Evm.Harness;
using ZkOptions.Field;
using ZkOptions.Prover.Engines.Cpu;
using ZkOptions.Prover.Plonk;
using ZkOptions.Prover.PlonkV2;
using ZkOptions.Prover.Solidity.V2;
using ZkOptions.Settlement.Batches;
using ZkOptions.Settlement.Parameters;

namespace ZkOptions.Solidity.Tests.Rollup.EndToEnd;

/// <summary>
/// The real settlement batch circuit of N slots compiled for PLONK v2, with a key from the INSECURE dev SRS (in memory),
/// proving engine batches on the CPU engines; every proof is checked by the C# verifier before it is returned.
/// </summary>
public sealed class SettlementBatchProverV2 : IBatchProver
{
    private readonly CompiledCircuit compiled;
    private readonly PlonkV2ProvingKey key;
    private readonly PlonkV2Prover prover = new(new CpuNttEngine(), new CpuMsmEngine());
    private int blindingSeed;

    public SettlementBatchProverV2(ExchangeParameters parameters, int slots, Action<string>? log = null)
        : this(parameters, BatchLayout.General(slots), log)
    {
    }

    /// <summary>The batch circuit of <paramref name="layout"/> (trade slots and general slots), compiled for v2.</summary>
    public SettlementBatchProverV2(ExchangeParameters parameters, BatchLayout layout, Action<string>? log = null)
    {
        log ??= _ => { };
        Shape = new SettlementShape(parameters, layout);
        var clock = Stopwatch.StartNew();
        compiled = CircuitCompiler.Compile(new BatchCircuit(Shape), layout.Name, ProofSystem.V2);
        WideCircuit circuit = compiled.ToWideCircuit();
        int power = PlonkV2Setup.DomainPower(circuit);
        log($"compiled {layout.Name} for v2: {circuit.Rows.Count:N0} rows, domain 2^{power} ({clock.Elapsed.TotalSeconds:F1} s)");
        clock.Restart();
        var srs = DevSetup.Powers(new QuotientLayout(power, WideGates.All).CommitmentKeySize);
        key = new PlonkV2Setup(new CpuNttEngine(), new CpuMsmEngine()).Create(circuit, srs);
        log($"v2 setup (dev SRS, commitments at its known τ) in {clock.Elapsed.TotalSeconds:F1} s");
        ProofWords = PlonkV2Calldata.ProofWordCount(VerificationKey);
    }

    public SettlementShape Shape { get; }

    public PlonkV2VerifyingKey VerificationKey => key.VerifyingKey;

    /// <inheritdoc/>
    public int ProofWords { get; }

    /// <summary>The last proof made, as the verifier's calldata (for the gas of a bare verifyProof).</summary>
    public byte[]? LastVerifyCalldata { get; private set; }

    /// <inheritdoc/>
    public BatchProof Prove(Batch batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        var clock = Stopwatch.StartNew();
        Fr[] witness = compiled.Solve(BatchWitness.Build(batch, Shape));
        var result = prover.Prove(key, witness, BlindingSource.Seeded(++blindingSeed));
        clock.Stop();
        Fr[] expected = [.. batch.PublicInputs.Select(p => p.Value)];
        if (!result.PublicInputs.AsSpan().SequenceEqual(expected))
        {
            throw new InvalidOperationException($"batch {batch.Number}: the proof's public inputs are not the batch's");
        }
        if (!PlonkV2Verifier.Verify(VerificationKey, result.Proof, result.PublicInputs))
        {
            throw new InvalidOperationException($"batch {batch.Number}: the v2 proof does not verify in C#");
        }
        LastVerifyCalldata = PlonkV2Calldata.Encode(result.Proof, result.PublicInputs);
        return new BatchProof([.. expected.Select(v => v.ToBigInteger())], PlonkV2Calldata.ProofWords(result.Proof), clock.Elapsed);
    }

    /// <inheritdoc/>
    public async Task<string> DeployVerifierAsync(EthRpcClient rpc)
    {
        const string name = "BatchVerifierV2";
        var contract = new SolidityCompiler().Compile(name + ".sol", PlonkV2SolidityVerifier.Generate(VerificationKey, name)).Contract(name);
        return (await rpc.DeployAsync(contract.CreationBytecode)).Address;
    }

    public void Dispose()
    {
    }
}
