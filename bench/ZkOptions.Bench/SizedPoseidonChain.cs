// SPDX-License-Identifier: MIT
using System.Text.Json;
using ZkOptions.Circuit;
using ZkOptions.Field;

namespace ZkOptions.Bench;

/// <summary>
/// The catalog's poseidon-chain with a length of the benchmark's choosing (<c>poseidon-chain-N</c>: N hashes
/// hᵢ₊₁ = Poseidon(hᵢ, i) from a secret h₀ = 7 to a public h_N), so the prover's memory can be measured at any size.
/// </summary>
internal sealed class SizedPoseidonChain(int length) : Circuit.Circuit
{
    /// <summary>The name prefix that selects this circuit.</summary>
    public const string Prefix = "poseidon-chain-";

#pragma warning disable CS0649 // assigned by the DSL's compiler through reflection
    [Public("last")] public Variable Last;
    [Secret("first")] public Variable First;
#pragma warning restore CS0649

    public override void Define(Api api)
    {
        var h = First;
        for (int i = 0; i < length; i++)
        {
            h = Circuit.Std.Poseidon.Hash(api, [h, i]);
        }
        api.AssertEqual(h, Last);
    }

    /// <summary>The example input: h₀ = 7 and the h_N it hashes to.</summary>
    public string ExampleInput()
    {
        var h = Fr.FromUInt64(7);
        for (int i = 0; i < length; i++)
        {
            h = Field.Hashing.Poseidon.Hash(h, Fr.FromUInt64((ulong)i));
        }
        return JsonSerializer.Serialize(new { last = h.ToString(), first = "7" });
    }
}
