// SPDX-License-Identifier: MIT
namespace ZkOptions.Evm.Harness;

/// <summary>One entry of solc's <c>errors</c> output (errors, warnings and infos alike).</summary>
/// <param name="Severity">"error", "warning" or "info".</param>
/// <param name="Type">solc's category, e.g. "ParserError", "TypeError", "Warning".</param>
/// <param name="Message">The short message.</param>
/// <param name="FormattedMessage">The message with its source excerpt, as solc prints it.</param>
/// <param name="SourcePath">The source the message points into, when it points into one.</param>
public sealed record SolcDiagnostic(string Severity, string Type, string Message, string FormattedMessage, string? SourcePath)
{
    /// <summary>Whether this diagnostic stops compilation.</summary>
    public bool IsError => Severity == "error";
}
