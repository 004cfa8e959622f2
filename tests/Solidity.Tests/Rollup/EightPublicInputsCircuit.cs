// SPDX-License-Identifier: MIT
using ZkOptions.Circuit;

namespace ZkOptions.Solidity.Tests.Rollup;

/// <summary>
/// A stand-in for the batch circuit with the same public interface: exactly 8 public inputs (old root, new root,
/// timestamp, queue hash before and after, epoch commitment, data commitment, exit commitment) and one secret, their
/// weighted sum Σ (i + 1)·pᵢ. Any 8 values below r have a witness, so the rollup tests make genuine PLONK proofs for
/// whatever public inputs a scenario needs, verified by a real generated verifier.
/// </summary>
public sealed class EightPublicInputsCircuit : ZkOptions.Circuit.Circuit
{
    public const int PublicCount = 8;

    [Public("publicInputs")] public Variable[] PublicInputs = new Variable[PublicCount];
    [Secret("weightedSum")] public Variable WeightedSum;

    public override void Define(Api api)
    {
        Variable sum = PublicInputs[0];
        for (int i = 1; i < PublicCount; i++)
        {
            sum = sum + PublicInputs[i] * (i + 1);
        }
        api.AssertEqual(sum, WeightedSum);
    }
}
