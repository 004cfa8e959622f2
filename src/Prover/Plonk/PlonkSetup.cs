// SPDX-License-Identifier: MIT
using System.Numerics;
using ZkOptions.Constraints.V1;
using ZkOptions.Field;
using ZkOptions.Prover.Polynomials;
using ZkOptions.Prover.Engines;
using ZkOptions.Prover.Formats;

namespace ZkOptions.Prover.Plonk;

/// <summary>
/// PLONK setup (snarkjs src/plonk_setup.js): from a circuit's gates and a powers-of-tau SRS, the selector and
/// permutation polynomials (coefficients and 4n evaluations), their commitments, and the commitment key, written as
/// a snarkjs .zkey in snarkjs's own section order (3 … 14, then 1 and 2), so the file matches `snarkjs plonk setup`
/// byte for byte.
/// </summary>
public sealed class PlonkSetup(INttEngine ntt, IMsmEngine msm)
{
    /// <summary>k1 = 2 and k2 = 3 shift the b and c columns onto cosets disjoint from H and from each other.</summary>
    private static readonly Fr K1 = Fr.FromUInt64(2), K2 = Fr.FromUInt64(3);

    /// <summary>The work of one Lagrange polynomial (two NTTs, no MSM) relative to a committed polynomial.</summary>
    private const double LagrangeShare = 0.35;

    /// <summary>The domain power snarkjs picks for a number of gates: the smallest 2^p ≥ gates, at least 2^3.</summary>
    public static int DomainPower(int gateCount)
    {
        int power = gateCount <= 1 ? 0 : BitOperations.Log2((uint)(gateCount - 1)) + 1;
        return Math.Max(3, power);
    }

    /// <summary>
    /// Writes the proving key for <paramref name="circuit"/> using the first n + 6 powers of <paramref name="ptau"/>
    /// (monomial points, so a ptau without the phase-2 Lagrange sections is fine), after checking that they are
    /// consecutive powers of one τ (<see cref="PowersOfTauConsistency"/>); a ptau too small for the circuit is an
    /// <see cref="InputFileException"/> naming the power the circuit needs, an inconsistent one names the section. <paramref name="progress"/> receives each
    /// phase as it starts (reading the powers of tau, then as in the other overload).
    /// </summary>
    public PlonkZkeyHeader Write(PlonkCircuit circuit, PowersOfTau ptau, string zkeyPath, IProgress<ProverProgress>? progress = null)
    {
        int power = DomainPower(circuit.Gates.Count);
        if (ptau.Power < power)
        {
            throw new InputFileException(ptau.Path,
                $"has power {ptau.Power} (2^{ptau.Power} points), but the circuit has {circuit.Gates.Count} PLONK gates and needs 2^{power}");
        }
        progress?.Report(new ProverProgress("read and check the powers of tau", 0));
        var (tauG1, tauG2) = PowersOfTauConsistency.ReadChecked(ptau, (1 << power) + 6, msm);
        return Write(circuit, tauG1, tauG2, zkeyPath, progress);
    }

    /// <summary>
    /// Writes the proving key for <paramref name="circuit"/> to <paramref name="zkeyPath"/> (atomically).
    /// <paramref name="tauG1"/> must hold at least n + 6 monomial points [τ^i]₁; <paramref name="tauG2"/> is [τ]₂.
    /// <paramref name="progress"/> receives each phase (a selector, the permutation, a Lagrange polynomial) as it starts,
    /// with the estimated share of the setup done, and 1 at the end.
    /// </summary>
    public PlonkZkeyHeader Write(PlonkCircuit circuit, ReadOnlySpan<G1Affine> tauG1, in G2Affine tauG2, string zkeyPath,
                                 IProgress<ProverProgress>? progress = null)
    {
        int power = DomainPower(circuit.Gates.Count);
        int n = 1 << power;
        if (tauG1.Length < n + 6)
        {
            throw new ArgumentException($"the circuit needs {n + 6} powers of tau in G1, got {tauG1.Length}", nameof(tauG1));
        }
        CheckCosetShifts(power);
        var commitmentKey = tauG1[..(n + 6)].ToArray();
        var gates = circuit.Gates;
        int lagrangeCount = Math.Max(1, circuit.NPublic);
        // Work units: a selector or σ polynomial is an inverse NTT of n, an NTT of 4n and an MSM of n (1 unit); a
        // Lagrange polynomial has no MSM (about a third of a unit); building σ itself is a sequential pass (half a unit).
        double total = 8 + 0.5 + LagrangeShare * lagrangeCount, done = 0;
        void Phase(string name, double units)
        {
            progress?.Report(new ProverProgress(name, done / total));
            done += units;
        }

        using var file = new BinFileWriter(zkeyPath, "zkey", version: 1, sectionCount: 14);

        file.BeginSection(PlonkZkeySection.Additions);
        Span<byte> addition = stackalloc byte[72];
        foreach (var a in circuit.Additions)
        {
            System.Buffers.Binary.BinaryPrimitives.WriteUInt32LittleEndian(addition, a.SignalA);
            System.Buffers.Binary.BinaryPrimitives.WriteUInt32LittleEndian(addition[4..], a.SignalB);
            a.FactorA.WriteMontgomeryLittleEndian(addition[8..]);
            a.FactorB.WriteMontgomeryLittleEndian(addition[40..]);
            file.Write(addition);
        }
        file.EndSection();

        WriteMap(file, PlonkZkeySection.MapA, gates, g => g.A);
        WriteMap(file, PlonkZkeySection.MapB, gates, g => g.B);
        WriteMap(file, PlonkZkeySection.MapC, gates, g => g.C);

        Phase("selector qM", 1);
        G1Affine qm = WriteSelector(file, PlonkZkeySection.Qm, gates, n, g => g.Qm, commitmentKey);
        Phase("selector qL", 1);
        G1Affine ql = WriteSelector(file, PlonkZkeySection.Ql, gates, n, g => g.Ql, commitmentKey);
        Phase("selector qR", 1);
        G1Affine qr = WriteSelector(file, PlonkZkeySection.Qr, gates, n, g => g.Qr, commitmentKey);
        Phase("selector qO", 1);
        G1Affine qo = WriteSelector(file, PlonkZkeySection.Qo, gates, n, g => g.Qo, commitmentKey);
        Phase("selector qC", 1);
        G1Affine qc = WriteSelector(file, PlonkZkeySection.Qc, gates, n, g => g.Qc, commitmentKey);

        Phase("permutation σ", 0.5);
        Fr[] sigma = Permutation(gates, circuit.NVars, n, power);
        file.BeginSection(PlonkZkeySection.Sigma);
        Phase("permutation polynomial S1", 1);
        G1Affine s1 = WritePolynomial(file, sigma.AsSpan(0, n), commitmentKey);
        Phase("permutation polynomial S2", 1);
        G1Affine s2 = WritePolynomial(file, sigma.AsSpan(n, n), commitmentKey);
        Phase("permutation polynomial S3", 1);
        G1Affine s3 = WritePolynomial(file, sigma.AsSpan(2 * n, n), commitmentKey);
        file.EndSection();

        file.BeginSection(PlonkZkeySection.Lagrange);
        var unit = new Fr[n];
        for (int i = 0; i < lagrangeCount; i++)
        {
            Phase($"Lagrange polynomial {i + 1} of {lagrangeCount}", LagrangeShare);
            Array.Clear(unit);
            unit[i] = Fr.One;
            WritePolynomial(file, unit, commitmentKey: null);
        }
        file.EndSection();

        file.BeginSection(PlonkZkeySection.PTau);
        var pointBytes = new byte[SnarkjsBinary.G1Size];
        foreach (var p in commitmentKey)
        {
            SnarkjsBinary.WriteG1(p, pointBytes);
            file.Write(pointBytes);
        }
        file.EndSection();

        file.BeginSection(PlonkZkeySection.Protocol);
        file.WriteUInt32(PlonkZkeySection.PlonkProtocolId);
        file.EndSection();

        var header = new PlonkZkeyHeader
        {
            NVars = circuit.NVars, NPublic = circuit.NPublic, DomainSize = n, NAdditions = circuit.Additions.Count,
            NConstraints = gates.Count, K1 = K1, K2 = K2, Qm = qm, Ql = ql, Qr = qr, Qo = qo, Qc = qc, S1 = s1, S2 = s2, S3 = s3,
            X2 = tauG2,
        };
        WriteHeader(file, header);
        file.Commit();
        progress?.Report(new ProverProgress("key complete", 1));
        return header;
    }

    private static void CheckCosetShifts(int power)
    {
        // k1 ∉ H, k2 ∉ H ∪ k1·H  ⇔  k1^n ≠ 1, k2^n ≠ 1, (k2/k1)^n ≠ 1.
        ulong n = 1UL << power;
        if (K1.Pow(n).IsOne || K2.Pow(n).IsOne || (K2 / K1).Pow(n).IsOne)
        {
            throw new InvalidOperationException($"k1 = 2, k2 = 3 do not give disjoint cosets for n = 2^{power}");
        }
    }

    private static void WriteMap(BinFileWriter file, int section, IReadOnlyList<PlonkGate> gates, Func<PlonkGate, uint> wire)
    {
        file.BeginSection(section);
        var map = new uint[gates.Count];
        for (int i = 0; i < map.Length; i++)
        {
            map[i] = wire(gates[i]);
        }
        file.Write<uint>(map);
        file.EndSection();
    }

    private G1Affine WriteSelector(BinFileWriter file, int section, IReadOnlyList<PlonkGate> gates, int n, Func<PlonkGate, Fr> selector, G1Affine[] commitmentKey)
    {
        var values = new Fr[n];
        for (int i = 0; i < gates.Count; i++)
        {
            values[i] = selector(gates[i]);
        }
        file.BeginSection(section);
        G1Affine commitment = WritePolynomial(file, values, commitmentKey);
        file.EndSection();
        return commitment;
    }

    /// <summary>Writes n coefficients then 4n evaluations (snarkjs writeP4) and returns the commitment (when a key is given).</summary>
    private G1Affine WritePolynomial(BinFileWriter file, ReadOnlySpan<Fr> valuesOnH, G1Affine[]? commitmentKey)
    {
        int n = valuesOnH.Length;
        var coefficients = valuesOnH.ToArray();
        ntt.Inverse(coefficients);
        var evaluations = new Fr[4 * n];
        coefficients.CopyTo(evaluations, 0);
        ntt.Forward(evaluations);
        file.Write<Fr>(coefficients);
        file.Write<Fr>(evaluations);
        return commitmentKey is null ? G1Affine.Infinity : msm.MultiScalarMul(commitmentKey, coefficients).ToAffine();
    }

    /// <summary>
    /// σ over the 3n wire positions (a: i, b: n + i, c: 2n + i), labelled ω^i, k1·ω^i, k2·ω^i: each wire's positions
    /// form one cycle, built in position order exactly as snarkjs does (each position points to the previous
    /// occurrence; the first occurrence closes the cycle with the last). Unused rows use wire 0.
    /// </summary>
    private static Fr[] Permutation(IReadOnlyList<PlonkGate> gates, int nVars, int n, int power)
    {
        var sigma = new Fr[3 * n];
        var last = new Fr[nVars];
        var seen = new bool[nVars];
        var firstPosition = new int[nVars];
        Fr omega = EvaluationDomain.Get(power).Generator;
        Fr w = Fr.One;
        for (int i = 0; i < n; i++)
        {
            PlonkGate g = i < gates.Count ? gates[i] : default;
            Place(g.A, i, w);
            Place(g.B, n + i, w * K1);
            Place(g.C, 2 * n + i, w * K2);
            w *= omega;
        }
        for (int s = 0; s < nVars; s++)
        {
            if (seen[s])
            {
                sigma[firstPosition[s]] = last[s];
            }
        }
        return sigma;

        void Place(uint wire, int position, Fr label)
        {
            if (!seen[wire])
            {
                seen[wire] = true;
                firstPosition[wire] = position;
            }
            else
            {
                sigma[position] = last[wire];
            }
            last[wire] = label;
        }
    }

    private static void WriteHeader(BinFileWriter file, PlonkZkeyHeader h)
    {
        file.BeginSection(PlonkZkeySection.Header);
        Span<byte> prime = stackalloc byte[32];
        file.WriteUInt32(32);
        Fq.Modulus.TryWriteBytes(prime, out _, isUnsigned: true, isBigEndian: false);
        file.Write(prime);
        file.WriteUInt32(32);
        prime.Clear();
        Fr.Modulus.TryWriteBytes(prime, out _, isUnsigned: true, isBigEndian: false);
        file.Write(prime);
        file.WriteUInt32((uint)h.NVars);
        file.WriteUInt32((uint)h.NPublic);
        file.WriteUInt32((uint)h.DomainSize);
        file.WriteUInt32((uint)h.NAdditions);
        file.WriteUInt32((uint)h.NConstraints);
        Span<byte> scalar = stackalloc byte[32];
        h.K1.WriteMontgomeryLittleEndian(scalar);
        file.Write(scalar);
        h.K2.WriteMontgomeryLittleEndian(scalar);
        file.Write(scalar);
        Span<byte> g1 = stackalloc byte[SnarkjsBinary.G1Size];
        foreach (var p in (ReadOnlySpan<G1Affine>)[h.Qm, h.Ql, h.Qr, h.Qo, h.Qc, h.S1, h.S2, h.S3])
        {
            SnarkjsBinary.WriteG1(p, g1);
            file.Write(g1);
        }
        Span<byte> g2 = stackalloc byte[SnarkjsBinary.G2Size];
        SnarkjsBinary.WriteG2(h.X2, g2);
        file.Write(g2);
        file.EndSection();
    }
}
