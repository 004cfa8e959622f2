// SPDX-License-Identifier: MIT
using ZkOptions.Prover.Formats;
using ZkOptions.Prover.Plonk;
using ZkOptions.Prover.Tests.Support;

namespace ZkOptions.Prover.Tests.Plonk;

/// <summary>Setup and prove report their phases in order, with a share done that only grows and ends at 1.</summary>
public sealed class ProverProgressTests : IDisposable
{
    private readonly string dir = Directory.CreateTempSubdirectory("zkoptions-progress-").FullName;

    public void Dispose() => Directory.Delete(dir, recursive: true);

    /// <summary>Collects reports synchronously (Progress&lt;T&gt; would post them to the thread pool).</summary>
    private sealed class Recorder : IProgress<ProverProgress>
    {
        public List<ProverProgress> Reports { get; } = [];

        public void Report(ProverProgress value) => Reports.Add(value);
    }

    private static void AssertGrowsToOne(List<ProverProgress> reports)
    {
        Assert.Equal(0, reports[0].Fraction);
        Assert.Equal(1, reports[^1].Fraction);
        for (int i = 1; i < reports.Count; i++)
        {
            Assert.True(reports[i].Fraction >= reports[i - 1].Fraction, $"{reports[i].Phase} goes back from {reports[i - 1].Fraction} to {reports[i].Fraction}");
        }
    }

    [Fact]
    public void Setup_and_prove_report_every_phase()
    {
        var (nVars, nPublic, constraints) = HandCircuits.Mixed();
        var circuit = R1csToPlonk.Convert(nVars, nPublic, constraints);
        var srs = DevSrs.Create((1 << PlonkSetup.DomainPower(circuit.Gates.Count)) + 6, seed: 3);
        string path = Path.Combine(dir, "k.zkey");
        var setup = new Recorder();
        new PlonkSetup(new ReferenceNtt(), new ReferenceMsm()).Write(circuit, srs.TauG1, srs.TauG2, path, setup);
        AssertGrowsToOne(setup.Reports);
        Assert.Equal(["selector qM", "selector qL", "selector qR", "selector qO", "selector qC", "permutation σ",
                      "permutation polynomial S1", "permutation polynomial S2", "permutation polynomial S3"],
                     setup.Reports.Take(9).Select(r => r.Phase));
        Assert.Equal(nPublic, setup.Reports.Count(r => r.Phase.StartsWith("Lagrange polynomial", StringComparison.Ordinal)));

        var prove = new Recorder();
        var log = new List<string>();
        using var zkey = PlonkZkeyFile.Open(path);
        new PlonkProver(new ReferenceNtt(), new ReferenceMsm()).Prove(zkey, HandCircuits.MixedWitness(), BlindingSource.Seeded(1), log.Add, prove);
        AssertGrowsToOne(prove.Reports);
        // One report as each stage starts (the stages --verbose times), and the end.
        Assert.Equal(log.Count + 1, prove.Reports.Count);
        Assert.Equal(log.Select(line => line[..34].TrimEnd()), prove.Reports.Take(log.Count).Select(r => r.Phase));
        Assert.Contains(prove.Reports, r => r.Phase == "round 3: α, [t1], [t2], [t3]");
    }
}
