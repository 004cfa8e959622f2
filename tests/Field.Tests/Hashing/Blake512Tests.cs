// SPDX-License-Identifier: MIT
using System.Text.Json;
using ZkOptions.Field.Hashing;
using ZkOptions.Field.Tests.Support;

namespace ZkOptions.Field.Tests.Hashing;

/// <summary>
/// BLAKE-512 against npm blake-hash 2.0.0 (what circomlibjs's EdDSA calls), for every message length 0 … 300 and
/// constant-byte messages at the padding boundaries (vectors/circomlib/blake512.json), and against the examples in
/// the BLAKE submission document.
/// </summary>
public sealed class Blake512Tests
{
    private static readonly JsonElement Doc = JsonDocument.Parse(File.ReadAllText(RepoPaths.Vector("circomlib", "blake512.json"))).RootElement;

    [Fact]
    public void The_blake_papers_examples()
    {
        // Aumasson, Henzen, Meier, Phan, "SHA-3 proposal BLAKE" (version 1.3), appendix: BLAKE-512 of one zero byte
        // (a single block) and of 144 zero bytes (two blocks, the second holding no message bits after padding).
        Assert.Equal(
            "97961587f6d970faba6d2478045de6d1fabd09b61ae50932054d52bc29d31be4ff9102b9f69e2bbdb83be13d4b9c06091e5fa0b48bd081b634058be0ec49beb3",
            Convert.ToHexStringLower(Blake512.Hash([0])));
        Assert.Equal(
            "313717d608e9cf758dcb1eb0f0c3cf9fc150b2d500fb33f51c52afc99d358a2f1374b8a38bba7974e7f6ef79cab16f22ce1e649d6e01ad9589c213045d545dde",
            Convert.ToHexStringLower(Blake512.Hash(new byte[144])));
    }

    [Fact]
    public void Every_prefix_length_0_to_300_matches_blake_hash()
    {
        byte[] message = Convert.FromHexString(Doc.GetProperty("message").GetString()!);
        Assert.Equal(300, message.Length);
        var lengths = new List<int>();
        foreach (var c in Doc.GetProperty("prefixes").EnumerateArray())
        {
            int n = c.GetProperty("length").GetInt32();
            byte[] digest = Blake512.Hash(message.AsSpan(0, n));
            Assert.Equal(Blake512.HashSizeInBytes, digest.Length);
            Assert.True(c.GetProperty("digest").GetString() == Convert.ToHexStringLower(digest), $"length {n}");
            lengths.Add(n);
        }
        Assert.Equal(Enumerable.Range(0, 301), lengths);
    }

    [Fact]
    public void Constant_messages_at_the_padding_boundaries_match_blake_hash()
    {
        int count = 0;
        foreach (var c in Doc.GetProperty("fills").EnumerateArray())
        {
            int n = c.GetProperty("length").GetInt32();
            byte fill = (byte)c.GetProperty("byte").GetInt32();
            byte[] message = Enumerable.Repeat(fill, n).ToArray();
            Assert.True(c.GetProperty("digest").GetString() == Convert.ToHexStringLower(Blake512.Hash(message)), $"{n} × 0x{fill:x2}");
            count++;
        }
        Assert.Equal(22, count);
    }

    [Fact]
    public void It_is_not_blake2b()
    {
        // BLAKE2b-512 of the empty string (RFC 7693 test suite) starts 786a02f7…; BLAKE-512 of it is different.
        string empty = Convert.ToHexStringLower(Blake512.Hash([]));
        Assert.StartsWith("a8cfbbd73726062df0c6864dda65defe58ef0cc52a5625090fa17601e1eecd1b", empty);
        Assert.DoesNotContain("786a02f742015903", empty);
    }
}
