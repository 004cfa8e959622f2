// SPDX-License-Identifier: MIT
using ZkOptions.Field;
using ZkOptions.Prover.Formats;

namespace ZkOptions.Prover.Tests.Interop;

/// <summary>Every proof that differs from a given one in exactly one element (points stay valid curve points).</summary>
public static class ProofTampering
{
    public static IEnumerable<(string Element, PlonkProof Proof)> EachSingleChange(PlonkProof p)
    {
        G1Affine Move(G1Affine q) => (G1Jacobian.FromAffine(q) + G1Affine.Generator).ToAffine();
        yield return ("A", With(p, a: Move(p.A)));
        yield return ("B", With(p, b: Move(p.B)));
        yield return ("C", With(p, c: Move(p.C)));
        yield return ("Z", With(p, z: Move(p.Z)));
        yield return ("T1", With(p, t1: Move(p.T1)));
        yield return ("T2", With(p, t2: Move(p.T2)));
        yield return ("T3", With(p, t3: Move(p.T3)));
        yield return ("Wxi", With(p, wxi: Move(p.Wxi)));
        yield return ("Wxiw", With(p, wxiw: Move(p.Wxiw)));
        yield return ("eval_a", With(p, ea: p.EvalA + Fr.One));
        yield return ("eval_b", With(p, eb: p.EvalB + Fr.One));
        yield return ("eval_c", With(p, ec: p.EvalC + Fr.One));
        yield return ("eval_s1", With(p, es1: p.EvalS1 + Fr.One));
        yield return ("eval_s2", With(p, es2: p.EvalS2 + Fr.One));
        yield return ("eval_zw", With(p, ezw: p.EvalZw + Fr.One));
    }

    public static PlonkProof With(PlonkProof p, G1Affine? a = null, G1Affine? b = null, G1Affine? c = null, G1Affine? z = null,
        G1Affine? t1 = null, G1Affine? t2 = null, G1Affine? t3 = null, G1Affine? wxi = null, G1Affine? wxiw = null,
        Fr? ea = null, Fr? eb = null, Fr? ec = null, Fr? es1 = null, Fr? es2 = null, Fr? ezw = null) => new()
    {
        A = a ?? p.A, B = b ?? p.B, C = c ?? p.C, Z = z ?? p.Z, T1 = t1 ?? p.T1, T2 = t2 ?? p.T2, T3 = t3 ?? p.T3,
        Wxi = wxi ?? p.Wxi, Wxiw = wxiw ?? p.Wxiw,
        EvalA = ea ?? p.EvalA, EvalB = eb ?? p.EvalB, EvalC = ec ?? p.EvalC, EvalS1 = es1 ?? p.EvalS1, EvalS2 = es2 ?? p.EvalS2, EvalZw = ezw ?? p.EvalZw,
    };
}
