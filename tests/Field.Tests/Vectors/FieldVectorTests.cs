// SPDX-License-Identifier: MIT
using System.Numerics;
using System.Text.Json;
using ZkOptions.Field.Tests.Support;

namespace ZkOptions.Field.Tests.Vectors;

/// <summary>
/// Field arithmetic against vectors/bn254/fields.json, made by @noble/curves (an independent implementation).
/// A square root may be either of the two roots, so only its square and its existence are compared.
/// </summary>
public sealed class FieldVectorTests
{
    private static readonly JsonElement Doc = JsonDocument.Parse(File.ReadAllText(RepoPaths.Vector("bn254", "fields.json"))).RootElement;

    [Fact]
    public void The_vector_moduli_are_ours()
    {
        Assert.Equal(Fq.Modulus, BigInteger.Parse(Doc.GetProperty("p").GetString()!));
        Assert.Equal(Fr.Modulus, BigInteger.Parse(Doc.GetProperty("r").GetString()!));
    }

    [Fact]
    public void Fq_matches_noble() => Check<Fq>("fq");

    [Fact]
    public void Fr_matches_noble() => Check<Fr>("fr");

    private static void Check<T>(string section) where T : struct, IPrimeField<T>
    {
        int count = 0;
        foreach (var c in Doc.GetProperty(section).EnumerateArray())
        {
            T a = T.FromBigInteger(BigInteger.Parse(c.GetProperty("a").GetString()!));
            T b = T.FromBigInteger(BigInteger.Parse(c.GetProperty("b").GetString()!));
            string at = $"{section} a={a} b={b}";
            T.Add(in a, in b, out T sum);
            T.Sub(in a, in b, out T diff);
            T.Mul(in a, in b, out T prod);
            Assert.True(c.GetProperty("add").GetString() == sum.ToString(), at + " add");
            Assert.True(c.GetProperty("sub").GetString() == diff.ToString(), at + " sub");
            Assert.True(c.GetProperty("mul").GetString() == prod.ToString(), at + " mul");
            var inv = c.GetProperty("inv");
            Assert.Equal(inv.ValueKind != JsonValueKind.Null, T.TryInverse(in a, out T ourInv));
            if (inv.ValueKind != JsonValueKind.Null)
            {
                Assert.True(inv.GetString() == ourInv.ToString(), at + " inv");
            }
            var sqrt = c.GetProperty("sqrt");
            bool nobleHasRoot = sqrt.ValueKind != JsonValueKind.Null;
            Assert.True(nobleHasRoot == T.TrySqrt(in a, out T root), at + " sqrt existence");
            if (nobleHasRoot)
            {
                T nobleRoot = T.FromBigInteger(BigInteger.Parse(sqrt.GetString()!));
                T.Neg(in root, out T negRoot);
                Assert.True(nobleRoot.Equals(root) || nobleRoot.Equals(negRoot), at + " sqrt");
            }
            count++;
        }
        Assert.True(count >= 40, $"expected at least 40 {section} vectors, read {count}");
    }
}
