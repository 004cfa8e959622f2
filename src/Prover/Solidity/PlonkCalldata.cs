// SPDX-License-Identifier: MIT
using System.Numerics;
using System.Text;
using ZkOptions.Field;
using ZkOptions.Prover.Formats;
using ZkOptions.Prover.Solidity.Abi;

namespace ZkOptions.Prover.Solidity;

/// <summary>
/// The arguments of <c>verifyProof(uint256[24] proof, uint256[nPublic] pubSignals)</c> for a PLONK proof: the nine
/// commitments as affine (x, y) in the order A, B, C, Z, T1, T2, T3, Wxi, Wxiw, then the evaluations a, b, c, s1,
/// s2, zw (snarkjs's order, plonk_exportsoliditycalldata.js).
/// </summary>
public static class PlonkCalldata
{
    /// <summary>The ABI signature of the verifier's entry point for <paramref name="nPublic"/> public signals.</summary>
    public static string VerifyProofSignature(int nPublic) => $"verifyProof(uint256[24],uint256[{nPublic}])";

    /// <summary>The 24 proof words.</summary>
    public static BigInteger[] ProofWords(PlonkProof proof)
    {
        var words = new List<BigInteger>(24);
        foreach (var p in (ReadOnlySpan<G1Affine>)[proof.A, proof.B, proof.C, proof.Z, proof.T1, proof.T2, proof.T3, proof.Wxi, proof.Wxiw])
        {
            var (x, y) = EvmCoordinates(p);
            words.Add(x);
            words.Add(y);
        }
        foreach (var e in (ReadOnlySpan<Fr>)[proof.EvalA, proof.EvalB, proof.EvalC, proof.EvalS1, proof.EvalS2, proof.EvalZw])
        {
            words.Add(e.ToBigInteger());
        }
        return [.. words];
    }

    /// <summary>
    /// A G1 point as the EVM reads it: affine (x, y), with the point at infinity as (0, 0), as the precompiles and
    /// the transcript (EvmEncoding) spell it. The verifier rejects it as a proof point; a key point may be it.
    /// </summary>
    internal static (BigInteger X, BigInteger Y) EvmCoordinates(in G1Affine p) =>
        p.IsInfinity ? (BigInteger.Zero, BigInteger.Zero) : (p.X.ToBigInteger(), p.Y.ToBigInteger());

    /// <summary>The public-signal words.</summary>
    public static BigInteger[] PublicWords(ReadOnlySpan<Fr> publicSignals)
    {
        var words = new BigInteger[publicSignals.Length];
        for (int i = 0; i < words.Length; i++)
        {
            words[i] = publicSignals[i].ToBigInteger();
        }
        return words;
    }

    /// <summary>
    /// The text <c>snarkjs zkey export soliditycalldata</c> prints for a PLONK proof: <c>[w0, w1,w2,…][p0,…]</c>,
    /// each word a quoted 0x-prefixed 64-digit hex string, with snarkjs's exact separators (no final newline).
    /// </summary>
    public static string SnarkjsText(PlonkProof proof, ReadOnlySpan<Fr> publicSignals)
    {
        var w = ProofWords(proof);
        var sb = new StringBuilder("[");
        // snarkjs puts ", " after A.x only and "," everywhere else.
        for (int i = 0; i < w.Length; i++)
        {
            sb.Append(Word(w[i])).Append(i == w.Length - 1 ? "" : i == 0 ? ", " : ",");
        }
        sb.Append("][");
        var pub = PublicWords(publicSignals);
        sb.Append(string.Join(",", pub.Select(Word)));
        return sb.Append(']').ToString();
    }

    /// <summary>The whole ABI-encoded call: the 4-byte selector of verifyProof, then the proof and public words.</summary>
    public static byte[] Encode(PlonkProof proof, ReadOnlySpan<Fr> publicSignals) =>
        AbiEncoder.EncodeCall(VerifyProofSignature(publicSignals.Length), ProofWords(proof), PublicWords(publicSignals));

    private static string Word(BigInteger value) => $"\"0x{value.ToString("x64")}\"";
}
