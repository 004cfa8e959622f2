// SPDX-License-Identifier: MIT
using ZkOptions.Field;
using ZkOptions.Prover.Engines.Cpu;
using ZkOptions.Prover.Formats;
using ZkOptions.Prover.Plonk;

namespace ZkOptions.Prover.Tests.Interop;

/// <summary>
/// snarkjs is the external oracle, both ways, on three circom circuits of different shapes (≥ 3 public inputs;
/// more than 2^12 gates; circomlib's Poseidon): our proofs pass snarkjs's verifier, snarkjs's proofs pass ours, any
/// single changed proof element or public signal is rejected by both, and our setup writes snarkjs's .zkey.
/// </summary>
public sealed class SnarkjsInteropTests : IDisposable
{
    private readonly string dir = Directory.CreateTempSubdirectory("zkoptions-interop-").FullName;

    public void Dispose() => Directory.Delete(dir, recursive: true);

    private static PlonkProofResult ProveWithZkoptions(CircomCircuit c)
    {
        using var zkey = PlonkZkeyFile.Open(c.Zkey);
        return new PlonkProver(new CpuNttEngine(), new CpuMsmEngine()).Prove(zkey, WitnessFile.Read(c.Wtns));
    }

    [Theory]
    [MemberData(nameof(CircomSet.Names), MemberType = typeof(CircomSet))]
    public void ZkoptionsProofsPassSnarkjsAndSnarkjsProofsPassZkoptions(string name)
    {
        var c = CircomSet.Get(name);
        var ours = ProveWithZkoptions(c);
        Assert.Equal(PublicSignals.Read(c.Public), ours.PublicSignals);
        string proofPath = Path.Combine(dir, "proof.json"), publicPath = Path.Combine(dir, "public.json");
        ours.Proof.Write(proofPath);
        PublicSignals.Write(publicPath, ours.PublicSignals);
        Assert.Equal([true, true], CircomSet.SnarkjsVerify([(c.Vkey, publicPath, proofPath), (c.Vkey, c.Public, c.Proof)]));

        var vk = PlonkVerificationKey.Read(c.Vkey);
        Assert.True(PlonkVerifier.Verify(vk, PlonkProof.Read(c.Proof), PublicSignals.Read(c.Public)), "snarkjs's proof fails zkoptions verify");
        Assert.True(PlonkVerifier.Verify(vk, ours.Proof, ours.PublicSignals));
    }

    [Theory]
    [MemberData(nameof(CircomSet.Names), MemberType = typeof(CircomSet))]
    public void EverySingleChangeIsRejectedByBothVerifiers(string name)
    {
        var c = CircomSet.Get(name);
        var vk = PlonkVerificationKey.Read(c.Vkey);
        var jobs = new List<(string, string, string)>();
        var labels = new List<string>();
        // Change each element of snarkjs's proof and of ours, and each public signal.
        foreach (var (origin, proof, publics) in new[]
        {
            ("snarkjs", PlonkProof.Read(c.Proof), PublicSignals.Read(c.Public)),
            ("zkoptions", ProveWithZkoptions(c).Proof, PublicSignals.Read(c.Public)),
        })
        {
            string publicPath = Path.Combine(dir, $"{origin}-public.json");
            PublicSignals.Write(publicPath, publics);
            foreach (var (element, tampered) in ProofTampering.EachSingleChange(proof))
            {
                Assert.False(PlonkVerifier.Verify(vk, tampered, publics), $"zkoptions accepted {origin} proof with {element} changed");
                string path = Path.Combine(dir, $"{origin}-{element}.json");
                tampered.Write(path);
                jobs.Add((c.Vkey, publicPath, path));
                labels.Add($"{origin} proof with {element} changed");
            }
            string proofPath = Path.Combine(dir, $"{origin}-proof.json");
            proof.Write(proofPath);
            for (int i = 0; i < publics.Length; i++)
            {
                var changed = (Fr[])publics.Clone();
                changed[i] += Fr.One;
                Assert.False(PlonkVerifier.Verify(vk, proof, changed), $"zkoptions accepted {origin} proof with public signal {i} changed");
                string path = Path.Combine(dir, $"{origin}-public-{i}.json");
                PublicSignals.Write(path, changed);
                jobs.Add((c.Vkey, path, proofPath));
                labels.Add($"{origin} proof with public signal {i} changed");
            }
        }
        bool[] accepted = CircomSet.SnarkjsVerify(jobs);
        var wronglyAccepted = labels.Where((_, i) => accepted[i]).ToList();
        Assert.True(wronglyAccepted.Count == 0, "snarkjs accepted: " + string.Join("; ", wronglyAccepted));
        Assert.Equal(15 * 2 + 2 * c.NPublic, jobs.Count);
    }

    [Theory]
    [MemberData(nameof(CircomSet.Names), MemberType = typeof(CircomSet))]
    public void SetupWritesTheZkeySnarkjsWrites(string name)
    {
        var c = CircomSet.Get(name);
        var circuit = R1csToPlonk.Convert(R1csFile.Read(c.R1cs));
        using var ptau = PowersOfTau.Open(c.Ptau);
        string zkey = Path.Combine(dir, "ours.zkey");
        new PlonkSetup(new CpuNttEngine(), new CpuMsmEngine()).Write(circuit, ptau, zkey);
        Assert.True(File.ReadAllBytes(c.Zkey).AsSpan().SequenceEqual(File.ReadAllBytes(zkey)), $"{name}: the .zkey differs from snarkjs plonk setup's");
    }

    [Fact]
    public void SnarkjsProvesAndVerifiesWithAZkeyFromZkoptionsSetup()
    {
        // The Poseidon circuit: setup by zkoptions, prove and verify by snarkjs alone.
        var c = CircomSet.Get("poseidon");
        var circuit = R1csToPlonk.Convert(R1csFile.Read(c.R1cs));
        using var ptau = PowersOfTau.Open(c.Ptau);
        string zkey = Path.Combine(dir, "ours.zkey"), vk = Path.Combine(dir, "vk.json");
        var header = new PlonkSetup(new CpuNttEngine(), new CpuMsmEngine()).Write(circuit, ptau, zkey);
        PlonkKeyExport.ToVerificationKey(header).Write(vk);
        string proof = Path.Combine(dir, "proof.json"), publics = Path.Combine(dir, "public.json");
        var prove = CircomSet.Snarkjs("plonk", "prove", zkey, c.Wtns, proof, publics);
        Assert.True(prove.Exit == 0, prove.Stdout + prove.Stderr);
        var verify = CircomSet.Snarkjs("plonk", "verify", vk, publics, proof);
        Assert.True(verify.Exit == 0 && verify.Stdout.Contains("OK"), verify.Stdout + verify.Stderr);
        // and the vk we export is the one snarkjs exports for the same key
        Assert.Equal(File.ReadAllText(c.Vkey), File.ReadAllText(vk));
    }
}
