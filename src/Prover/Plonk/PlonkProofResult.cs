// SPDX-License-Identifier: MIT
using ZkOptions.Field;
using ZkOptions.Prover.Formats;

namespace ZkOptions.Prover.Plonk;

/// <summary>A proof and the public signals it proves (outputs first, then public inputs), as snarkjs returns them.</summary>
public sealed record PlonkProofResult(PlonkProof Proof, Fr[] PublicSignals);
