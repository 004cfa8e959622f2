// SPDX-License-Identifier: MIT
using ZkOptions.Field;
using ZkOptions.Prover.Engines.Cpu;
using ZkOptions.Prover.Formats;
using ZkOptions.Prover.Plonk;
using ZkOptions.Prover.Tests.Support;

namespace ZkOptions.Prover.Tests.Formats;

/// <summary>
/// A .ptau is checked to hold consecutive powers of one τ before setup uses it: files from a known τ and from snarkjs
/// pass; a file with one point swapped, replaced or not starting at the generator is refused, naming the section.
/// Before the check existed, setup read such files without complaint (it looked only at the points it used, and only
/// that they were on the curve), so each refusal below is new behaviour.
/// </summary>
public sealed class PowersOfTauConsistencyTests : IDisposable
{
    private const int Power = 4; // 31 G1 and 16 G2 points
    private const int G1Count = (1 << 3) + 6; // what setup reads for the smallest (2^3) domain
    private static readonly Fr Tau = Fr.FromUInt64(0x5eed_7a11);

    private readonly ScratchDirectory dir = new();
    private readonly CpuMsmEngine msm = new();

    public void Dispose() => dir.Dispose();

    private static byte[] Valid() => KnownTauPtau.Bytes(Power, Tau);

    private (G1Affine[] TauG1, G2Affine TauG2) ReadChecked(string path, int g1Count = G1Count)
    {
        using var ptau = PowersOfTau.Open(path);
        return PowersOfTauConsistency.ReadChecked(ptau, g1Count, msm);
    }

    private void Refused(byte[] bytes, params string[] fragments)
    {
        string path = dir.Write("bad.ptau", bytes);
        FormatFiles.Fails(path, () => ReadChecked(path), fragments);
    }

    private static void WriteG1(byte[] bytes, int index, G1Affine point)
    {
        var (offset, _) = FormatFiles.Section(bytes, 2);
        SnarkjsBinary.WriteG1(point, bytes.AsSpan(offset + 64 * index, 64));
    }

    private static void WriteG2(byte[] bytes, int index, G2Affine point)
    {
        var (offset, _) = FormatFiles.Section(bytes, 3);
        SnarkjsBinary.WriteG2(point, bytes.AsSpan(offset + 128 * index, 128));
    }

    [Fact]
    public void A_ptau_from_a_known_tau_passes_and_gives_its_powers()
    {
        var (g1, g2) = ReadChecked(dir.Write("known.ptau", Valid()));
        Assert.Equal(KnownTauPtau.G1Powers(G1Count, Tau), g1);
        Assert.Equal(KnownTauPtau.G2Powers(2, Tau)[1], g2);
    }

    [Fact]
    public void The_snarkjs_ptau_passes()
    {
        // Power 8: setup of a 2^8 domain reads 262 G1 points and checks all 256 G2 points of the file.
        var (g1, _) = ReadChecked(FormatFiles.Ptau, (1 << 8) + 6);
        Assert.Equal(262, g1.Length);
    }

    [Fact]
    public void Two_swapped_G2_powers_are_refused()
    {
        byte[] bytes = Valid();
        var g2 = KnownTauPtau.G2Powers(7, Tau);
        WriteG2(bytes, 5, g2[6]);
        WriteG2(bytes, 6, g2[5]);
        Refused(bytes, "section 3 (tauG2): the powers are not consecutive");
    }

    [Fact]
    public void Two_swapped_G1_powers_are_refused()
    {
        byte[] bytes = Valid();
        var g1 = KnownTauPtau.G1Powers(4, Tau);
        WriteG1(bytes, 2, g1[3]);
        WriteG1(bytes, 3, g1[2]);
        Refused(bytes, "section 2 (tauG1): the powers are not consecutive");
    }

    [Theory]
    [InlineData(2)]
    [InlineData(G1Count - 1)] // the last point setup reads
    public void A_G1_power_replaced_by_another_curve_point_is_refused(int index)
    {
        byte[] bytes = Valid();
        WriteG1(bytes, index, G1Jacobian.ScalarMul(G1Affine.Generator, Fr.FromUInt64(5)).ToAffine());
        Refused(bytes, "section 2 (tauG1): the powers are not consecutive");
    }

    [Fact]
    public void A_first_G1_point_other_than_the_generator_is_refused()
    {
        // The whole G1 side scaled by 2 is a perfectly consecutive chain; only the generator check catches it.
        byte[] bytes = KnownTauPtau.Bytes(Power,
            KnownTauPtau.G1Powers((2 << Power) - 1, Tau).Select(p => G1Jacobian.ScalarMul(p, Fr.FromUInt64(2)).ToAffine()).ToArray(),
            KnownTauPtau.G2Powers(1 << Power, Tau));
        Refused(bytes, "section 2 (tauG1): point 0 is not the generator g1");
    }

    [Fact]
    public void A_first_G2_point_other_than_the_generator_is_refused()
    {
        byte[] bytes = Valid();
        WriteG2(bytes, 0, G2Jacobian.ScalarMul(G2Affine.Generator, Fr.FromUInt64(2)).ToAffine());
        Refused(bytes, "section 3 (tauG2): point 0 is not the generator g2");
    }

    [Fact]
    public void G1_and_G2_powers_of_different_taus_are_refused()
    {
        byte[] bytes = KnownTauPtau.Bytes(Power,
            KnownTauPtau.G1Powers((2 << Power) - 1, Tau),
            KnownTauPtau.G2Powers(1 << Power, Tau + Fr.One));
        Refused(bytes, "section 2 (tauG1) and section 3 (tauG2)", "not powers of the same τ");
    }

    [Fact]
    public void Tau_zero_is_refused()
    {
        // τ = 0 gives a chain that passes every pairing check (all points after the first are O).
        Refused(KnownTauPtau.Bytes(Power, Fr.Zero), "section 2 (tauG1): point 1 is the point at infinity (τ = 0)");
    }

    [Fact]
    public void Setup_refuses_an_inconsistent_ptau_and_writes_no_key()
    {
        byte[] bytes = Valid();
        var g2 = KnownTauPtau.G2Powers(4, Tau);
        WriteG2(bytes, 2, g2[3]);
        WriteG2(bytes, 3, g2[2]);
        string path = dir.Write("swapped.ptau", bytes);
        string zkey = dir.File("circuit.zkey");
        var (nVars, nPublic, constraints) = HandCircuits.Mixed();
        var circuit = R1csToPlonk.Convert(nVars, nPublic, constraints);
        using var ptau = PowersOfTau.Open(path);
        FormatFiles.Fails(path, () => new PlonkSetup(new ReferenceNtt(), msm).Write(circuit, ptau, zkey), "section 3 (tauG2)");
        Assert.False(File.Exists(zkey));
        Assert.Empty(Directory.GetFiles(dir.Root, "circuit.zkey*"));
    }

    [Fact]
    public void Setup_from_a_known_tau_ptau_writes_the_key_the_same_powers_give_in_memory()
    {
        var (nVars, nPublic, constraints) = HandCircuits.Mixed();
        var circuit = R1csToPlonk.Convert(nVars, nPublic, constraints);
        var setup = new PlonkSetup(new ReferenceNtt(), msm);
        using (var ptau = PowersOfTau.Open(dir.Write("known.ptau", Valid())))
        {
            setup.Write(circuit, ptau, dir.File("from-file.zkey"));
        }
        setup.Write(circuit, KnownTauPtau.G1Powers(G1Count, Tau), KnownTauPtau.G2Powers(2, Tau)[1], dir.File("in-memory.zkey"));
        Assert.Equal(File.ReadAllBytes(dir.File("in-memory.zkey")), File.ReadAllBytes(dir.File("from-file.zkey")));
    }
}
