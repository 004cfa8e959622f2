// SPDX-License-Identifier: MIT
using System.Globalization;
using System.Text;
using ZkOptions.Constraints.V2;
using ZkOptions.Field;
using ZkOptions.Prover.PlonkV2;
using ZkOptions.Prover.Polynomials;

namespace ZkOptions.Prover.Solidity.V2;

/// <summary>
/// Writes the Solidity verifier of one PLONK v2 verifying key: <c>verifyProof(uint256[P] proof, uint256[nPublic]
/// pubSignals) returns (bool)</c> (<see cref="PlonkV2Calldata"/> lays out the words), checking proofs as
/// <see cref="PlonkV2Verifier"/> does. Nothing protocol-specific is restated here: the transcript schedule is
/// <see cref="PlonkV2Challenges"/> run over <see cref="YulTranscript"/>, the identities are
/// <see cref="PlonkV2Identities"/> (and through it each gate's <see cref="IWideGate.Residuals{T}"/> and
/// LookupCompression) evaluated over <see cref="YulScalar"/>, the opening order is <see cref="PlonkV2Openings"/>, and
/// the calldata order is <see cref="PlonkV2Proof.PointOrder{T}"/> and <see cref="PlonkV2OpenedValues{T}.InTranscriptOrder"/>.
/// The output depends only on the key and the contract name, byte for byte.
/// </summary>
public static class PlonkV2SolidityVerifier
{
    /// <summary>The contract name used when none is given.</summary>
    public const string DefaultContractName = "PlonkV2Verifier";

    // Fixed memory: the pairing input (12 words), the right-hand accumulator and the left one (each two words and three
    // of ecMul scratch), the modexp input; then the transcript, then the intermediate slots.
    private const int PairingAt = 0x000, RightAt = 0x180, LeftAt = 0x220, ModexpAt = 0x2c0, TranscriptAt = 0x380;

    /// <summary>Solidity source of the verifier for <paramref name="key"/>.</summary>
    /// <exception cref="ArgumentException">The name is not an identifier, the key has no public inputs, or its gate list is not this build's.</exception>
    public static string Generate(PlonkV2VerifyingKey key, string contractName = DefaultContractName)
    {
        ArgumentNullException.ThrowIfNull(key);
        PlonkSolidityVerifier.CheckContractName(contractName);
        if (key.PublicCount < 1)
        {
            throw new ArgumentException("the verifying key has no public inputs; a Solidity verifier needs at least one (uint256[0] is not valid Solidity)");
        }
        if (!key.Gates.SequenceEqual(WideGates.All.Select(g => g.Name)))
        {
            throw new ArgumentException($"the key was made for the gates [{string.Join(", ", key.Gates)}], not this build's [{string.Join(", ", WideGates.All.Select(g => g.Name))}]");
        }
        var layout = new PlonkV2Calldata.Layout(key);
        var code = new YulCode();
        var stats = new PlonkV2VerifierCost();
        EmitRangeChecks(code, layout);
        var transcript = new YulTranscript(code, TranscriptAt);
        var opened = layout.Evaluations.Select(w => YulScalar.Stored(code, $"calldataload({YulCode.Hex(w)})"));
        var publicInputs = Enumerable.Range(0, key.PublicCount).Select(i => YulScalar.Stored(code, $"calldataload({YulCode.Hex(layout.PublicAt(i))})")).ToArray();

        // 2. The transcript, in the schedule the prover and the C# verifier share.
        PlonkV2Challenges.Begin(transcript, key.Digest(), publicInputs);
        var (beta, gamma, theta, betaLookup) = PlonkV2Challenges.AfterWires(transcript, layout.Wires,
            key.HasLookups ? [layout.Multiplicities!] : []);
        var (alpha, separator) = PlonkV2Challenges.AfterPermutation(transcript, layout.Z, key.HasLookups ? [layout.Helper!] : [],
            key.HasLookups ? [layout.LaneHelper!] : []);
        YulScalar zeta = PlonkV2Challenges.AfterQuotient(transcript, layout.Quotient);
        YulScalar v = PlonkV2Challenges.AfterEvaluations(transcript, opened.InTranscriptOrder());
        YulScalar u = PlonkV2Challenges.AfterOpenings(transcript, layout.OpeningAtZeta, layout.OpeningAtZetaOmega);

        // A fixed polynomial whose commitment is infinity is zero: its claimed value must be 0 (the C# verifier's
        // pairing forces that too), and from here on it is the constant 0, which removes every term it multiplies.
        code.Comment("a fixed column committed as infinity is the zero polynomial: its evaluation must be 0");
        opened = WithZeroColumns(code, key, opened);

        // 3. Z_H(ζ), the Lagrange values with one inversion, and N(ζ) = t(ζ)·Z_H(ζ).
        code.Comment("zeta^n, Z_H(zeta) != 0, and the Lagrange values with one inversion");
        YulScalar zetaN = zeta;
        for (int i = 0; i < key.Power; i++)
        {
            zetaN *= zetaN;
        }
        YulScalar zh = zetaN - YulScalar.One;
        code.Line($"ok := and(ok, iszero(iszero({zh.Text})))");
        var (publicSum, first, last) = Lagrange(code, key, zeta, zh, publicInputs);
        code.Comment("N(zeta), generated from PlonkV2Identities and the gates' residuals");
        YulScalar numerator = PlonkV2Identities.Numerator(opened, [.. key.Shifts.Select(s => YulScalar.Constant(s))],
            new PlonkV2Identities.Challenges<YulScalar>(beta, gamma, theta, betaLookup, alpha, separator, zeta), publicSum, first, last);
        YulScalar expected = opened.QuotientAtZeta * zh;
        code.Line($"ok := and(ok, eq({numerator.Text}, {expected.Text}))");

        // 4. The batched opening, one ecMul per commitment.
        EmitOpenings(code, key, layout, opened, v, u, zeta, zetaN, stats);

        int slotsAt = TranscriptAt + (transcript.MaxLength + 31) / 32 * 32;
        return Contract(key, contractName, layout, code.Resolve(slotsAt), stats);
    }

    /// <summary>The ecMul, ecAdd and pairing calls a proof costs with this key (for docs and the gas floor).</summary>
    public static PlonkV2VerifierCost Cost(PlonkV2VerifyingKey key)
    {
        var stats = new PlonkV2VerifierCost();
        var layout = new PlonkV2Calldata.Layout(key);
        var code = new YulCode();
        var opened = layout.Evaluations.Select(w => YulScalar.Stored(code, "x"));
        opened = WithZeroColumns(code, key, opened);
        YulScalar s = YulScalar.Stored(code, "s");
        EmitOpenings(code, key, layout, opened, s, s, s, s, stats);
        return stats;
    }

    private static void EmitRangeChecks(YulCode code, PlonkV2Calldata.Layout layout)
    {
        code.Comment("1. Every proof point on the curve with coordinates < q, every proof scalar and public input < r");
        code.Line("let ok := 1");
        foreach (var p in layout.Points)
        {
            code.Line($"ok := and(ok, onCurve({YulCode.Hex(p.CalldataOffset!.Value)}, q)) // {p.Name}");
        }
        foreach (int w in layout.Evaluations.InTranscriptOrder())
        {
            code.Line($"ok := and(ok, lt(calldataload({YulCode.Hex(w)}), r))");
        }
        for (int i = 0; i < layout.PublicCount; i++)
        {
            code.Line($"ok := and(ok, lt(calldataload({YulCode.Hex(layout.PublicAt(i))}), r))");
        }
        code.Line("if iszero(ok) {");
        code.Line("    mstore(0, 0)");
        code.Line("    return(0, 0x20)");
        code.Line("}");
    }

    private static PlonkV2OpenedValues<YulScalar> WithZeroColumns(YulCode code, PlonkV2VerifyingKey key, PlonkV2OpenedValues<YulScalar> opened)
    {
        YulScalar[] Zeroed(G1Affine[] commitments, YulScalar[] values)
        {
            var result = (YulScalar[])values.Clone();
            for (int i = 0; i < commitments.Length; i++)
            {
                if (commitments[i].IsInfinity)
                {
                    code.Line($"ok := and(ok, iszero({values[i].Text}))");
                    result[i] = YulScalar.Constant(Fr.Zero);
                }
            }
            return result;
        }
        return new PlonkV2OpenedValues<YulScalar>
        {
            WiresAtZeta = opened.WiresAtZeta,
            WiresAtZetaOmega = opened.WiresAtZetaOmega,
            ZAtZeta = opened.ZAtZeta,
            ZAtZetaOmega = opened.ZAtZetaOmega,
            CoefficientsAtZeta = Zeroed(key.Coefficients, opened.CoefficientsAtZeta),
            SelectorsAtZeta = Zeroed(key.Selectors, opened.SelectorsAtZeta),
            SigmasAtZeta = Zeroed(key.Sigmas, opened.SigmasAtZeta),
            QuotientAtZeta = opened.QuotientAtZeta,
            MultiplicitiesAtZeta = opened.MultiplicitiesAtZeta,
            HelperAtZeta = opened.HelperAtZeta,
            HelperAtZetaOmega = opened.HelperAtZetaOmega,
            LaneHelperAtZeta = opened.LaneHelperAtZeta,
            LookupColumnsAtZeta = Zeroed(key.LookupColumns, opened.LookupColumnsAtZeta),
        };
    }

    /// <summary>
    /// Σᵢ xᵢ·Lᵢ(ζ), L₀(ζ) and L_(n−1)(ζ) with Lᵢ(ζ) = ωⁱ·Z_H(ζ)/(n·(ζ − ωⁱ)) and one inversion: the public terms are
    /// kept as one fraction num/den (den = Πᵢ (ζ − ωⁱ)), and everything is divided by den·(ζ − ω^(n−1)) at once.
    /// </summary>
    private static (YulScalar PublicSum, YulScalar First, YulScalar Last) Lagrange(YulCode code, PlonkV2VerifyingKey key, YulScalar zeta,
                                                                                YulScalar zh, YulScalar[] publicInputs)
    {
        var domain = EvaluationDomain.Get(key.Power);
        Fr omegaI = Fr.One;
        YulScalar num = publicInputs[0], den = zeta - YulScalar.One, rest = YulScalar.One;
        for (int i = 1; i < publicInputs.Length; i++)
        {
            omegaI *= domain.Generator;
            YulScalar d = zeta - YulScalar.Constant(omegaI);
            num = num * d + publicInputs[i] * YulScalar.Constant(omegaI) * den;
            den *= d;
            rest *= d;
        }
        Fr omegaLast = domain.Generator.Pow((ulong)(key.N - 1));
        YulScalar dLast = zeta - YulScalar.Constant(omegaLast);
        YulScalar all = den * dLast;
        YulScalar inverse = code.Let($"inverse({all.Text}, r)");
        YulScalar scaled = zh * YulScalar.Constant(domain.SizeInverse) * inverse; // Z_H/(n·den·dLast)
        return (num * dLast * scaled, rest * dLast * scaled, YulScalar.Constant(omegaLast) * den * scaled);
    }

    /// <summary>
    /// e(W_ζ + u·W_ζω, [τ]₂) = e(ζ·W_ζ + uζω·W_ζω + F − E·G₁, G₂), F folded so that each commitment is scaled once: one
    /// opened at ζ and ζω gets v^k + u·v^j, quotient chunk i gets v^k·ζ^(i·n), a commitment at infinity is skipped.
    /// </summary>
    private static void EmitOpenings(YulCode code, PlonkV2VerifyingKey key, PlonkV2Calldata.Layout layout, PlonkV2OpenedValues<YulScalar> e,
                                     YulScalar v, YulScalar u, YulScalar zeta, YulScalar zetaN, PlonkV2VerifierCost stats)
    {
        code.Comment("4. The batched openings: F - E*G1 with one scalar per commitment");
        var quotient = YulPoint.Proof("quotient (combined)");
        YulPoint[] keyPoints(string name, G1Affine[] points) => [.. points.Select((p, i) => YulPoint.Key($"{name} {i}", p))];
        var lookupPoints = key.HasLookups ? [layout.Multiplicities!, layout.Helper!, layout.LaneHelper!, .. keyPoints("lookup column", key.LookupColumns)] : Array.Empty<YulPoint>();
        YulPoint[] atZeta = PlonkV2Openings.AtZeta([.. layout.Wires], layout.Z, keyPoints("coefficient", key.Coefficients),
            keyPoints("selector", key.Selectors), keyPoints("sigma", key.Sigmas), lookupPoints, quotient);
        YulScalar[] valuesAtZeta = PlonkV2Openings.AtZeta(e.WiresAtZeta, e.ZAtZeta, e.CoefficientsAtZeta, e.SelectorsAtZeta, e.SigmasAtZeta,
            key.HasLookups ? [e.MultiplicitiesAtZeta, e.HelperAtZeta, e.LaneHelperAtZeta, .. e.LookupColumnsAtZeta] : [], e.QuotientAtZeta);
        YulPoint[] atZetaOmega = PlonkV2Openings.AtZetaOmega([.. layout.Wires], layout.Z, key.HasLookups ? [layout.Helper!] : []);
        YulScalar[] valuesAtZetaOmega = PlonkV2Openings.AtZetaOmega(e.WiresAtZetaOmega, e.ZAtZetaOmega, key.HasLookups ? [e.HelperAtZetaOmega] : []);

        var scalars = new Dictionary<YulPoint, YulScalar>();
        var order = new List<YulPoint>();
        void Add(YulPoint p, YulScalar s)
        {
            if (p.IsInfinity)
            {
                return;
            }
            if (scalars.TryGetValue(p, out var existing))
            {
                scalars[p] = existing + s;
                return;
            }
            scalars[p] = s;
            order.Add(p);
        }
        YulScalar minusE = YulScalar.Constant(Fr.Zero), power = YulScalar.One;
        for (int k = 0; k < atZeta.Length; k++, power = k < atZeta.Length ? power * v : power)
        {
            if (atZeta[k] == quotient)
            {
                YulScalar chunkScale = power;
                for (int i = 0; i < layout.Quotient.Length; i++, chunkScale = i < layout.Quotient.Length ? chunkScale * zetaN : chunkScale)
                {
                    Add(layout.Quotient[i], chunkScale);
                }
            }
            else
            {
                Add(atZeta[k], power);
            }
            minusE -= power * valuesAtZeta[k];
        }
        power = u;
        for (int j = 0; j < atZetaOmega.Length; j++, power = j < atZetaOmega.Length ? power * v : power)
        {
            Add(atZetaOmega[j], power);
            minusE -= power * valuesAtZetaOmega[j];
        }
        Add(YulPoint.Key("G1", G1Affine.Generator), minusE);
        Add(layout.OpeningAtZeta, zeta);
        Add(layout.OpeningAtZetaOmega, u * zeta * YulScalar.Constant(EvaluationDomain.Get(key.Power).Generator));

        code.Comment("right = sum of scalar * commitment (one ecMul each, accumulated with ecAdd)");
        bool firstTerm = true;
        foreach (var p in order)
        {
            EmitMulAcc(code, RightAt, p, scalars[p], firstTerm, stats);
            firstTerm = false;
        }
        code.Comment("left = W_zeta + u * W_zeta_omega");
        code.Line($"calldatacopy({YulCode.Hex(LeftAt)}, {YulCode.Hex(layout.OpeningAtZeta.CalldataOffset!.Value)}, 0x40)");
        EmitMulAcc(code, LeftAt, layout.OpeningAtZetaOmega, u, false, stats);
        stats.Pairings++;
    }

    private static void EmitMulAcc(YulCode code, int acc, YulPoint p, YulScalar s, bool first, PlonkV2VerifierCost stats)
    {
        string point = p.Constant is { } c
            ? $"{Coordinate(c.X)}, {Coordinate(c.Y)}"
            : $"calldataload({YulCode.Hex(p.CalldataOffset!.Value)}), calldataload({YulCode.Hex(p.CalldataOffset!.Value + 32)})";
        code.Line($"{(first ? "mulTo" : "mulAcc")}({YulCode.Hex(acc)}, {point}, {s.Text}) // {p.Name}");
        stats.EcMuls++;
        stats.EcAdds += first ? 0 : 1;
    }

    private static string Coordinate(in Fq value) => "0x" + value.ToBigInteger().ToString("x64").TrimStart('0');

    private static string Contract(PlonkV2VerifyingKey key, string name, PlonkV2Calldata.Layout layout, string body, PlonkV2VerifierCost stats)
    {
        var g2 = key.TauG2;
        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture, $$"""
            // SPDX-License-Identifier: MIT
            // Generated by `zkoptions export solidity` from a PLONK v2 verifying key. Do not edit: regenerate it from the key.
            //
            // Verifies zkoptions PLONK v2 proofs (BN254, KZG, Keccak-256 transcript; docs/prover-v2.md) for one circuit:
            // a domain of 2^{{key.Power}} rows, {{key.PublicCount}} public input(s), {{layout.Quotient.Length}} quotient chunks{{(key.HasLookups ? ", lookups" : "")}}.
            // verifyProof(uint256[{{layout.ProofWords}}] proof, uint256[{{key.PublicCount}}] pubSignals): the proof words are every point (x, y) then
            // every evaluation, in the order of ZkOptions.Prover.Solidity.V2.PlonkV2Calldata (docs/solidity.md).
            //
            // verifyProof returns true only for a valid proof; every invalid proof or input returns false (a scalar or public
            // input >= r, a coordinate >= q, a point off the curve or at infinity, a failed identity or pairing). It reverts only
            // on short calldata (Solidity's decoder) or when a precompile runs out of gas: the inputs are checked first.
            // Per proof: {{stats.EcMuls}} ecMul, {{stats.EcAdds}} ecAdd, {{stats.Pairings}} two-pair pairing, 1 modexp.
            pragma solidity >=0.8.4 <0.9.0;

            contract {{name}} {
                uint256 internal constant R = 21888242871839275222246405745257275088548364400416034343698204186575808495617;
                uint256 internal constant Q = 21888242871839275222246405745257275088696311157297823662689037894645226208583;

                /// @notice True iff `proof` is a valid PLONK v2 proof of `pubSignals` for this verifying key.
                function verifyProof(uint256[{{layout.ProofWords}}] calldata proof, uint256[{{key.PublicCount}}] calldata pubSignals) public view returns (bool) {
                    assembly {
                        // The ABI fixes where the arguments are: they are read by constant offset.
                        pop(proof)
                        pop(pubSignals)

                        function onCurve(p, q) -> ok {
                            let x := calldataload(p)
                            let y := calldataload(add(p, 0x20))
                            ok := and(and(lt(x, q), lt(y, q)), eq(mulmod(y, y, q), addmod(mulmod(x, mulmod(x, x, q), q), 3, q)))
                        }

                        // acc = s * (x, y); the three words after acc's two are scratch. Reverts only if a precompile fails
                        // (out of gas: every point was checked on the curve first).
                        function mulTo(acc, x, y, s) {
                            mstore(acc, x)
                            mstore(add(acc, 0x20), y)
                            mstore(add(acc, 0x40), s)
                            if iszero(staticcall(gas(), 0x07, acc, 0x60, acc, 0x40)) {
                                revert(0, 0)
                            }
                        }

                        // acc += s * (x, y).
                        function mulAcc(acc, x, y, s) {
                            let m := add(acc, 0x40)
                            mstore(m, x)
                            mstore(add(m, 0x20), y)
                            mstore(add(m, 0x40), s)
                            let done := staticcall(gas(), 0x07, m, 0x60, m, 0x40)
                            if iszero(and(done, staticcall(gas(), 0x06, acc, 0x80, acc, 0x40))) {
                                revert(0, 0)
                            }
                        }

                        // 1/x mod r by Fermat (modexp precompile); 0 gives 0, which only happens when Z_H(zeta) = 0 (refused).
                        function inverse(x, r) -> inv {
                            mstore({{YulCode.Hex(ModexpAt)}}, 0x20)
                            mstore({{YulCode.Hex(ModexpAt + 0x20)}}, 0x20)
                            mstore({{YulCode.Hex(ModexpAt + 0x40)}}, 0x20)
                            mstore({{YulCode.Hex(ModexpAt + 0x60)}}, x)
                            mstore({{YulCode.Hex(ModexpAt + 0x80)}}, sub(r, 2))
                            mstore({{YulCode.Hex(ModexpAt + 0xa0)}}, r)
                            if iszero(staticcall(gas(), 0x05, {{YulCode.Hex(ModexpAt)}}, 0xc0, {{YulCode.Hex(ModexpAt)}}, 0x20)) {
                                revert(0, 0)
                            }
                            inv := mload({{YulCode.Hex(ModexpAt)}})
                        }

                        // r and q on the stack: as constants the optimizer would reload each use.
                        let r := R
                        let q := Q

            """);
        sb.Append(body);
        sb.Append(CultureInfo.InvariantCulture, $$"""

                        // 5. e(-left, [tau]_2) * e(right, G2) == 1
                        mstore({{YulCode.Hex(PairingAt)}}, mload({{YulCode.Hex(LeftAt)}}))
                        mstore({{YulCode.Hex(PairingAt + 0x20)}}, mod(sub(q, mload({{YulCode.Hex(LeftAt + 0x20)}})), q))
                        mstore({{YulCode.Hex(PairingAt + 0x40)}}, {{Coordinate(g2.X.C1)}})
                        mstore({{YulCode.Hex(PairingAt + 0x60)}}, {{Coordinate(g2.X.C0)}})
                        mstore({{YulCode.Hex(PairingAt + 0x80)}}, {{Coordinate(g2.Y.C1)}})
                        mstore({{YulCode.Hex(PairingAt + 0xa0)}}, {{Coordinate(g2.Y.C0)}})
                        mstore({{YulCode.Hex(PairingAt + 0xc0)}}, mload({{YulCode.Hex(RightAt)}}))
                        mstore({{YulCode.Hex(PairingAt + 0xe0)}}, mload({{YulCode.Hex(RightAt + 0x20)}}))
                        mstore({{YulCode.Hex(PairingAt + 0x100)}}, 11559732032986387107991004021392285783925812861821192530917403151452391805634)
                        mstore({{YulCode.Hex(PairingAt + 0x120)}}, 10857046999023057135944570762232829481370756359578518086990519993285655852781)
                        mstore({{YulCode.Hex(PairingAt + 0x140)}}, 4082367875863433681332203403145435568316851327593401208105741076214120093531)
                        mstore({{YulCode.Hex(PairingAt + 0x160)}}, 8495653923123431417604973247489272438418190587263600148770280649306958101930)
                        if iszero(staticcall(gas(), 0x08, {{YulCode.Hex(PairingAt)}}, 0x180, 0x00, 0x20)) {
                            revert(0, 0)
                        }
                        mstore(0, and(ok, mload(0x00)))
                        return(0, 0x20)
                    }
                }
            }

            """);
        return sb.ToString();
    }
}
