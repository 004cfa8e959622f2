// SPDX-License-Identifier: MIT
namespace ZkOptions.Evm.Harness;

/// <summary>A deployed contract's address and the receipt of its creation transaction.</summary>
/// <param name="Address">The new contract's address.</param>
/// <param name="Receipt">The creation receipt (its <see cref="TransactionReceipt.GasUsed"/> is the deployment cost).</param>
public sealed record DeploymentResult(string Address, TransactionReceipt Receipt);
