// SPDX-License-Identifier: MIT
using System.Text.Json;
using ZkOptions.Field.Hashing;
using ZkOptions.Field.Tests.Support;

namespace ZkOptions.Field.Tests.Hashing;

/// <summary>
/// The width-5 Poseidon sponge against vectors/circomlib/poseidon-sponge.json, whose every permutation circomlibjs
/// computed (its three Poseidon implementations agreeing), and the properties the settlement state relies on.
/// </summary>
public sealed class PoseidonSpongeTests
{
    private static readonly JsonElement Doc = JsonDocument.Parse(File.ReadAllText(RepoPaths.Vector("circomlib", "poseidon-sponge.json"))).RootElement;

    [Fact]
    public void Every_circomlibjs_sponge_hash_matches()
    {
        int count = 0;
        foreach (var c in Doc.GetProperty("cases").EnumerateArray())
        {
            Fr[] inputs = c.GetProperty("inputs").EnumerateArray().Select(e => Fr.Parse(e.GetString()!)).ToArray();
            Assert.Equal(c.GetProperty("nInputs").GetInt32(), inputs.Length);
            Assert.True(c.GetProperty("output").GetString() == PoseidonSponge.Hash(inputs).ToString(),
                $"sponge of {inputs.Length} inputs ({c.GetProperty("label").GetString()})");
            count++;
        }
        Assert.Equal(48, count);
    }

    [Fact]
    public void One_block_is_the_width_5_permutation_with_the_length_in_lane_0()
    {
        Fr[] values = [Fr.FromUInt64(3), Fr.FromUInt64(5), Fr.FromUInt64(7)];
        Fr[] state = [Fr.FromUInt64(3), values[0], values[1], values[2], Fr.Zero];
        Poseidon.Permute(state);
        Assert.Equal(state[0], PoseidonSponge.Hash(values));
    }

    [Fact]
    public void Zero_padding_and_length_are_told_apart()
    {
        Assert.NotEqual(PoseidonSponge.Hash([Fr.Zero]), PoseidonSponge.Hash([Fr.Zero, Fr.Zero]));
        Fr[] four = [Fr.One, Fr.One, Fr.One, Fr.One];
        Assert.NotEqual(PoseidonSponge.Hash(four), PoseidonSponge.Hash([.. four, Fr.Zero]));
        Assert.Throws<ArgumentException>(() => PoseidonSponge.Hash([]));
    }

    [Theory]
    [InlineData(1, 1)]
    [InlineData(4, 1)]
    [InlineData(5, 2)]
    [InlineData(16, 4)]
    [InlineData(19, 5)]
    public void Permutations_per_length(int count, int permutations) =>
        Assert.Equal(permutations, PoseidonSponge.Permutations(count));
}
