// SPDX-License-Identifier: MIT
using ZkOptions.Circuit.Compiler;
using ZkOptions.Circuit.Solving;
using ZkOptions.Constraints;
using ZkOptions.Field;
using ZkOptions.Prover.Engines.Cpu;
using ZkOptions.Prover.Formats;
using ZkOptions.Prover.Plonk;

namespace ZkOptions.Circuit;

/// <summary>
/// A circuit from C# to a verified proof in a few lines (gnark's <c>frontend.Compile</c>, <c>plonk.Setup</c>,
/// <c>plonk.Prove</c>, <c>plonk.Verify</c>), on the CPU engines:
/// <code>
/// var cs = Plonk.Compile(new MyCircuit());
/// var (pk, vk) = Plonk.Setup(cs, Srs.FromPtau("pot12.ptau"));   // or Srs.InsecureDev(seed) for development
/// var proof = Plonk.Prove(cs, pk, inputs);                      // input JSON, an InputAssignment, or an assigned circuit
/// bool ok = Plonk.Verify(vk, proof, proof.PublicSignals);
/// </code>
/// Everything is snarkjs's PLONK (v1), so the files are the CLI's and snarkjs's: the proving key is a <c>.zkey</c>
/// (<see cref="PlonkProvingKey.Save"/>, <see cref="PlonkProvingKey.Open"/>), the verification key a
/// verification_key.json (<see cref="PlonkVerificationKey.Write"/>, <see cref="PlonkVerificationKey.Read"/>), the
/// proof a proof.json and a public.json (<see cref="PlonkProofResult.Write"/>, <see cref="PlonkProofResult.Read"/>).
/// </summary>
public static class Plonk
{
    /// <summary>
    /// Compiles <paramref name="circuit"/> to PLONK gates (<see cref="CircuitCompiler.Compile"/>: its inputs are
    /// overwritten with wires, so pass a fresh instance). <paramref name="name"/> names it in reports (default: the
    /// class name).
    /// </summary>
    public static CompiledCircuit Compile(Circuit circuit, string? name = null) => CircuitCompiler.Compile(circuit, name);

    /// <summary>
    /// Makes the proving key of <paramref name="circuit"/> with the powers of τ of <paramref name="srs"/>, and its
    /// verification key. The proving key is written to <paramref name="zkeyPath"/> when given (the file
    /// <c>zkoptions setup</c> would write), otherwise to a temporary file that disposing the key deletes.
    /// </summary>
    /// <exception cref="InputFileException">The .ptau cannot be read, is too small for the circuit, or is not consecutive powers of one τ.</exception>
    /// <exception cref="ArgumentException">The circuit is compiled for v2 (<see cref="CircuitCompiler.Compile"/> with <see cref="ProofSystem.V2"/>).</exception>
    public static (PlonkProvingKey ProvingKey, PlonkVerificationKey VerificationKey) Setup(CompiledCircuit circuit, Srs srs, string? zkeyPath = null)
    {
        RequireV1(circuit);
        ArgumentNullException.ThrowIfNull(srs);
        bool temporary = zkeyPath is null;
        string safeName = string.Concat(circuit.Name.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' ? c : '_'));
        string path = zkeyPath ?? System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"zkoptions-{safeName}-{Guid.NewGuid():N}.zkey");
        var header = srs.WriteKey(new PlonkSetup(new CpuNttEngine(), new CpuMsmEngine()), circuit.ToPlonkCircuit(), path);
        var key = PlonkProvingKey.OpenWritten(path, temporary);
        return (key, PlonkKeyExport.ToVerificationKey(header));
    }

    /// <summary>
    /// Proves that <paramref name="inputs"/> satisfy <paramref name="circuit"/>: solves the witness, checks every
    /// constraint (the first one broken is thrown, with its C# file and line), and proves with
    /// <paramref name="key"/>. Blinding comes from the OS CSPRNG unless <paramref name="blinding"/> says otherwise
    /// (<see cref="BlindingSource.Seeded"/> only for reproducible tests: such proofs are not zero-knowledge).
    /// </summary>
    /// <exception cref="ConstraintViolationException">The inputs break a constraint; nothing was proved.</exception>
    /// <exception cref="InputFileException">An input is missing, extra, of the wrong shape or not a field element.</exception>
    /// <exception cref="ArgumentException">The key was made for another circuit, or the circuit is compiled for v2.</exception>
    public static PlonkProofResult Prove(CompiledCircuit circuit, PlonkProvingKey key, InputAssignment inputs, BlindingSource? blinding = null)
    {
        RequireV1(circuit);
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(inputs);
        var header = key.Header;
        if (header.NConstraints != circuit.GateCount || header.NPublic != circuit.PublicCount || header.NVars != circuit.WireCount)
        {
            throw new ArgumentException(
                $"the proving key {key.Path} is for a circuit of {header.NConstraints} gates, {header.NVars} wires and {header.NPublic} public signals; " +
                $"{circuit.Name} has {circuit.GateCount} gates, {circuit.WireCount} wires and {circuit.PublicCount} public signals", nameof(key));
        }
        Fr[] witness = circuit.Solve(inputs);
        var failures = circuit.Check(witness, maxFailures: 1);
        if (failures.Count != 0)
        {
            throw new ConstraintViolationException(failures[0]);
        }
        return new PlonkProver(new CpuNttEngine(), new CpuMsmEngine()).Prove(key.Zkey, witness, blinding ?? BlindingSource.Secure);
    }

    /// <summary>Proves from input JSON (<c>{"x": "3", "path": ["1", "0x2a"]}</c>, what <c>zkoptions prove --input</c> reads); see <see cref="Prove(CompiledCircuit, PlonkProvingKey, InputAssignment, BlindingSource?)"/>.</summary>
    public static PlonkProofResult Prove(CompiledCircuit circuit, PlonkProvingKey key, string inputJson, BlindingSource? blinding = null) =>
        Prove(circuit, key, InputAssignment.Parse(inputJson, "input JSON"), blinding);

    /// <summary>
    /// Proves from a circuit instance whose inputs hold values (<c>new MyCircuit { Price = 150, Quantity = 10, … }</c>;
    /// an input left unassigned is 0); see <see cref="Prove(CompiledCircuit, PlonkProvingKey, InputAssignment, BlindingSource?)"/>.
    /// </summary>
    public static PlonkProofResult Prove(CompiledCircuit circuit, PlonkProvingKey key, Circuit assignment, BlindingSource? blinding = null) =>
        Prove(circuit, key, InputAssignment.FromCircuit(assignment), blinding);

    private static void RequireV1(CompiledCircuit circuit)
    {
        ArgumentNullException.ThrowIfNull(circuit);
        if (circuit.System != ProofSystem.V1)
        {
            throw new ArgumentException($"{circuit.Name} is compiled for {circuit.System.Name()}; Plonk sets up and proves v1 circuits (snarkjs's PLONK): compile with Plonk.Compile", nameof(circuit));
        }
    }

    /// <summary>
    /// Whether <paramref name="proof"/> is valid for <paramref name="publicSignals"/> (the public inputs, in
    /// declaration order) under <paramref name="verificationKey"/>. A malformed proof or the wrong number of signals is
    /// false, not an exception.
    /// </summary>
    public static bool Verify(PlonkVerificationKey verificationKey, PlonkProof proof, ReadOnlySpan<Fr> publicSignals)
    {
        ArgumentNullException.ThrowIfNull(verificationKey);
        ArgumentNullException.ThrowIfNull(proof);
        return PlonkVerifier.Verify(verificationKey, proof, publicSignals);
    }

    /// <summary>Whether <paramref name="proof"/>'s proof is valid for <paramref name="publicSignals"/>; see <see cref="Verify(PlonkVerificationKey, PlonkProof, ReadOnlySpan{Fr})"/>.</summary>
    public static bool Verify(PlonkVerificationKey verificationKey, PlonkProofResult proof, ReadOnlySpan<Fr> publicSignals)
    {
        ArgumentNullException.ThrowIfNull(proof);
        return Verify(verificationKey, proof.Proof, publicSignals);
    }
}
