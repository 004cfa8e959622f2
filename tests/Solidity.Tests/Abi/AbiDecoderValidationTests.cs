// SPDX-License-Identifier: MIT
using System.Numerics;
using ZkOptions.Prover.Solidity.Abi;

namespace ZkOptions.Solidity.Tests.Abi;

/// <summary>Malformed data raises FormatException (never an index or overflow exception), and clean data round-trips.</summary>
public sealed class AbiDecoderValidationTests
{
    private static byte[] Words(params BigInteger[] words)
    {
        var data = new byte[32 * words.Length];
        for (int i = 0; i < words.Length; i++)
        {
            BigInteger w = words[i].Sign < 0 ? words[i] + (BigInteger.One << 256) : words[i];
            byte[] be = w.ToByteArray(isUnsigned: true, isBigEndian: true);
            be.CopyTo(data, 32 * (i + 1) - be.Length);
        }
        return data;
    }

    private static FormatException Malformed(string types, byte[] data) =>
        Assert.Throws<FormatException>(() => AbiDecoder.Decode(AbiType.ParseList(types), data));

    [Fact]
    public void Rejects_data_shorter_than_the_heads()
    {
        var e = Malformed("(uint256[24],uint256[1])", new byte[24 * 32]);

        Assert.Contains("value 1 (uint256[1])", e.Message);
        Assert.Contains("head bytes do not fit", e.Message);
    }

    [Fact]
    public void Rejects_a_word_beyond_the_end()
    {
        var e = Malformed("(uint256,bool)", new byte[40]);

        Assert.Contains("value 1 (bool)", e.Message);
        Assert.Contains("beyond the end", e.Message);
    }

    [Fact]
    public void Rejects_a_large_static_array_without_allocating_it() =>
        Assert.Contains("do not fit", Malformed("(uint256[30000000])", new byte[64]).Message);

    [Fact]
    public void Rejects_an_offset_past_the_end() =>
        Assert.Contains("points past the end", Malformed("(bytes)", Words(0x1000)).Message);

    [Fact]
    public void Rejects_an_offset_too_large_for_any_data() =>
        Assert.Contains("points past the end", Malformed("(bytes)", Words((BigInteger.One << 256) - 32)).Message);

    [Fact]
    public void Rejects_a_length_past_the_end() =>
        Assert.Contains("runs past the end", Malformed("(bytes)", Words(32, 33, 0)).Message);

    [Fact]
    public void Rejects_a_huge_length() =>
        Assert.Contains("exceeds", Malformed("(string)", Words(32, BigInteger.One << 255)).Message);

    [Fact]
    public void Rejects_a_huge_element_count() =>
        Assert.Contains("exceeds", Malformed("(uint256[])", Words(32, (BigInteger.One << 64) + 1)).Message);

    [Fact]
    public void Rejects_an_element_count_the_data_cannot_hold() =>
        Assert.Contains("do not fit", Malformed("(uint256[])", Words(32, 3, 1, 2)).Message);

    [Theory]
    [InlineData("(uint8)", "bits set above bit 8")]
    [InlineData("(uint128)", "bits set above bit 128")]
    [InlineData("(address)", "bits set above bit 160")]
    public void Rejects_dirty_high_bits(string types, string problem) =>
        Assert.Contains(problem, Malformed(types, Words(BigInteger.One << 200)).Message);

    [Fact]
    public void Rejects_a_bool_that_is_not_0_or_1() =>
        Assert.Contains("neither 0 nor 1", Malformed("(bool)", Words(2)).Message);

    [Fact]
    public void Rejects_an_int_that_is_not_sign_extended() =>
        Assert.Contains("not a sign-extended int8", Malformed("(int8)", Words(0xff)).Message);

    [Fact]
    public void Rejects_bytesN_with_nonzero_padding()
    {
        byte[] data = new byte[32];
        data[4] = 1;

        Assert.Contains("nonzero bytes after the first 4", Malformed("(bytes4)", data).Message);
    }

    [Fact]
    public void Rejects_invalid_utf8() =>
        Assert.Contains("not valid UTF-8", Malformed("(string)", [.. Words(32, 2), 0xc3, 0x28, .. new byte[30]]).Message);

    [Fact]
    public void Rejects_aliased_offsets_that_would_explode()
    {
        // 2000 outer elements all pointing at the same 2000-element inner array: 4M items from ~128 KB.
        const int n = 2000;
        var words = new List<BigInteger> { 32, n };
        words.AddRange(Enumerable.Repeat((BigInteger)(32 * n), n));
        words.Add(n);
        words.AddRange(Enumerable.Repeat(BigInteger.One, n));

        Assert.Contains("more items than the data", Malformed("(uint256[][])", Words([.. words])).Message);
    }

    [Fact]
    public void Decodes_negative_ints_and_allows_trailing_bytes()
    {
        IReadOnlyList<object?> values = AbiDecoder.Decode(AbiType.ParseList("(int8,int256)"), Words(-128, -1, 12345));

        Assert.Equal(new BigInteger(-128), values[0]);
        Assert.Equal(BigInteger.MinusOne, values[1]);
    }

    [Fact]
    public void Random_corruptions_only_ever_raise_FormatException()
    {
        AbiType[] types = [.. AbiType.ParseList("(uint8,(uint256,bytes)[],string[2],int16[],bytes3,bool,address)")];
        object?[] values =
        [
            7, new object?[][] { [1, new byte[40]], [2, new byte[0]] }, new[] { "ab", "ünï" }, new[] { -1, 300 },
            new byte[] { 1, 2, 3 }, true, new byte[20],
        ];
        byte[] clean = AbiEncoder.Encode(types, values);
        var rng = new Random(7);
        int rejected = 0;
        for (int trial = 0; trial < 3000; trial++)
        {
            byte[] data = trial % 3 == 0 ? clean[..rng.Next(clean.Length)] : (byte[])clean.Clone();
            for (int flips = rng.Next(1, 4); flips > 0 && data.Length > 0; flips--)
            {
                data[rng.Next(data.Length)] = (byte)rng.Next(256);
            }
            try
            {
                AbiDecoder.Decode(types, data);
            }
            catch (FormatException)
            {
                rejected++;
            }
        }
        Assert.InRange(rejected, 1000, 3000);
    }
}
