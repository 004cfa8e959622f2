// SPDX-License-Identifier: MIT
namespace ZkOptions.Evm.Harness;

/// <summary>solc reported errors; the message lists solc's formatted messages.</summary>
public sealed class SolidityCompilationException : Exception
{
    /// <summary>Creates the exception from solc's diagnostics (the errors are quoted in the message).</summary>
    public SolidityCompilationException(IReadOnlyList<SolcDiagnostic> diagnostics)
        : base("solc failed:" + Environment.NewLine +
               string.Join(Environment.NewLine, diagnostics.Where(d => d.IsError).Select(d => d.FormattedMessage.TrimEnd())))
    {
        Diagnostics = diagnostics;
    }

    /// <summary>Everything solc reported, errors and warnings.</summary>
    public IReadOnlyList<SolcDiagnostic> Diagnostics { get; }

    /// <summary>Only the errors.</summary>
    public IReadOnlyList<SolcDiagnostic> Errors => [.. Diagnostics.Where(d => d.IsError)];
}
