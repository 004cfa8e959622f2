// SPDX-License-Identifier: MIT
using System.Text.Json.Nodes;
using ZkOptions.Constraints.V2;
using ZkOptions.Field;
using ZkOptions.Prover.Formats;

namespace ZkOptions.Prover.PlonkV2;

/// <summary>
/// A PLONK v2 proof: the commitments of rounds 1, 2, 3 and 5 and the evaluations of round 4. Every committed
/// polynomial is opened at ζ (no linearisation: see docs/prover-v2.md for the size trade-off), the wires and z also
/// at ζω. The quotient is opened once, as t(ζ) = Σᵢ ζ^(i·n)·tᵢ(ζ), against the commitment Σᵢ ζ^(i·n)·[tᵢ] the
/// verifier forms itself.
/// </summary>
public sealed class PlonkV2Proof
{
    /// <summary>The format version written and read.</summary>
    public const int Version = 2;

    /// <summary>[w0]..[w4] (round 1).</summary>
    public required G1Affine[] Wires { get; init; }

    /// <summary>[z], the permutation grand product (round 2).</summary>
    public required G1Affine Z { get; init; }

    /// <summary>[t0]..[t_(k−1)], the quotient's chunks (round 3).</summary>
    public required G1Affine[] Quotient { get; init; }

    /// <summary>The batched opening proof at ζ (round 5).</summary>
    public required G1Affine OpeningAtZeta { get; init; }

    /// <summary>The batched opening proof at ζω (round 5).</summary>
    public required G1Affine OpeningAtZetaOmega { get; init; }

    /// <summary>w0(ζ)..w4(ζ).</summary>
    public required Fr[] WiresAtZeta { get; init; }

    /// <summary>w0(ζω)..w4(ζω), the next-row cells gates read.</summary>
    public required Fr[] WiresAtZetaOmega { get; init; }

    /// <summary>z(ζ).</summary>
    public required Fr ZAtZeta { get; init; }

    /// <summary>z(ζω).</summary>
    public required Fr ZAtZetaOmega { get; init; }

    /// <summary>The coefficient columns at ζ.</summary>
    public required Fr[] CoefficientsAtZeta { get; init; }

    /// <summary>The selectors at ζ, in the key's gate order.</summary>
    public required Fr[] SelectorsAtZeta { get; init; }

    /// <summary>σ0(ζ)..σ4(ζ).</summary>
    public required Fr[] SigmasAtZeta { get; init; }

    /// <summary>t(ζ) = Σᵢ ζ^(i·n)·tᵢ(ζ).</summary>
    public required Fr QuotientAtZeta { get; init; }

    /// <summary>The logUp argument: present iff the key declares lookup tables.</summary>
    public PlonkV2LookupProof? Lookup { get; init; }

    /// <summary>Every G1 element (for checks, tests and the Solidity calldata), in <see cref="PointOrder{T}"/>.</summary>
    public IEnumerable<G1Affine> Points() =>
        PointOrder(Wires, Z, Quotient, OpeningAtZeta, OpeningAtZetaOmega,
            Lookup is null ? [] : [Lookup.Multiplicities, Lookup.Helper, Lookup.LaneHelper]);

    /// <summary>
    /// The order of a proof's points, for any representation of them (the Solidity generator lays out its calldata
    /// with it): the wires, z, the quotient chunks, the two opening proofs, then m, φ and h with lookups.
    /// </summary>
    internal static T[] PointOrder<T>(T[] wires, T z, T[] quotient, T atZeta, T atZetaOmega, T[] lookup) =>
        [.. wires, z, .. quotient, atZeta, atZetaOmega, .. lookup];

    /// <summary>Every scalar, in transcript order (<see cref="PlonkV2OpenedValues{T}.InTranscriptOrder"/>).</summary>
    public IEnumerable<Fr> Scalars() => Opened().InTranscriptOrder();

    /// <summary>The evaluations as the identities read them.</summary>
    internal PlonkV2OpenedValues<Fr> Opened() => new()
    {
        WiresAtZeta = WiresAtZeta,
        WiresAtZetaOmega = WiresAtZetaOmega,
        ZAtZeta = ZAtZeta,
        ZAtZetaOmega = ZAtZetaOmega,
        CoefficientsAtZeta = CoefficientsAtZeta,
        SelectorsAtZeta = SelectorsAtZeta,
        SigmasAtZeta = SigmasAtZeta,
        QuotientAtZeta = QuotientAtZeta,
        MultiplicitiesAtZeta = Lookup?.MultiplicitiesAtZeta ?? default,
        HelperAtZeta = Lookup?.HelperAtZeta ?? default,
        HelperAtZetaOmega = Lookup?.HelperAtZetaOmega ?? default,
        LaneHelperAtZeta = Lookup?.LaneHelperAtZeta ?? default,
        LookupColumnsAtZeta = Lookup?.ColumnsAtZeta ?? [],
    };

    /// <summary>
    /// Reads and validates a proof: the counts must be those of <paramref name="key"/> (the chunk count of its gate
    /// list), every point on the curve and finite, every scalar below r. Problems are <see cref="InputFileException"/>.
    /// </summary>
    public static PlonkV2Proof Read(string path, PlonkV2VerifyingKey key) => FromJson(SnarkjsJsonText.Load(path), path, key);

    /// <summary>Validates an already parsed proof against the shape <paramref name="key"/> gives.</summary>
    public static PlonkV2Proof FromJson(JsonNode root, string path, PlonkV2VerifyingKey key)
    {
        JsonObject obj = PlonkV2Json.Open(path, root, "a PLONK v2 proof", Version);
        var chunks = SnarkjsJsonText.Integer(path, obj, "quotientChunks", 1, 64);
        var zEvals = PlonkV2Json.ScalarArray(path, obj, "zEvaluations", 2);
        return new PlonkV2Proof
        {
            Wires = PlonkV2Json.G1Array(path, obj, "wires", WideLayout.Width, infinityAllowed: false),
            Z = PlonkV2Json.G1(path, SnarkjsJsonText.Member(path, obj, "z"), "z", infinityAllowed: false),
            Quotient = PlonkV2Json.G1Array(path, obj, "quotient", chunks, infinityAllowed: false),
            OpeningAtZeta = PlonkV2Json.G1(path, SnarkjsJsonText.Member(path, obj, "openingAtZeta"), "openingAtZeta", infinityAllowed: false),
            OpeningAtZetaOmega = PlonkV2Json.G1(path, SnarkjsJsonText.Member(path, obj, "openingAtZetaOmega"), "openingAtZetaOmega", infinityAllowed: false),
            WiresAtZeta = PlonkV2Json.ScalarArray(path, obj, "wiresAtZeta", WideLayout.Width),
            WiresAtZetaOmega = PlonkV2Json.ScalarArray(path, obj, "wiresAtZetaOmega", WideLayout.Width),
            ZAtZeta = zEvals[0],
            ZAtZetaOmega = zEvals[1],
            CoefficientsAtZeta = PlonkV2Json.ScalarArray(path, obj, "coefficientsAtZeta", WideLayout.CoefficientCount),
            SelectorsAtZeta = PlonkV2Json.ScalarArray(path, obj, "selectorsAtZeta", key.Gates.Length),
            SigmasAtZeta = PlonkV2Json.ScalarArray(path, obj, "sigmasAtZeta", WideLayout.Width),
            QuotientAtZeta = SnarkjsJsonText.Scalar(path, SnarkjsJsonText.Member(path, obj, "quotientAtZeta"), "quotientAtZeta"),
            Lookup = key.HasLookups ? LookupFromJson(path, obj) : obj.ContainsKey("lookup")
                ? throw new InputFileException(path, "lookup is present, but the key declares no lookup tables") : null,
        };
    }

    private static PlonkV2LookupProof LookupFromJson(string path, JsonObject obj)
    {
        if (SnarkjsJsonText.Member(path, obj, "lookup") is not JsonObject lookup)
        {
            throw new InputFileException(path, "lookup must be an object");
        }
        var points = PlonkV2Json.G1Array(path, lookup, "commitments", 3, infinityAllowed: false, "lookup.commitments");
        var evaluations = PlonkV2Json.ScalarArray(path, lookup, "evaluations", 4, "lookup.evaluations");
        return new PlonkV2LookupProof
        {
            Multiplicities = points[0],
            Helper = points[1],
            LaneHelper = points[2],
            MultiplicitiesAtZeta = evaluations[0],
            HelperAtZeta = evaluations[1],
            HelperAtZetaOmega = evaluations[2],
            LaneHelperAtZeta = evaluations[3],
            ColumnsAtZeta = PlonkV2Json.ScalarArray(path, lookup, "columnsAtZeta", PlonkV2LookupProof.ColumnCount, "lookup.columnsAtZeta"),
        };
    }

    /// <summary>The JSON tree (docs/formats.md).</summary>
    public JsonObject ToJson()
    {
        var json = Core();
        if (Lookup is { } l)
        {
            json["lookup"] = new JsonObject
            {
                ["commitments"] = PlonkV2Json.Points([l.Multiplicities, l.Helper, l.LaneHelper]),
                ["evaluations"] = PlonkV2Json.Scalars([l.MultiplicitiesAtZeta, l.HelperAtZeta, l.HelperAtZetaOmega, l.LaneHelperAtZeta]),
                ["columnsAtZeta"] = PlonkV2Json.Scalars(l.ColumnsAtZeta),
            };
        }
        return json;
    }

    private JsonObject Core() => new()
    {
        ["protocol"] = PlonkV2Json.Protocol,
        ["version"] = Version,
        ["curve"] = "bn128",
        ["quotientChunks"] = Quotient.Length,
        ["wires"] = PlonkV2Json.Points(Wires),
        ["z"] = SnarkjsJson.WriteG1(Z),
        ["quotient"] = PlonkV2Json.Points(Quotient),
        ["openingAtZeta"] = SnarkjsJson.WriteG1(OpeningAtZeta),
        ["openingAtZetaOmega"] = SnarkjsJson.WriteG1(OpeningAtZetaOmega),
        ["wiresAtZeta"] = PlonkV2Json.Scalars(WiresAtZeta),
        ["wiresAtZetaOmega"] = PlonkV2Json.Scalars(WiresAtZetaOmega),
        ["zEvaluations"] = PlonkV2Json.Scalars([ZAtZeta, ZAtZetaOmega]),
        ["coefficientsAtZeta"] = PlonkV2Json.Scalars(CoefficientsAtZeta),
        ["selectorsAtZeta"] = PlonkV2Json.Scalars(SelectorsAtZeta),
        ["sigmasAtZeta"] = PlonkV2Json.Scalars(SigmasAtZeta),
        ["quotientAtZeta"] = SnarkjsJson.WriteFr(QuotientAtZeta),
    };

    /// <summary>The JSON text.</summary>
    public string ToJsonText() => SnarkjsJsonText.Format(ToJson());

    /// <summary>Writes the proof atomically.</summary>
    public void Write(string path) => AtomicFile.WriteAllText(path, ToJsonText());
}
