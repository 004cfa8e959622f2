// SPDX-License-Identifier: MIT
using System.Buffers.Binary;
using ZkOptions.Field;
using ZkOptions.Prover.Formats;

namespace ZkOptions.Prover.Tests.Formats;

/// <summary>
/// .ptau: the checked-in power-8 file from snarkjs (new, contribute, prepare phase2) read back and checked with
/// identities the points must satisfy whatever τ the contribution chose, plus broken and foreign files.
/// </summary>
public sealed class PowersOfTauTests
{
    private static byte[] PtauBytes() => File.ReadAllBytes(FormatFiles.Ptau);

    [Fact]
    public void Header_of_the_snarkjs_file()
    {
        using var ptau = PowersOfTau.Open(FormatFiles.Ptau);
        Assert.Equal(8, ptau.Power);
        Assert.Equal(8, ptau.CeremonyPower);
        Assert.True(ptau.HasLagrangeBasis);
        Assert.Equal(511, ptau.TauG1Count);
        Assert.Equal(256, ptau.TauG2Count);
    }

    [Fact]
    public void TauG1_and_TauG2_are_powers_of_the_same_tau()
    {
        using var ptau = PowersOfTau.Open(FormatFiles.Ptau);
        G1Affine[] g1 = ptau.ReadTauG1(3);
        G2Affine[] g2 = ptau.ReadTauG2(2);
        Assert.Equal(G1Affine.Generator, g1[0]);
        Assert.Equal(G2Affine.Generator, g2[0]);
        // e(τ·G1, G2) = e(G1, τ·G2), and e(τ²·G1, G2) = e(τ·G1, τ·G2).
        Assert.True(Pairing.ProductIsOne([g1[1], g1[0].Negate()], [g2[0], g2[1]]));
        Assert.True(Pairing.ProductIsOne([g1[2], g1[1].Negate()], [g2[0], g2[1]]));
        Assert.False(Pairing.ProductIsOne([g1[2], g1[0].Negate()], [g2[0], g2[1]]));
    }

    [Fact]
    public void Verification_key_X2_is_tauG2_1_of_the_ptau_it_was_made_from()
    {
        using var ptau = PowersOfTau.Open(FormatFiles.Ptau);
        Assert.Equal(ptau.ReadTauG2(2)[1], PlonkVerificationKey.Read(FormatFiles.Vkey).X2);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(8)]
    public void Lagrange_points_of_a_domain_sum_to_G1_and_interpolate_tau(int log2)
    {
        // Σ L_i(τ) = 1 and (for domains of 2 or more points) Σ ω^i·L_i(τ) = τ for the Lagrange basis of ⟨ω⟩:
        // they fail if the offset into section 12, the domain or the root ordering is wrong.
        using var ptau = PowersOfTau.Open(FormatFiles.Ptau);
        G1Affine[] lagrange = ptau.ReadLagrangeG1(log2);
        Assert.Equal(1 << log2, lagrange.Length);
        Fr omega = ZkOptions.Prover.Polynomials.EvaluationDomain.Get(log2).Generator;
        G1Jacobian sum = G1Jacobian.Infinity, weighted = G1Jacobian.Infinity;
        Fr power = Fr.One;
        foreach (G1Affine point in lagrange)
        {
            Assert.True(point.IsOnCurve());
            sum += point;
            weighted += G1Jacobian.ScalarMul(point, power);
            power *= omega;
        }
        Assert.Equal(G1Affine.Generator, sum.ToAffine());
        if (log2 > 0)
        {
            Assert.Equal(ptau.ReadTauG1(2)[1], weighted.ToAffine());
        }
    }

    [Fact]
    public void A_ptau_too_small_for_the_circuit_says_so()
    {
        using var ptau = PowersOfTau.Open(FormatFiles.Ptau);
        FormatFiles.Fails(FormatFiles.Ptau, () => ptau.ReadLagrangeG1(13), "ptau has power 8 (256 points); the circuit needs 2^13");
        FormatFiles.Fails(FormatFiles.Ptau, () => ptau.ReadTauG1(600), "ptau has power 8 (511 tauG1 points); 600 are needed");
        FormatFiles.Fails(FormatFiles.Ptau, () => ptau.ReadTauG2(257), "ptau has power 8 (256 tauG2 points); 257 are needed");
        Assert.Equal(511, ptau.ReadTauG1(511).Length); // the whole section is fine
    }

    [Fact]
    public void An_unprepared_ptau_has_no_lagrange_points()
    {
        byte[] bytes = PtauBytes();
        var (offset, _) = FormatFiles.Section(bytes, 12);
        BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(offset - 12), 99); // section 12 → an unknown type
        using var dir = new ScratchDirectory();
        string path = dir.Write("unprepared.ptau", bytes);
        using var ptau = PowersOfTau.Open(path);
        Assert.False(ptau.HasLagrangeBasis);
        FormatFiles.Fails(path, () => ptau.ReadLagrangeG1(3), "no Lagrange-basis points (section 12)", "prepare phase2");
        Assert.Equal(8, ptau.ReadTauG1(8).Length); // the monomial points are still there
    }

    [Fact]
    public void A_tauG1_point_off_the_curve_is_reported_with_its_index()
    {
        byte[] bytes = PtauBytes();
        var (offset, _) = FormatFiles.Section(bytes, 2);
        bytes[offset + 64 * 5 + 32] ^= 1; // y of point 5
        using var dir = new ScratchDirectory();
        string path = dir.Write("offcurve.ptau", bytes);
        using var ptau = PowersOfTau.Open(path);
        Assert.Equal(5, ptau.ReadTauG1(5).Length); // points before it are fine
        FormatFiles.Fails(path, () => ptau.ReadTauG1(6), "section 2 (tauG1): point 5", "not on the curve");
    }

    [Fact]
    public void A_lagrange_point_off_the_curve_is_reported_with_its_index()
    {
        byte[] bytes = PtauBytes();
        var (offset, _) = FormatFiles.Section(bytes, 12);
        bytes[offset + 64 * ((1 << 8) - 1 + 200)] ^= 1; // x of point 200 of domain 2^8
        using var dir = new ScratchDirectory();
        string path = dir.Write("lagrange.ptau", bytes);
        using var ptau = PowersOfTau.Open(path);
        Assert.Equal(128, ptau.ReadLagrangeG1(7).Length);
        FormatFiles.Fails(path, () => ptau.ReadLagrangeG1(8), "section 12 (Lagrange tauG1 for domain 2^8): point 200", "not on the curve");
    }

    [Fact]
    public void A_tauG2_point_outside_the_subgroup_is_rejected()
    {
        // A point on the twist y² = x³ + 3/(9+u) found by trying x = 1, 2, …; the twist's cofactor is about 2^254,
        // so such a point is outside the order-r subgroup (checked below with the library's own test).
        G2Affine rogue = default;
        for (ulong x = 1; ; x++)
        {
            var fx = new Fq2(Fq.FromUInt64(x), Fq.One);
            if (Fq2.TrySqrt(fx * fx * fx + G2Affine.B, out Fq2 y))
            {
                rogue = new G2Affine(fx, y);
                break;
            }
        }
        Assert.True(rogue.IsOnCurve());
        Assert.False(rogue.IsInSubgroup());

        byte[] bytes = PtauBytes();
        var (offset, _) = FormatFiles.Section(bytes, 3);
        SnarkjsBinary.WriteG2(rogue, bytes.AsSpan(offset + 128 * 1, 128));
        using var dir = new ScratchDirectory();
        string path = dir.Write("subgroup.ptau", bytes);
        using var ptau = PowersOfTau.Open(path);
        FormatFiles.Fails(path, () => ptau.ReadTauG2(2), "section 3 (tauG2): point 1", "not in the order-r subgroup");
    }

    [Fact]
    public void A_ptau_for_another_curve_or_with_a_wrong_power_is_rejected()
    {
        using var dir = new ScratchDirectory();
        byte[] bytes = PtauBytes();
        var (offset, _) = FormatFiles.Section(bytes, 1);

        bytes[offset] = 48; // bls12-381's base field elements are 48 bytes
        string n8 = dir.Write("n8.ptau", bytes);
        FormatFiles.Fails(n8, () => PowersOfTau.Open(n8).Dispose(), "field elements are 48 bytes", "another curve");

        bytes = PtauBytes();
        bytes[offset + 4] ^= 4;
        string q = dir.Write("q.ptau", bytes);
        FormatFiles.Fails(q, () => PowersOfTau.Open(q).Dispose(), "not BN254's base field modulus");

        bytes = PtauBytes();
        bytes[offset + 36] = 9; // power 8 → 9: the sections no longer match
        string power = dir.Write("power.ptau", bytes);
        FormatFiles.Fails(power, () => PowersOfTau.Open(power).Dispose(), "section 2 (tauG1, 1023 G1 points for power 9)", "expected 65472");
    }

    [Fact]
    public void Truncated_files_are_rejected_at_every_cut()
    {
        byte[] bytes = PtauBytes();
        var (lagrange, _) = FormatFiles.Section(bytes, 12);
        using var dir = new ScratchDirectory();
        foreach (int cut in new[] { 0, 7, 12, 30, 60, 100, 5_000, 40_000, 100_000, lagrange + 10, bytes.Length - 1 })
        {
            string path = dir.Write($"cut{cut}.ptau", bytes[..cut]);
            var e = FormatFiles.Fails(path, () => PowersOfTau.Open(path).Dispose());
            Assert.Matches("too short|truncated", e.Problem);
        }
    }

    [Fact]
    public void Other_snarkjs_files_are_not_ptau()
    {
        FormatFiles.Fails(FormatFiles.Groth16Zkey, () => PowersOfTau.Open(FormatFiles.Groth16Zkey).Dispose(), "not a .ptau file (magic bytes \"zkey\", expected \"ptau\")");
        FormatFiles.Fails(FormatFiles.PlonkZkey, () => PowersOfTau.Open(FormatFiles.PlonkZkey).Dispose(), "not a .ptau file");
        FormatFiles.Fails(FormatFiles.Wtns, () => PowersOfTau.Open(FormatFiles.Wtns).Dispose(), "not a .ptau file");
    }
}
