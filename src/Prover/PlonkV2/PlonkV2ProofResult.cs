// SPDX-License-Identifier: MIT
using ZkOptions.Field;

namespace ZkOptions.Prover.PlonkV2;

/// <summary>A PLONK v2 proof and the public inputs it was made for (witness wires 1..PublicCount).</summary>
public sealed record PlonkV2ProofResult(PlonkV2Proof Proof, Fr[] PublicInputs);
