// SPDX-License-Identifier: MIT
using System.Diagnostics;
using System.Text;

namespace ZkOptions.Evm.Harness;

/// <summary>What a finished tool process printed and how it exited.</summary>
/// <param name="ExitCode">The process exit code.</param>
/// <param name="StandardOutput">Everything written to stdout.</param>
/// <param name="StandardError">Everything written to stderr.</param>
public sealed record ToolRun(int ExitCode, string StandardOutput, string StandardError)
{
    /// <summary>
    /// Runs <paramref name="fileName"/> to completion, feeding <paramref name="standardInput"/> and reading both output
    /// streams concurrently (so neither pipe can fill up and stall the tool). On timeout or cancellation the process
    /// tree is killed before the exception propagates.
    /// </summary>
    public static async Task<ToolRun> RunAsync(
        string fileName, IEnumerable<string> arguments, string? standardInput = null, TimeSpan? timeout = null,
        CancellationToken cancellationToken = default)
    {
        var info = new ProcessStartInfo(fileName)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        foreach (string argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }
        using var process = Process.Start(info) ?? throw new InvalidOperationException($"Could not start {fileName}.");
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(timeout ?? TimeSpan.FromMinutes(2));
        try
        {
            Task<string> stdout = process.StandardOutput.ReadToEndAsync(limit.Token);
            Task<string> stderr = process.StandardError.ReadToEndAsync(limit.Token);
            if (standardInput is not null)
            {
                try
                {
                    // UTF-8 without a byte-order mark: tools parse stdin as plain JSON/text.
                    await using var input = new StreamWriter(process.StandardInput.BaseStream, new UTF8Encoding(false));
                    await input.WriteAsync(standardInput.AsMemory(), limit.Token);
                }
                catch (IOException)
                {
                    // The tool exited without reading all of its input; its exit code and stderr say why.
                }
            }
            else
            {
                process.StandardInput.Close();
            }
            await process.WaitForExitAsync(limit.Token);
            return new ToolRun(process.ExitCode, await stdout, await stderr);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            KillQuietly(process);
            throw new TimeoutException($"{Path.GetFileName(fileName)} did not finish within {timeout ?? TimeSpan.FromMinutes(2)}.");
        }
        catch
        {
            KillQuietly(process);
            throw;
        }
    }

    private static void KillQuietly(Process process)
    {
        try
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit(5000);
        }
        catch (InvalidOperationException)
        {
            // Already exited.
        }
    }
}
