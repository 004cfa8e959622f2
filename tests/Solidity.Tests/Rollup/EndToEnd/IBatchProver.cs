// SPDX-License-Identifier: MIT
using ZkOptions.Evm.Harness;
using ZkOptions.Settlement.Batches;

namespace ZkOptions.Solidity.Tests.Rollup.EndToEnd;

/// <summary>A prover of settlement batches (PLONK v1 or v2) and the verifier contract its proofs are checked by.</summary>
public interface IBatchProver : IDisposable
{
    /// <summary>The words of one proof (the verifier's uint256[P]; OptionsRollup's verifierProofWords).</summary>
    int ProofWords { get; }

    /// <summary>Proves <paramref name="batch"/> and checks the proof in C#.</summary>
    BatchProof Prove(Batch batch);

    /// <summary>Generates, compiles and deploys the batch verifier; returns its address.</summary>
    Task<string> DeployVerifierAsync(EthRpcClient rpc);
}
