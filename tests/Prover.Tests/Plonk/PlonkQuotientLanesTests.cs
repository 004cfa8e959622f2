// SPDX-License-Identifier: MIT
using ZkOptions.Field;
using ZkOptions.Prover.Engines.Cpu;
using ZkOptions.Prover.Formats;
using ZkOptions.Prover.Plonk;
using ZkOptions.Prover.Tests.Support;

namespace ZkOptions.Prover.Tests.Plonk;

/// <summary>
/// Round 3 of the snarkjs-compatible prover on AVX-512 lanes (32 points a block, eight of each residue mod 4) makes the
/// very proof the scalar loop makes, with the same blinding, on domains from the smallest up; the snarkjs interop tests
/// hold the default (lanes) path to snarkjs itself.
/// </summary>
public sealed class PlonkQuotientLanesTests : IDisposable
{
    private readonly string dir = Directory.CreateTempSubdirectory("zkoptions-lanes-").FullName;

    public void Dispose() => Directory.Delete(dir, recursive: true);

    [Fact]
    public void The_prover_uses_the_lanes_only_where_the_cpu_has_them() =>
        Assert.Equal(FrLanes.IsSupported, new PlonkProver(new CpuNttEngine(), new CpuMsmEngine()).VectorLanes);

    [Theory]
    [InlineData(1)]
    [InlineData(6)]
    [InlineData(40)]
    [InlineData(700)]
    public void The_lanes_prove_byte_for_byte_what_the_scalar_loop_proves(int length)
    {
        if (!FrLanes.IsSupported)
        {
            return; // no AVX-512 here: the prover runs the scalar loop only (checked above)
        }
        var (nVars, nPublic, constraints, witness) = HandCircuits.SquareChain(length);
        var circuit = R1csToPlonk.Convert(nVars, nPublic, constraints);
        int n = 1 << PlonkSetup.DomainPower(circuit.Gates.Count);
        var srs = DevSrs.Create(n + 6, seed: 12);
        string path = Path.Combine(dir, $"chain-{length}.zkey");
        var header = new PlonkSetup(new CpuNttEngine(), new CpuMsmEngine()).Write(circuit, srs.TauG1, srs.TauG2, path);
        using var zkey = PlonkZkeyFile.Open(path);

        PlonkProofResult Prove(bool lanes) => new PlonkProver(new CpuNttEngine(), new CpuMsmEngine()) { VectorLanes = lanes }
            .Prove(zkey, witness, BlindingSource.Seeded(length));

        var scalar = Prove(lanes: false);
        var onLanes = Prove(lanes: true);
        Assert.Equal(scalar.Proof.ToJsonText(), onLanes.Proof.ToJsonText());
        Assert.True(PlonkVerifier.Verify(PlonkKeyExport.ToVerificationKey(header), onLanes.Proof, onLanes.PublicSignals));
    }
}
