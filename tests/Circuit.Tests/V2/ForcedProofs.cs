// SPDX-License-Identifier: MIT
using ZkOptions.Circuit.Compiler;
using ZkOptions.Constraints.V2;
using ZkOptions.Field;
using ZkOptions.Prover.Engines.Cpu;
using ZkOptions.Prover.Plonk;
using ZkOptions.Prover.PlonkV2;

namespace ZkOptions.Circuit.Tests.V2;

/// <summary>Proofs of a v2 circuit made with the prover's own checks off, so that only the verifier judges the witness.</summary>
internal static class ForcedProofs
{
    /// <summary>Sets up a key (dev SRS), proves <paramref name="witness"/> with <c>check: false</c>, and verifies.</summary>
    public static bool ProveAndVerify(CompiledCircuit compiled, Fr[] witness)
    {
        var circuit = compiled.ToWideCircuit();
        int power = PlonkV2Setup.DomainPower(circuit);
        var srs = DevPowersOfTau.Create(new QuotientLayout(power, WideGates.All).CommitmentKeySize, seed: 5);
        var key = new PlonkV2Setup(new CpuNttEngine(), new CpuMsmEngine()).Create(circuit, srs.TauG1, srs.TauG2);
        var cells = new Fr[WideLayout.Width][];
        for (int c = 0; c < cells.Length; c++)
        {
            cells[c] = new Fr[key.N];
            for (int i = 0; i < key.N; i++)
            {
                cells[c][i] = witness[(int)key.WireMap.Span[c * key.N + i]];
            }
        }
        var publics = witness.AsSpan(1, compiled.PublicCount).ToArray();
        var proof = new PlonkV2Prover(new CpuNttEngine(), new CpuMsmEngine()).ProveCells(key, cells, publics, BlindingSource.Seeded(1), check: false);
        return PlonkV2Verifier.Verify(key.VerifyingKey, proof, publics);
    }
}
