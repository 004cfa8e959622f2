// SPDX-License-Identifier: MIT
namespace ZkOptions.Cli;

/// <summary>The process exit codes every verb uses, so pipelines can branch on them.</summary>
public static class ExitCodes
{
    /// <summary>Success.</summary>
    public const int Ok = 0;

    /// <summary>The input was well-formed but the answer is "no": an invalid proof, an unsatisfied circuit.</summary>
    public const int Rejected = 1;

    /// <summary>Bad input or usage: a malformed file, flag or value. The message names it.</summary>
    public const int BadInput = 2;

    /// <summary>A bug in zkoptions. Set ZKOPTIONS_DEBUG=1 for the stack trace and please report it.</summary>
    public const int InternalError = 3;
}
