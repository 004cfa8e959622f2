// SPDX-License-Identifier: MIT
using System.Numerics;

namespace ZkOptions.Solidity.Tests.Abi;

/// <summary>
/// Signatures and values checked against cast, generated once from a fixed seed: the verifier's
/// <c>verifyProof(uint256[24],uint256[N])</c> and a spread of static, dynamic and nested types.
/// </summary>
internal static class AbiOracleCases
{
    public static readonly BigInteger MaxUInt256 = (BigInteger.One << 256) - 1;

    public static IReadOnlyDictionary<string, (string Signature, object?[] Values)> All { get; } = Build(new Random(20240607));

    public static TheoryData<string> Names()
    {
        var data = new TheoryData<string>();
        foreach (string name in All.Keys)
        {
            data.Add(name);
        }
        return data;
    }

    private static Dictionary<string, (string, object?[])> Build(Random rng)
    {
        var cases = new Dictionary<string, (string, object?[])>();
        foreach (int publicInputs in new[] { 1, 2, 9 })
        {
            BigInteger[] proof = [.. Enumerable.Range(0, 24).Select(_ => UInt(rng, 256))];
            proof[0] = BigInteger.Zero;
            proof[1] = MaxUInt256;
            BigInteger[] inputs = [.. Enumerable.Range(0, publicInputs).Select(_ => UInt(rng, 256))];
            inputs[^1] = publicInputs == 1 ? MaxUInt256 : BigInteger.Zero;
            cases[$"verifyProof-{publicInputs}"] = ($"verifyProof(uint256[24],uint256[{publicInputs}])", [proof, inputs]);
        }

        BigInteger minInt256 = -(BigInteger.One << 255);
        cases["int256-negatives"] = ("f(int256,int256,int256,int256)",
            [BigInteger.MinusOne, minInt256, (BigInteger.One << 255) - 1, -UInt(rng, 200) - 1]);
        cases["int8-uint8-bounds"] = ("f(int8,int8,int8,uint8,uint8)", [-128, 127, 0, (byte)0, 255L]);
        cases["mixed-widths"] = ("f(uint16,int24,uint40,int64,uint128,int200,uint248)",
            [UInt(rng, 16), Int(rng, 24), UInt(rng, 40), Int(rng, 64), UInt(rng, 128), Int(rng, 200), UInt(rng, 248)]);
        cases["address-bool-bytes32"] = ("f(address,bool,bool,bytes32,address)",
            ["0xf39fd6e51aad88f6f4ce6ab8827279cfffb92266", true, false, Bytes(rng, 32), Bytes(rng, 20)]);
        cases["fixed-bytes"] = ("f(bytes1,bytes7,bytes31,bytes32)", [Bytes(rng, 1), Bytes(rng, 7), Bytes(rng, 31), new byte[32]]);
        cases["bytes-lengths"] = ("f(bytes,bytes,bytes,bytes,bytes,bytes)",
            [Bytes(rng, 0), Bytes(rng, 1), Bytes(rng, 31), Bytes(rng, 32), Bytes(rng, 33), Bytes(rng, 100)]);
        cases["bytes-between-statics"] = ("f(uint256,bytes,uint256)", [UInt(rng, 256), Bytes(rng, 33), UInt(rng, 8)]);
        cases["strings"] = ("f(string,string,string)", ["", "héllo wörld", "日本語 ✓ 🚀 — ünïcödé, with a comma"]);
        cases["uint256-dynamic-array"] = ("f(uint256[])",
            [new BigInteger[] { BigInteger.Zero, MaxUInt256, UInt(rng, 256), UInt(rng, 64), UInt(rng, 256), UInt(rng, 1 * 8), UInt(rng, 256) }]);
        cases["empty-dynamic-values"] = ("f(uint256[],string[],bytes,string)", [Array.Empty<BigInteger>(), Array.Empty<string>(), Array.Empty<byte>(), ""]);
        cases["uint256-dynamic-arrays-in-fixed"] = ("f(uint256[][2])",
            [new object[] { new BigInteger[] { 1, UInt(rng, 256), MaxUInt256 }, Array.Empty<BigInteger>() }]);
        cases["tuple-array"] = ("f((uint256,bytes)[])",
            [new object?[][] { [UInt(rng, 256), Bytes(rng, 0)], [BigInteger.One, Bytes(rng, 5)], [MaxUInt256, Bytes(rng, 40)] }]);
        cases["nested-tuples"] = ("f((uint256,(bool,string),bytes32[2]),int8,((address,uint8[3]),string[])[])",
        [
            new object?[] { UInt(rng, 256), new object?[] { true, "inner ✓" }, new[] { Bytes(rng, 32), Bytes(rng, 32) } },
            -7,
            new object?[]
            {
                new object?[] { new object?[] { Bytes(rng, 20), new[] { 0, 1, 255 } }, new[] { "a", "", "bc" } },
                new object?[] { new object?[] { Bytes(rng, 20), new[] { 9, 8, 7 } }, Array.Empty<string>() },
            },
        ]);
        cases["string-and-bytes-arrays"] = ("f(string[],bytes[2])", [new[] { "x", "yz", "ünï" }, new[] { Bytes(rng, 3), Bytes(rng, 64) }]);
        cases["static-nesting"] = ("f(uint8[3][2],(int16,bool)[2],address)",
            [new[] { new[] { 1, 2, 3 }, new[] { 4, 5, 6 } }, new[] { new object?[] { -300, true }, new object?[] { 300, false } }, Bytes(rng, 20)]);
        cases["dynamic-inside-fixed-inside-dynamic"] = ("f(string[2][],uint256)",
            [new[] { new[] { "a", "b" }, new[] { "", "longer than thirty-two bytes, certainly" } }, UInt(rng, 256)]);
        return cases;
    }

    private static BigInteger UInt(Random rng, int bits)
    {
        var bytes = new byte[bits / 8];
        rng.NextBytes(bytes);
        return new BigInteger(bytes, isUnsigned: true, isBigEndian: true);
    }

    private static BigInteger Int(Random rng, int bits) => UInt(rng, bits) - (BigInteger.One << (bits - 1));

    private static byte[] Bytes(Random rng, int length)
    {
        var bytes = new byte[length];
        rng.NextBytes(bytes);
        return bytes;
    }
}
