// SPDX-License-Identifier: MIT
using System.Numerics;
using ZkOptions.Constraints.V1;
using ZkOptions.Circuit.Compiler;
using ZkOptions.Circuit.Solving;
using ZkOptions.Field;
using ZkOptions.Prover.Engines.Cpu;
using ZkOptions.Prover.Formats;
using ZkOptions.Prover.Plonk;
using ZkOptions.Prover.Solidity;
using ZkOptions.Prover.Tests.Support;

namespace ZkOptions.Solidity.Tests.Rollup;

/// <summary>
/// Setup (with an insecure dev SRS) and proving for <see cref="EightPublicInputsCircuit"/>: genuine PLONK proofs, in
/// the verifier's 24-word format, for any 8 public inputs. Proving takes milliseconds.
/// </summary>
public sealed class TestBatchProver : IDisposable
{
    private readonly string directory;
    private readonly CompiledCircuit compiled;
    private readonly PlonkZkeyFile zkey;
    private readonly PlonkProver prover = new(new CpuNttEngine(), new CpuMsmEngine());
    private int blindingSeed;

    public TestBatchProver()
    {
        directory = Directory.CreateTempSubdirectory("zkoptions-rollup-").FullName;
        compiled = CircuitCompiler.Compile(new EightPublicInputsCircuit(), "eight-public-inputs");
        var srs = DevSrs.Create((1 << PlonkSetup.DomainPower(compiled.GateCount)) + 6, seed: 8);
        string path = Path.Combine(directory, "eight-public-inputs.zkey");
        var header = new PlonkSetup(new CpuNttEngine(), new CpuMsmEngine()).Write(compiled.ToPlonkCircuit(), srs.TauG1, srs.TauG2, path);
        VerificationKey = PlonkKeyExport.ToVerificationKey(header);
        zkey = PlonkZkeyFile.Open(path);
    }

    /// <summary>The circuit's verification key (8 public inputs).</summary>
    public PlonkVerificationKey VerificationKey { get; }

    /// <summary>The generated Solidity verifier for <see cref="VerificationKey"/>.</summary>
    public string VerifierSource(string contractName = "BatchVerifier") => PlonkSolidityVerifier.Generate(VerificationKey, contractName);

    /// <summary>A proof for the 8 public inputs (each below r), as the verifier's 24 words.</summary>
    public BigInteger[] Prove(IReadOnlyList<BigInteger> publicInputs)
    {
        if (publicInputs.Count != EightPublicInputsCircuit.PublicCount)
        {
            throw new ArgumentException($"expected {EightPublicInputsCircuit.PublicCount} public inputs, got {publicInputs.Count}", nameof(publicInputs));
        }
        Fr[] values = [.. publicInputs.Select(Fr.FromBigInteger)];
        Fr sum = Fr.Zero;
        for (int i = 0; i < values.Length; i++)
        {
            sum += values[i] * Fr.FromUInt64((ulong)(i + 1));
        }
        var inputs = new InputAssignment("rollup test").Set("publicInputs", values).Set("weightedSum", sum);
        Fr[] witness = compiled.Solve(inputs);
        PlonkProofResult result;
        lock (zkey)
        {
            result = prover.Prove(zkey, witness, BlindingSource.Seeded(++blindingSeed));
        }
        if (!PlonkVerifier.Verify(VerificationKey, result.Proof, result.PublicSignals))
        {
            throw new InvalidOperationException("the test circuit's proof does not verify in C#");
        }
        return PlonkCalldata.ProofWords(result.Proof);
    }

    public void Dispose()
    {
        zkey.Dispose();
        Directory.Delete(directory, recursive: true);
    }
}
