// SPDX-License-Identifier: MIT
using System.Globalization;
using System.Reflection;
using System.Text;
using System.Text.RegularExpressions;
using ZkOptions.Field;
using ZkOptions.Prover.Formats;
using ZkOptions.Prover.Polynomials;

namespace ZkOptions.Prover.Solidity;

/// <summary>
/// Writes the Solidity verifier of one PLONK verifying key: a contract with snarkjs's ABI
/// (<c>verifyProof(uint256[24], uint256[nPublic]) returns (bool)</c>) that checks proofs exactly as
/// <see cref="Plonk.PlonkVerifier"/> does, in hand-written assembly (PlonkVerifier.sol.template). The output
/// depends only on the key and the contract name, byte for byte, so an auditor can regenerate and diff it.
/// </summary>
public static partial class PlonkSolidityVerifier
{
    /// <summary>The contract name used when none is given (snarkjs's).</summary>
    public const string DefaultContractName = "PlonkVerifier";

    /// <summary>Solidity source of the verifier for <paramref name="vk"/>.</summary>
    /// <exception cref="ArgumentException">The name is not a Solidity identifier, or the key has no public signals (the message says which).</exception>
    public static string Generate(PlonkVerificationKey vk, string contractName = DefaultContractName)
    {
        ArgumentNullException.ThrowIfNull(vk);
        CheckContractName(contractName);
        if (vk.NPublic < 1)
        {
            // uint256[0] is not valid Solidity, so snarkjs's ABI has no form for it; a proof bound to no public
            // value also proves nothing an L1 contract could use.
            throw new ArgumentException("the verification key has no public signals; a Solidity verifier needs at least one (uint256[0] is not valid Solidity)");
        }

        int nPublic = vk.NPublic;
        var domain = EvaluationDomain.Get(vk.Power);
        var values = new Dictionary<string, string>
        {
            ["CONTRACT"] = contractName,
            ["POWER"] = Decimal(vk.Power),
            ["N"] = Decimal(1L << vk.Power),
            ["NPUBLIC"] = Decimal(nPublic),
            ["N_INV"] = domain.SizeInverse.ToString(),
            ["OMEGA"] = domain.Generator.ToString(),
            ["OMEGA_POWERS"] = OmegaPowers(domain.Generator, nPublic),
            ["K1"] = vk.K1.ToString(),
            ["K2"] = vk.K2.ToString(),
            ["PUBLIC_RANGE_CHECKS"] = PublicRangeChecks(nPublic),
            ["PUB_BYTES"] = Hex(32 * nPublic),
            ["BETA_ABC_AT"] = Hex(0x200 + 32 * nPublic),
            ["BETA_IN_BYTES"] = Hex(0x2c0 + 32 * nPublic),
            ["XI_POW_N"] = string.Concat(Enumerable.Repeat("                xin := mulmod(xin, xin, r)\n", vk.Power)).TrimEnd('\n'),
            ["PUBLIC_INPUT_POLYNOMIAL"] = PublicInputPolynomial(nPublic),
        };
        AddPoint(values, "QM", vk.Qm);
        AddPoint(values, "QL", vk.Ql);
        AddPoint(values, "QR", vk.Qr);
        AddPoint(values, "QO", vk.Qo);
        AddPoint(values, "QC", vk.Qc);
        AddPoint(values, "S1", vk.S1);
        AddPoint(values, "S2", vk.S2);
        AddPoint(values, "S3", vk.S3);
        values["X2_X_IM"] = vk.X2.X.C1.ToString();
        values["X2_X_RE"] = vk.X2.X.C0.ToString();
        values["X2_Y_IM"] = vk.X2.Y.C1.ToString();
        values["X2_Y_RE"] = vk.X2.Y.C0.ToString();

        return Placeholder().Replace(Template.Value, m => values.TryGetValue(m.Groups[1].Value, out var v)
            ? v
            : throw new InvalidOperationException($"PlonkVerifier.sol.template: unknown placeholder {m.Value}"));
    }

    /// <summary>Rejects names that are not plain Solidity identifiers (they would break or inject into the source).</summary>
    public static void CheckContractName(string name)
    {
        if (!Identifier().IsMatch(name) || ReservedWords.Contains(name))
        {
            throw new ArgumentException($"'{name}' is not a valid Solidity contract name (letters, digits, _ or $, not starting with a digit, not a keyword)");
        }
    }

    private static readonly Lazy<string> Template = new(() =>
    {
        using var stream = typeof(PlonkSolidityVerifier).Assembly.GetManifestResourceStream("ZkOptions.Prover.Solidity.PlonkVerifier.sol.template")
            ?? throw new InvalidOperationException("the embedded resource PlonkVerifier.sol.template is missing");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        // Line endings are part of the byte-for-byte promise: always \n, whatever the checkout did.
        return reader.ReadToEnd().Replace("\r\n", "\n");
    });

    private static void AddPoint(Dictionary<string, string> values, string name, in G1Affine p)
    {
        var (x, y) = PlonkCalldata.EvmCoordinates(p);
        values[name + "_X"] = x.ToString(CultureInfo.InvariantCulture);
        values[name + "_Y"] = y.ToString(CultureInfo.InvariantCulture);
    }

    private static string OmegaPowers(in Fr omega, int nPublic)
    {
        var sb = new StringBuilder();
        Fr w = omega;
        for (int i = 2; i < nPublic; i++)
        {
            w *= omega;
            sb.Append(CultureInfo.InvariantCulture, $"    uint256 internal constant OMEGA_{i} = {w};\n");
        }
        return sb.ToString();
    }

    private static string PublicRangeChecks(int nPublic)
    {
        var lines = new List<string>();
        for (int i = 0; i < nPublic; i++)
        {
            lines.Add($"            ok := and(ok, lt(calldataload({PublicAt(i)}), r))");
        }
        return string.Join('\n', lines);
    }

    /// <summary>
    /// PI(ξ) and L1(ξ) with one inversion: Σ_{i≥1} pub_i·ω^i/(ξ − ω^i) is kept as a fraction num/den, then the row-0
    /// term is folded in, so PI = −(Z_H/n)(pub_0·den + num·d0)/(d0·den) and L1 = (Z_H/n)·den/(d0·den).
    /// </summary>
    private static string PublicInputPolynomial(int nPublic)
    {
        const string indent = "                ";
        var sb = new StringBuilder();
        void Line(string s) => sb.Append(indent).Append(s).Append('\n');
        if (nPublic == 1)
        {
            Line("let d0 := addmod(xi, sub(r, 1), r)");
            Line("let inv := inverse(d0, r)");
            Line("ok := and(ok, iszero(iszero(d0)))");
            Line("let l1 := mulmod(zhOverN, inv, r)");
            Line("mstore(M_L1, l1)");
            Line("mstore(M_PI, sub(r, mulmod(l1, calldataload(P_PUB), r)))");
            return sb.ToString().TrimEnd('\n');
        }
        Line("// rows i >= 1 as one fraction num / den, then row 0, so one inversion serves PI and L1");
        Line("let den := addmod(xi, sub(r, OMEGA), r)");
        Line($"let num := mulmod(calldataload({PublicAt(1)}), OMEGA, r)");
        for (int i = 2; i < nPublic; i++)
        {
            Line((i == 2 ? "let d := " : "d := ") + $"addmod(xi, sub(r, OMEGA_{i}), r)");
            Line($"num := addmod(mulmod(num, d, r), mulmod(mulmod(calldataload({PublicAt(i)}), OMEGA_{i}, r), den, r), r)");
            Line("den := mulmod(den, d, r)");
        }
        Line("let d0 := addmod(xi, sub(r, 1), r)");
        Line("let all := mulmod(d0, den, r)");
        Line("let inv := inverse(all, r)");
        Line("ok := and(ok, iszero(iszero(all)))");
        Line("inv := mulmod(inv, zhOverN, r)");
        Line("mstore(M_L1, mulmod(den, inv, r))");
        Line("mstore(M_PI, sub(r, mulmod(addmod(mulmod(calldataload(P_PUB), den, r), mulmod(num, d0, r), r), inv, r)))");
        return sb.ToString().TrimEnd('\n');
    }

    private static string PublicAt(int i) => i == 0 ? "P_PUB" : $"add(P_PUB, {Hex(32 * i)})";

    private static string Decimal(long value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Hex(int value) => "0x" + value.ToString("x", CultureInfo.InvariantCulture);

    [GeneratedRegex(@"\{\{([A-Z0-9_]+)\}\}")]
    private static partial Regex Placeholder();

    [GeneratedRegex(@"^[A-Za-z_$][A-Za-z0-9_$]*$")]
    private static partial Regex Identifier();

    // Solidity keywords and reserved words that the identifier pattern would otherwise accept.
    private static readonly HashSet<string> ReservedWords =
    [
        "abstract", "address", "after", "alias", "anonymous", "apply", "as", "assembly", "auto", "bool", "break", "byte",
        "bytes", "calldata", "case", "catch", "constant", "constructor", "continue", "contract", "copyof", "default",
        "define", "delete", "do", "else", "emit", "enum", "error", "event", "external", "fallback", "false", "final",
        "for", "function", "gwei", "hex", "if", "immutable", "implements", "import", "in", "indexed", "inline",
        "interface", "internal", "is", "let", "library", "macro", "mapping", "match", "memory", "modifier", "mutable",
        "new", "null", "of", "override", "partial", "payable", "pragma", "private", "promise", "public", "pure",
        "receive", "reference", "relocatable", "return", "returns", "revert", "sealed", "seconds", "sizeof", "static",
        "storage", "string", "struct", "super", "supports", "switch", "this", "true", "try", "type", "typedef",
        "typeof", "unchecked", "unicode", "using", "var", "view", "virtual", "wei", "while", "ether", "minutes",
        "hours", "days", "weeks", "years", "int", "uint", "fixed", "ufixed",
    ];
}
