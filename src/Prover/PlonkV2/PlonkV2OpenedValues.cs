// SPDX-License-Identifier: MIT
namespace ZkOptions.Prover.PlonkV2;

/// <summary>
/// The round-4 evaluations an identity reads at ζ (and ζω), over any representation: Fr in the C# verifier, symbols
/// in the Solidity generator. <see cref="LookupColumns"/> is empty without tables.
/// </summary>
internal sealed class PlonkV2OpenedValues<T>
{
    public required T[] WiresAtZeta { get; init; }

    public required T[] WiresAtZetaOmega { get; init; }

    public required T ZAtZeta { get; init; }

    public required T ZAtZetaOmega { get; init; }

    public required T[] CoefficientsAtZeta { get; init; }

    public required T[] SelectorsAtZeta { get; init; }

    public required T[] SigmasAtZeta { get; init; }

    public required T QuotientAtZeta { get; init; }

    /// <summary>m(ζ), φ(ζ), φ(ζω) (lookups only; default otherwise).</summary>
    public T MultiplicitiesAtZeta { get; init; } = default!;

    public T HelperAtZeta { get; init; } = default!;

    public T HelperAtZetaOmega { get; init; } = default!;

    /// <summary>h(ζ), the lane helper (lookups only).</summary>
    public T LaneHelperAtZeta { get; init; } = default!;

    /// <summary>The fixed lookup columns at ζ (empty without tables).</summary>
    public T[] LookupColumnsAtZeta { get; init; } = [];

    public bool HasLookups => LookupColumnsAtZeta.Length > 0;

    /// <summary>Every evaluation, in the order the transcript absorbs them (<see cref="PlonkV2Proof.Scalars"/>).</summary>
    public T[] InTranscriptOrder() =>
        [.. WiresAtZeta, .. WiresAtZetaOmega, ZAtZeta, ZAtZetaOmega, .. CoefficientsAtZeta, .. SelectorsAtZeta, .. SigmasAtZeta,
         QuotientAtZeta, .. HasLookups ? (T[])[MultiplicitiesAtZeta, HelperAtZeta, HelperAtZetaOmega, LaneHelperAtZeta, .. LookupColumnsAtZeta] : []];

    /// <summary>The same evaluations in another representation, role by role.</summary>
    public PlonkV2OpenedValues<TOut> Select<TOut>(Func<T, TOut> map) => new()
    {
        WiresAtZeta = [.. WiresAtZeta.Select(map)],
        WiresAtZetaOmega = [.. WiresAtZetaOmega.Select(map)],
        ZAtZeta = map(ZAtZeta),
        ZAtZetaOmega = map(ZAtZetaOmega),
        CoefficientsAtZeta = [.. CoefficientsAtZeta.Select(map)],
        SelectorsAtZeta = [.. SelectorsAtZeta.Select(map)],
        SigmasAtZeta = [.. SigmasAtZeta.Select(map)],
        QuotientAtZeta = map(QuotientAtZeta),
        MultiplicitiesAtZeta = HasLookups ? map(MultiplicitiesAtZeta) : default!,
        HelperAtZeta = HasLookups ? map(HelperAtZeta) : default!,
        HelperAtZetaOmega = HasLookups ? map(HelperAtZetaOmega) : default!,
        LaneHelperAtZeta = HasLookups ? map(LaneHelperAtZeta) : default!,
        LookupColumnsAtZeta = [.. LookupColumnsAtZeta.Select(map)],
    };
}
