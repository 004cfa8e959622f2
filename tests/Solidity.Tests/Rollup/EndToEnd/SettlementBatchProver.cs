// SPDX-License-Identifier: MIT
using System.Diagnostics;
using System.Numerics;
using ZkOptions.Constraints.V1;
using ZkOptions.Circuit.Compiler;
using ZkOptions.Circuits.Settlement;
using ZkOptions.Circuits.Settlement.Witness;
using ZkOptions.Evm.Harness;
using ZkOptions.Field;
using ZkOptions.Prover.Engines.Cpu;
using ZkOptions.Prover.Formats;
using ZkOptions.Prover.Plonk;
using ZkOptions.Prover.Solidity;
using ZkOptions.Settlement.Batches;
using ZkOptions.Settlement.Parameters;

namespace ZkOptions.Solidity.Tests.Rollup.EndToEnd;

/// <summary>A batch proof: the 8 public inputs and the verifier's proof words (24 on v1), with the time proving took.</summary>
public sealed record BatchProof(BigInteger[] PublicInputs, BigInteger[] ProofWords, TimeSpan ProveTime);

/// <summary>
/// The real settlement batch circuit of N slots (<see cref="BatchCircuit"/>), compiled with the DSL compiler, with a
/// PLONK key made from an INSECURE dev SRS (a known τ: for tests only), proving engine batches on the CPU engines.
/// Every proof is checked by the C# verifier before it is returned. The key lives in a temporary folder (hundreds
/// of MB for a 2^19 domain) that <see cref="Dispose"/> deletes.
/// </summary>
public sealed class SettlementBatchProver : IBatchProver
{
    private readonly string directory;
    private readonly CompiledCircuit compiled;
    private readonly PlonkZkeyFile zkey;
    private readonly PlonkProver prover = new(new CpuNttEngine(), new CpuMsmEngine());
    private int blindingSeed;

    /// <summary>Compiles the circuit for <paramref name="slots"/> slots under <paramref name="parameters"/> and makes its key.</summary>
    public SettlementBatchProver(ExchangeParameters parameters, int slots, Action<string>? log = null)
    {
        log ??= _ => { };
        Shape = new SettlementShape(parameters, slots);
        var clock = Stopwatch.StartNew();
        compiled = CircuitCompiler.Compile(new BatchCircuit(Shape), $"settlement-batch-{slots}");
        PlonkCircuit circuit = compiled.ToPlonkCircuit();
        int power = PlonkSetup.DomainPower(compiled.GateCount);
        log($"compiled the batch circuit with {slots} slot(s): {compiled.GateCount:N0} gates, domain 2^{power} ({clock.Elapsed.TotalSeconds:F1} s)");

        clock.Restart();
        var srs = DevSetup.Srs((1 << power) + 6);
        log($"INSECURE dev SRS of {(1 << power) + 6:N0} G1 points ({clock.Elapsed.TotalSeconds:F1} s)");

        directory = Directory.CreateTempSubdirectory("zkoptions-e2e-").FullName;
        try
        {
            clock.Restart();
            string path = Path.Combine(directory, $"settlement-batch-{slots}.zkey");
            var header = new PlonkSetup(new CpuNttEngine(), new CpuMsmEngine()).Write(circuit, srs.TauG1, srs.TauG2, path);
            VerificationKey = PlonkKeyExport.ToVerificationKey(header);
            zkey = PlonkZkeyFile.Open(path);
            log($"setup: wrote the proving key ({new FileInfo(path).Length / (1 << 20):N0} MiB) in {clock.Elapsed.TotalSeconds:F1} s");
        }
        catch
        {
            Directory.Delete(directory, recursive: true);
            throw;
        }
    }

    /// <summary>The circuit's shape (parameters and slot count).</summary>
    public SettlementShape Shape { get; }

    /// <summary>PLONK gates of the compiled circuit.</summary>
    public int GateCount => compiled.GateCount;

    /// <summary>The verification key (8 public inputs), for the Solidity verifier.</summary>
    public PlonkVerificationKey VerificationKey { get; }

    /// <summary>
    /// Builds the witness of <paramref name="batch"/> (<see cref="BatchWitness.Build"/>), proves it and checks the proof
    /// in C#. The public signals the prover returns must be the batch's own public inputs.
    /// </summary>
    public BatchProof Prove(Batch batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        var clock = Stopwatch.StartNew();
        Fr[] witness = compiled.Solve(BatchWitness.Build(batch, Shape));
        PlonkProofResult result = prover.Prove(zkey, witness, BlindingSource.Seeded(++blindingSeed));
        clock.Stop();
        Fr[] expected = [.. batch.PublicInputs.Select(p => p.Value)];
        if (!result.PublicSignals.AsSpan().SequenceEqual(expected))
        {
            throw new InvalidOperationException($"batch {batch.Number}: the proof's public signals are not the batch's public inputs");
        }
        if (!PlonkVerifier.Verify(VerificationKey, result.Proof, result.PublicSignals))
        {
            throw new InvalidOperationException($"batch {batch.Number}: the proof does not verify in C#");
        }
        return new BatchProof([.. expected.Select(v => v.ToBigInteger())], PlonkCalldata.ProofWords(result.Proof), clock.Elapsed);
    }

    /// <inheritdoc/>
    public int ProofWords => 24;

    /// <inheritdoc/>
    public Task<string> DeployVerifierAsync(EthRpcClient rpc) => RollupDeployment.DeployVerifierAsync(rpc, VerificationKey);

    public void Dispose()
    {
        zkey.Dispose();
        Directory.Delete(directory, recursive: true);
    }
}
