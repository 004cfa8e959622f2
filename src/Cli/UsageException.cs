// SPDX-License-Identifier: MIT
namespace ZkOptions.Cli;

/// <summary>Bad input or usage detected by a command; reported as one line on stderr with exit code 2.</summary>
public sealed class UsageException(string message) : Exception(message);
