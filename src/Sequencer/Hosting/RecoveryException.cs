// SPDX-License-Identifier: MIT
namespace ZkOptions.Sequencer.Hosting;

/// <summary>The journal does not reproduce the state it recorded: the service must not start on it.</summary>
public sealed class RecoveryException(string message) : Exception(message);
