// SPDX-License-Identifier: MIT
namespace ZkOptions.Evm.Harness;

/// <summary>Runs the pinned Foundry <c>cast</c> binary: an independent oracle for ABI encoding and a quick RPC client.</summary>
public static class CastCli
{
    /// <summary>Runs <c>cast</c> with <paramref name="arguments"/> and returns its trimmed stdout.</summary>
    /// <exception cref="InvalidOperationException">cast exited with a nonzero code; the message carries its stderr.</exception>
    public static async Task<string> RunAsync(IEnumerable<string> arguments, CancellationToken cancellationToken = default)
    {
        string[] args = [.. arguments];
        ToolRun run = await ToolRun.RunAsync(NpmTools.Cast, args, timeout: TimeSpan.FromSeconds(60), cancellationToken: cancellationToken);
        if (run.ExitCode != 0)
        {
            throw new InvalidOperationException(
                $"cast {string.Join(' ', args.Select(Quote))} exited with {run.ExitCode}: {run.StandardError.Trim()}");
        }
        return run.StandardOutput.Trim();
    }

    /// <summary>Runs <c>cast</c> with <paramref name="arguments"/> and returns its trimmed stdout.</summary>
    public static Task<string> RunAsync(params string[] arguments) => RunAsync((IEnumerable<string>)arguments);

    private static string Quote(string argument) =>
        argument.Length > 0 && argument.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or '/' or ':')
            ? argument
            : "'" + argument.Replace("'", "'\\''") + "'";
}
