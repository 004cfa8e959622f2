// SPDX-License-Identifier: MIT
using System.Numerics;
using ZkOptions.Constraints.V2;
using ZkOptions.Field;
using ZkOptions.Prover.PlonkV2;
using ZkOptions.Prover.Solidity.Abi;

namespace ZkOptions.Prover.Solidity.V2;

/// <summary>
/// The arguments of the v2 verifier's <c>verifyProof(uint256[P] proof, uint256[nPublic] pubSignals)</c>: every proof
/// point as (x, y) in <see cref="PlonkV2Proof.PointOrder{T}"/> (wires, z, quotient chunks, W_ζ, W_ζω, then m, φ and
/// h with lookups), then every evaluation in transcript order (<see cref="PlonkV2Proof.Scalars"/>). Fixed-size arrays
/// keep every word at a constant calldata offset, as in v1.
/// </summary>
public static class PlonkV2Calldata
{
    /// <summary>The ABI signature of verifyProof for a proof of <paramref name="proofWords"/> words and <paramref name="publicCount"/> inputs.</summary>
    public static string VerifyProofSignature(int proofWords, int publicCount) => $"verifyProof(uint256[{proofWords}],uint256[{publicCount}])";

    /// <summary>The signature for proofs of <paramref name="key"/>.</summary>
    public static string VerifyProofSignature(PlonkV2VerifyingKey key) => VerifyProofSignature(ProofWordCount(key), key.PublicCount);

    /// <summary>P: how many words a proof for <paramref name="key"/> has (OptionsRollup's verifierProofWords).</summary>
    public static int ProofWordCount(PlonkV2VerifyingKey key) => new Layout(key).ProofWords;

    /// <summary>The proof words.</summary>
    public static BigInteger[] ProofWords(PlonkV2Proof proof)
    {
        var words = new List<BigInteger>();
        foreach (var p in proof.Points())
        {
            var (x, y) = PlonkCalldata.EvmCoordinates(p);
            words.Add(x);
            words.Add(y);
        }
        words.AddRange(proof.Scalars().Select(s => s.ToBigInteger()));
        return [.. words];
    }

    /// <summary>The whole ABI-encoded call: the selector of verifyProof, then the proof and public words.</summary>
    public static byte[] Encode(PlonkV2Proof proof, ReadOnlySpan<Fr> publicInputs)
    {
        var words = ProofWords(proof);
        return AbiEncoder.EncodeCall(VerifyProofSignature(words.Length, publicInputs.Length), words, PlonkCalldata.PublicWords(publicInputs));
    }

    /// <summary>Where each proof word of a key's proofs sits in the call data (after the 4-byte selector).</summary>
    internal sealed class Layout
    {
        public Layout(PlonkV2VerifyingKey key)
        {
            int chunks = new QuotientLayout(key.Power, WideGates.All).ChunkCount;
            Wires = [.. Enumerable.Range(0, WideLayout.Width).Select(i => YulPoint.Proof($"wire {i}"))];
            Z = YulPoint.Proof("z");
            Quotient = [.. Enumerable.Range(0, chunks).Select(i => YulPoint.Proof($"quotient chunk {i}"))];
            OpeningAtZeta = YulPoint.Proof("W_zeta");
            OpeningAtZetaOmega = YulPoint.Proof("W_zeta_omega");
            Multiplicities = key.HasLookups ? YulPoint.Proof("lookup multiplicities") : null;
            Helper = key.HasLookups ? YulPoint.Proof("lookup helper") : null;
            LaneHelper = key.HasLookups ? YulPoint.Proof("lane helper") : null;
            Points = PlonkV2Proof.PointOrder(Wires, Z, Quotient, OpeningAtZeta, OpeningAtZetaOmega,
                key.HasLookups ? [Multiplicities!, Helper!, LaneHelper!] : []);
            for (int i = 0; i < Points.Length; i++)
            {
                Points[i].Place(Selector + 64 * i);
            }

            // Number the evaluations by role, read their order from the transcript's, and give each its word.
            int next = 0;
            int Role() => next++;
            var roles = new PlonkV2OpenedValues<int>
            {
                WiresAtZeta = [.. Enumerable.Range(0, WideLayout.Width).Select(_ => Role())],
                WiresAtZetaOmega = [.. Enumerable.Range(0, WideLayout.Width).Select(_ => Role())],
                ZAtZeta = Role(),
                ZAtZetaOmega = Role(),
                CoefficientsAtZeta = [.. Enumerable.Range(0, WideLayout.CoefficientCount).Select(_ => Role())],
                SelectorsAtZeta = [.. Enumerable.Range(0, key.Gates.Length).Select(_ => Role())],
                SigmasAtZeta = [.. Enumerable.Range(0, WideLayout.Width).Select(_ => Role())],
                QuotientAtZeta = Role(),
                MultiplicitiesAtZeta = key.HasLookups ? Role() : 0,
                HelperAtZeta = key.HasLookups ? Role() : 0,
                HelperAtZetaOmega = key.HasLookups ? Role() : 0,
                LaneHelperAtZeta = key.HasLookups ? Role() : 0,
                LookupColumnsAtZeta = key.HasLookups ? [.. Enumerable.Range(0, PlonkV2LookupProof.ColumnCount).Select(_ => Role())] : [],
            };
            int[] order = roles.InTranscriptOrder();
            var wordOf = new int[order.Length];
            int scalarsAt = Selector + 64 * Points.Length;
            for (int i = 0; i < order.Length; i++)
            {
                wordOf[order[i]] = scalarsAt + 32 * i;
            }
            Evaluations = roles.Select(role => wordOf[role]);
            ProofWords = 2 * Points.Length + order.Length;
            PublicCount = key.PublicCount;
        }

        /// <summary>The 4-byte function selector comes first.</summary>
        private const int Selector = 4;

        public YulPoint[] Wires { get; }

        public YulPoint Z { get; }

        public YulPoint[] Quotient { get; }

        public YulPoint OpeningAtZeta { get; }

        public YulPoint OpeningAtZetaOmega { get; }

        public YulPoint? Multiplicities { get; }

        public YulPoint? Helper { get; }

        public YulPoint? LaneHelper { get; }

        /// <summary>Every proof point, in calldata order.</summary>
        public YulPoint[] Points { get; }

        /// <summary>Each evaluation's calldata offset, by role.</summary>
        public PlonkV2OpenedValues<int> Evaluations { get; }

        public int ProofWords { get; }

        public int PublicCount { get; }

        /// <summary>The calldata offset of public input <paramref name="i"/>.</summary>
        public int PublicAt(int i) => Selector + 32 * (ProofWords + i);
    }
}
