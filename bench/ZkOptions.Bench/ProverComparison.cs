// SPDX-License-Identifier: MIT
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using ZkOptions.Circuit.Catalog;
using ZkOptions.Circuit.Compiler;
using ZkOptions.Circuit.Solving;
using ZkOptions.Circuits.Settlement;
using ZkOptions.Circuits.Settlement.Witness;
using ZkOptions.Constraints;
using ZkOptions.Constraints.V2;
using ZkOptions.Field;
using ZkOptions.Prover.Engines.Cpu;
using ZkOptions.Prover.Formats;
using ZkOptions.Prover.Plonk;
using ZkOptions.Prover.PlonkV2;
using ZkOptions.Settlement.Simulation;

namespace ZkOptions.Bench;

/// <summary>
/// One phase of the v1-against-v2 comparison (bench/v2/run.sh runs each in a process of its own, so /usr/bin/time's
/// peak RSS is the phase's): <c>setup</c> compiles the circuit for the system and writes its proving key made from
/// the insecure development SRS (seed 1) to KEY; <c>prove</c> compiles again, solves the same statement's witness,
/// proves from KEY and verifies. The statements: a built-in DSL circuit with its example input, or
/// <c>batch-1</c>, the first trade of the built-in scenario (one transaction a batch), or <c>poseidon-chain-N</c> (N
/// hashes, <see cref="SizedPoseidonChain"/>). A v2 prove also reports peak anonymous and file-backed memory, overall
/// and per round (<see cref="MemorySampler"/>). Prints one JSON line.
/// </summary>
internal static class ProverComparison
{
    public static int Run(string[] args)
    {
        if (args.Length != 4 || args[0] is not ("setup" or "prove") || ProofSystems.TryParse(args[2]) is not ProofSystem system)
        {
            Console.Error.WriteLine("usage: ZkOptions.Bench v1-v2 setup|prove CIRCUIT v1|v2 KEY");
            return 2;
        }
        string phase = args[0], name = args[1], keyPath = args[3];
        var (circuit, inputs) = Statement(name, system);
        var clock = Stopwatch.StartNew();
        var ntt = new CpuNttEngine();
        var msm = new CpuMsmEngine();
        var result = new Dictionary<string, object> { ["circuit"] = name, ["system"] = system.Name(), ["phase"] = phase, ["size"] = circuit.Size };
        if (phase == "setup")
        {
            if (system == ProofSystem.V1)
            {
                var gates = circuit.ToPlonkCircuit();
                int power = PlonkSetup.DomainPower(gates.Gates.Count);
                var srs = DevPowersOfTau.Create((1 << power) + 6, 1);
                new PlonkSetup(ntt, msm).Write(gates, srs.TauG1, srs.TauG2, keyPath);
                result["domainPower"] = power;
            }
            else
            {
                var wide = circuit.ToWideCircuit();
                int power = PlonkV2Setup.DomainPower(wide);
                var srs = DevPowersOfTau.Create(new QuotientLayout(power, WideGates.All).CommitmentKeySize, 1);
                PlonkV2ProvingKeyFile.Write(new PlonkV2Setup(ntt, msm).Create(wide, srs.TauG1, srs.TauG2), keyPath);
                result["domainPower"] = power;
            }
            result["seconds"] = Math.Round(clock.Elapsed.TotalSeconds, 2);
        }
        else
        {
            using var memory = new MemorySampler();
            var witness = circuit.Solve(inputs);
            double solve = clock.Elapsed.TotalSeconds;
            memory.Mark("compile and solve");
            clock.Restart();
            bool verified;
            if (system == ProofSystem.V1)
            {
                using var key = PlonkZkeyFile.Open(keyPath);
                var proof = new PlonkProver(ntt, msm).Prove(key, witness);
                result["proveSeconds"] = Math.Round(clock.Elapsed.TotalSeconds, 2);
                verified = PlonkVerifier.Verify(PlonkKeyExport.ToVerificationKey(key.Header), proof.Proof, proof.PublicSignals);
                result["domainPower"] = key.Header.Power;
            }
            else
            {
                using var key = PlonkV2ProvingKeyFile.Read(keyPath);
                double read = clock.Elapsed.TotalSeconds;
                memory.Mark("key read");
                clock.Restart();
                var rounds = new List<string>();
                var proof = new PlonkV2Prover(ntt, msm).Prove(key, witness, log: line =>
                {
                    rounds.Add(line);
                    memory.Mark(line[..line.IndexOf(':')]);
                });
                result["proveSeconds"] = Math.Round(clock.Elapsed.TotalSeconds, 2);
                result["peakAnonMB"] = memory.PeakAnonMB;
                result["peakFileMB"] = memory.PeakFileMB;
                result["peakAnonPlusFileMB"] = memory.PeakTotalMB;
                result["phasePeakAnonMB"] = memory.PhasePeaksMB;
                result["keyReadSeconds"] = Math.Round(read, 2);
                result["rounds"] = rounds;
                verified = PlonkV2Verifier.Verify(key.VerifyingKey, proof.Proof, proof.PublicInputs);
                result["domainPower"] = key.VerifyingKey.Power;
            }
            result["solveSeconds"] = Math.Round(solve, 2);
            result["verified"] = verified;
            if (!verified)
            {
                Console.WriteLine(JsonSerializer.Serialize(result));
                return 1;
            }
        }
        result["peakWorkingSetMB"] = Process.GetCurrentProcess().PeakWorkingSet64 >> 20;
        Console.WriteLine(JsonSerializer.Serialize(result));
        return 0;
    }

    private static (CompiledCircuit Circuit, InputAssignment Inputs) Statement(string name, ProofSystem system)
    {
        if (name == "batch-1")
        {
            var simulator = new Simulator(new ScenarioSettings { MaxBatchTransactions = 1 });
            var batch = simulator.Run().First(b => b.Transactions.Count == 1 && b.Transactions[0].Transaction.TypeName == "trade");
            var shape = new SettlementShape(simulator.Parameters, 1);
            return (CircuitCompiler.Compile(new BatchCircuit(shape), name, system), BatchWitness.Assign(batch, BatchWitness.Slots(batch, shape)));
        }
        if (name.StartsWith(SizedPoseidonChain.Prefix, StringComparison.Ordinal) && int.TryParse(name[SizedPoseidonChain.Prefix.Length..], out int length))
        {
            var chain = new SizedPoseidonChain(length);
            return (CircuitCompiler.Compile(chain, name, system), InputAssignment.Parse(chain.ExampleInput(), "example"));
        }
        var descriptor = CircuitCatalog.Find(name) ?? throw new ArgumentException($"no built-in circuit {name}");
        return (CircuitCompiler.Compile(descriptor.Create(), name, system), InputAssignment.Parse(descriptor.ExampleInput(), "example"));
    }
}
