// SPDX-License-Identifier: MIT
using ZkOptions.Prover.PlonkV2;

namespace ZkOptions.Prover.Solidity.V2;

/// <summary>
/// The gas of one <c>verifyProof</c> transaction to the generated PLONK v2 verifier, predicted without an EVM: the
/// key's floor (its precompile calls, the 21,000 base and the actual calldata, <see cref="PlonkV2VerifierCost.Floor"/>)
/// plus the rest of the execution measured on anvil. Tests hold it to the receipt of a real transaction.
/// </summary>
public static class PlonkV2VerifierGasModel
{
    /// <summary>
    /// Execution above the floor: 95 precompile calls at 100 gas, the transcript's Keccak, the range checks of the points
    /// and scalars, the identities' field operations and memory (58,877 and 58,913 on anvil for two domain sizes).
    /// </summary>
    public const long AboveFloor = 58_900;

    /// <summary>The gas of a <c>verifyProof</c> transaction for <paramref name="key"/> with this calldata.</summary>
    public static long Transaction(PlonkV2VerifyingKey key, ReadOnlySpan<byte> calldata) =>
        PlonkV2SolidityVerifier.Cost(key).Floor(VerifierGasModel.Calldata(calldata)) + AboveFloor;
}
