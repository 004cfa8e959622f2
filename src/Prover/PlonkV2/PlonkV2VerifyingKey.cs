// SPDX-License-Identifier: MIT
using System.Buffers.Binary;
using System.Text;
using System.Text.Json.Nodes;
using ZkOptions.Constraints.V2;
using ZkOptions.Field;
using ZkOptions.Field.Encoding;
using ZkOptions.Prover.Formats;

namespace ZkOptions.Prover.PlonkV2;

/// <summary>
/// What a PLONK v2 verifier needs: the domain, the public-input count, the coset shifts, the gate list by name (a
/// key for another gate set is refused), the KZG commitments of the fixed polynomials (8 coefficient columns, one
/// selector per gate, σ0..σ4) and [τ]₂. Written as JSON with "protocol": "zkoptions-plonk-v2" (docs/formats.md).
/// </summary>
public sealed class PlonkV2VerifyingKey
{
    /// <summary>The format version written and read.</summary>
    public const int Version = 2;

    /// <summary>log2 of the domain size n.</summary>
    public required int Power { get; init; }

    /// <summary>The number of public inputs (rows 0..PublicCount − 1).</summary>
    public required int PublicCount { get; init; }

    /// <summary>k0..k4, the coset shifts of the permutation's five columns.</summary>
    public required Fr[] Shifts { get; init; }

    /// <summary>The gates' names in selector order (<see cref="WideGates.All"/> at setup).</summary>
    public required string[] Gates { get; init; }

    /// <summary>Commitments to the coefficient columns (see <see cref="Coefficient"/>).</summary>
    public required G1Affine[] Coefficients { get; init; }

    /// <summary>Commitments to the selector columns, one per gate, in <see cref="Gates"/> order.</summary>
    public required G1Affine[] Selectors { get; init; }

    /// <summary>Commitments to σ0..σ4.</summary>
    public required G1Affine[] Sigmas { get; init; }

    /// <summary>[τ]₂ of the SRS.</summary>
    public required G2Affine TauG2 { get; init; }

    /// <summary>The lookup tables' names, in tag order (empty: no lookup argument).</summary>
    public string[] Tables { get; init; } = [];

    /// <summary>The lookup tables' sizes.</summary>
    public int[] TableSizes { get; init; } = [];

    /// <summary>Commitments to the fixed lookup columns (<see cref="LookupColumns"/> order; empty without tables).</summary>
    public G1Affine[] LookupColumns { get; init; } = [];

    /// <summary>Whether proofs for this key carry the logUp argument.</summary>
    public bool HasLookups => Tables.Length > 0;

    /// <summary>The domain size n.</summary>
    public int N => 1 << Power;

    /// <summary>
    /// Keccak-256 of the key's canonical bytes (label, version, power, public count, shifts, gate names, every
    /// commitment, [τ]₂): what the transcript absorbs first, so a proof is bound to its whole key.
    /// </summary>
    public byte[] Digest()
    {
        var hash = new KeccakTranscriptHash();
        hash.Absorb(Encoding.UTF8.GetBytes("zkoptions-plonk-v2 verifying key"));
        Span<byte> word = stackalloc byte[4];
        foreach (int v in (ReadOnlySpan<int>)[Version, Power, PublicCount, Shifts.Length, Gates.Length, Tables.Length, .. TableSizes])
        {
            BinaryPrimitives.WriteUInt32BigEndian(word, (uint)v);
            hash.Absorb(word);
        }
        Span<byte> scalar = stackalloc byte[32];
        foreach (var k in Shifts)
        {
            k.WriteBytes(scalar, ByteOrder.BigEndian);
            hash.Absorb(scalar);
        }
        foreach (var name in Gates.Concat(Tables))
        {
            var bytes = Encoding.UTF8.GetBytes(name);
            BinaryPrimitives.WriteUInt32BigEndian(word, (uint)bytes.Length);
            hash.Absorb(word);
            hash.Absorb(bytes);
        }
        Span<byte> g1 = stackalloc byte[64];
        foreach (var p in Coefficients.Concat(Selectors).Concat(Sigmas).Concat(LookupColumns))
        {
            EvmEncoding.WriteG1(p, g1);
            hash.Absorb(g1);
        }
        Span<byte> g2 = stackalloc byte[128];
        EvmEncoding.WriteG2(TauG2, g2);
        hash.Absorb(g2);
        var digest = new byte[32];
        hash.Finish(digest);
        return digest;
    }

    /// <summary>Reads and validates a verifying key; any problem is an <see cref="InputFileException"/> naming the member.</summary>
    public static PlonkV2VerifyingKey Read(string path) => FromJson(SnarkjsJsonText.Load(path), path);

    /// <summary>Validates an already parsed key; <paramref name="path"/> names it in errors.</summary>
    public static PlonkV2VerifyingKey FromJson(JsonNode root, string path)
    {
        JsonObject obj = PlonkV2Json.Open(path, root, "a PLONK v2 verifying key", Version);
        int power = SnarkjsJsonText.Integer(path, obj, "power", 3, Fr.TwoAdicity - 3);
        int publicCount = SnarkjsJsonText.Integer(path, obj, "publicCount", 0, (1 << power) - 1);
        string[] gates = PlonkV2Json.StringArray(path, obj, "gates");
        Fr[] shifts = PlonkV2Json.ScalarArray(path, obj, "shifts", WideLayout.Width);
        if (!shifts[0].IsOne || !CosetShifts.AreDisjoint(shifts, power))
        {
            throw new InputFileException(path, "shifts must start with 1 and give pairwise disjoint cosets of the domain");
        }
        string[] tables = obj.ContainsKey("tables") ? PlonkV2Json.StringArray(path, obj, "tables") : [];
        if (tables.Length == 0 && (obj.ContainsKey("tableSizes") || obj.ContainsKey("lookupColumns")))
        {
            throw new InputFileException(path, "tableSizes and lookupColumns belong to a key with tables, and this key has none");
        }
        int[] sizes = new int[tables.Length];
        var sizeArray = tables.Length == 0 ? null : PlonkV2Json.Array(path, obj, "tableSizes", tables.Length);
        for (int i = 0; i < sizes.Length; i++)
        {
            sizes[i] = sizeArray![i] is JsonValue v && v.TryGetValue(out int size) && size >= 1 && size <= 1 << power ? size
                : throw new InputFileException(path, $"tableSizes[{i}] must be an integer from 1 to {1 << power}");
        }
        if (sizes.Sum(s => (long)s) > 1 << power)
        {
            throw new InputFileException(path, $"the tables hold {sizes.Sum(s => (long)s)} entries, more than the domain's {1 << power}");
        }
        return new PlonkV2VerifyingKey
        {
            Tables = tables,
            TableSizes = sizes,
            LookupColumns = tables.Length == 0 ? [] : PlonkV2Json.G1Array(path, obj, "lookupColumns", PlonkV2LookupProof.ColumnCount, infinityAllowed: true),
            Power = power,
            PublicCount = publicCount,
            Shifts = shifts,
            Gates = gates,
            Coefficients = PlonkV2Json.G1Array(path, obj, "coefficients", WideLayout.CoefficientCount, infinityAllowed: true),
            Selectors = PlonkV2Json.G1Array(path, obj, "selectors", gates.Length, infinityAllowed: true),
            Sigmas = PlonkV2Json.G1Array(path, obj, "sigmas", WideLayout.Width, infinityAllowed: false),
            TauG2 = TauG2Of(path, obj),
        };
    }

    private static G2Affine TauG2Of(string path, JsonObject obj)
    {
        G2Affine tau = SnarkjsJsonText.G2(path, obj, "tauG2");
        return tau.IsInfinity ? throw new InputFileException(path, "tauG2 is the point at infinity") : tau;
    }

    /// <summary>The JSON tree (docs/formats.md); the lookup members only when the key declares tables.</summary>
    public JsonObject ToJson()
    {
        var json = Core();
        if (HasLookups)
        {
            json["tables"] = new JsonArray([.. Tables.Select(t => (JsonNode)JsonValue.Create(t))]);
            json["tableSizes"] = new JsonArray([.. TableSizes.Select(t => (JsonNode)JsonValue.Create(t))]);
            json["lookupColumns"] = PlonkV2Json.Points(LookupColumns);
        }
        return json;
    }

    private JsonObject Core() => new()
    {
        ["protocol"] = PlonkV2Json.Protocol,
        ["version"] = Version,
        ["curve"] = "bn128",
        ["power"] = Power,
        ["publicCount"] = PublicCount,
        ["gates"] = new JsonArray([.. Gates.Select(g => (JsonNode)JsonValue.Create(g))]),
        ["shifts"] = PlonkV2Json.Scalars(Shifts),
        ["coefficients"] = PlonkV2Json.Points(Coefficients),
        ["selectors"] = PlonkV2Json.Points(Selectors),
        ["sigmas"] = PlonkV2Json.Points(Sigmas),
        ["tauG2"] = SnarkjsJson.WriteG2(TauG2),
    };

    /// <summary>The JSON text.</summary>
    public string ToJsonText() => SnarkjsJsonText.Format(ToJson());

    /// <summary>Writes the key atomically.</summary>
    public void Write(string path) => AtomicFile.WriteAllText(path, ToJsonText());
}
