// SPDX-License-Identifier: MIT
using System.Numerics;
using ZkOptions.Circuit.Compiler;
using ZkOptions.Circuit.Solving;
using ZkOptions.Constraints;
using ZkOptions.Field;
using static ZkOptions.Circuit.Tests.Support.CircuitAssert;

namespace ZkOptions.Circuit.Tests.V2;

/// <summary>
/// v2's <c>bits ≤ bound</c> on range lookups (a difference range-checked, or a hi/lo comparison past 252 bits): the
/// bound itself and everything below pass, bound + 1 and the largest n-bit number fail, for widths around every
/// case split; a 254-bit decomposition that encodes a + r instead of a is refused.
/// </summary>
public sealed class BitsAtMostOnRangeTests
{
    private static Fr[] BitsOf(BigInteger value, int n) =>
        Enumerable.Range(0, n).Select(i => (value >> i & 1) == 1 ? Fr.One : Fr.Zero).ToArray();

    public static TheoryData<int, string> Cases => new()
    {
        { 40, "1000000007" },
        { 200, "803469022129495137770981046170581301261101496891396417650687" },
        { 252, "3618502788666131106986593281521497120414687020801267626233049500247285301247" },   // 2^251 + 2^250 − 1
        { 253, "2736030358979909402780800718157159386076813972158567259200215660948447373040" },   // BabyJubjub l − 1
        { 253, "10000000000000000000000000000000000000000000000000000000000000000000000000000" },   // a 253-bit bound
        { 254, "21888242871839275222246405745257275088548364400416034343698204186575808495616" },  // r − 1
        { 254, "21888242871839275222246405745257275088548364400416034343698204186575808495000" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void The_bound_and_below_pass_and_above_fails(int n, string boundText)
    {
        var bound = BigInteger.Parse(boundText);
        var compiled = CircuitCompiler.Compile(C(n, (api, x) => api.AssertBitsAtMost(x, bound))(), "at-most", ProofSystem.V2);
        bool Holds(BigInteger v) => compiled.Check(compiled.Solve(Inputs(("x", BitsOf(v, n))))).Count == 0;

        Assert.True(Holds(bound), "the bound itself");
        Assert.True(Holds(0), "zero");
        Assert.True(Holds(bound - 12345), "below");
        Assert.False(Holds(bound + 1), "bound + 1");
        Assert.False(Holds((BigInteger.One << n) - 1), "the largest n-bit number");
        if (n > 131)
        {
            Assert.True(Holds((bound >> 1) | (BigInteger.One << 126)), "a smaller high half with a large low half");
            Assert.False(Holds(bound + (BigInteger.One << 130)), "above in the high half");
            BigInteger lowAllOnes = bound | ((BigInteger.One << 127) - 1);
            if (lowAllOnes > bound)
            {
                Assert.False(Holds(lowAllOnes), "the same high half, a larger low half");
            }
        }
    }

    [Fact]
    public void A_254_bit_decomposition_of_a_plus_r_is_refused()
    {
        var compiled = CircuitCompiler.Compile(C(1, (api, x) => api.ToBits(x[0], 254))(), "to-bits", ProofSystem.V2);
        Fr a = Fr.FromUInt64(5);
        Assert.Empty(compiled.Check(compiled.Solve(Inputs(("x", new[] { a })))));
        var witness = WitnessSolver.Solve(compiled, Inputs(("x", new[] { a })), (name, origin, outputs) =>
        {
            if (name == "254 bits")
            {
                BitsOf(5 + Fr.Modulus, 254).CopyTo(outputs);   // the same a mod r, as a number ≥ r
            }
        });
        Assert.NotEmpty(compiled.Check(witness));
    }
}
