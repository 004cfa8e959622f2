// SPDX-License-Identifier: MIT
using System.Diagnostics;
using ZkOptions.Field;
using ZkOptions.Prover.Formats;
using ZkOptions.Settlement.Serialization;

namespace ZkOptions.Fuzz;

/// <summary>How a reader ended on one input that kept the contract.</summary>
public enum OutcomeKind
{
    /// <summary>The reader returned: the input is valid.</summary>
    Accepted,

    /// <summary>The reader threw an exception the CLI maps to exit code 2, naming the file.</summary>
    Rejected,
}

/// <summary>One run of a reader on one input that kept the contract.</summary>
/// <param name="Kind">Accepted or rejected.</param>
/// <param name="Message">The rejection's message (null when accepted).</param>
/// <param name="Elapsed">Wall time of the read.</param>
/// <param name="AllocatedBytes">Bytes the reading thread allocated.</param>
public sealed record Outcome(OutcomeKind Kind, string? Message, TimeSpan Elapsed, long AllocatedBytes);

/// <summary>A reader broke the contract on an input: the message says how; <see cref="Exception.InnerException"/> is what it threw.</summary>
public sealed class ContractViolationException(string target, string problem, Exception? inner = null)
    : Exception($"{target}: {problem}", inner)
{
    /// <summary>The target's name.</summary>
    public string Target { get; } = target;
}

/// <summary>
/// The contract every reader of external input keeps (issue 8, "parsers that never crash"): on any bytes it either
/// succeeds or throws one of the exceptions the CLI turns into exit code 2 (<see cref="InputFileException"/>,
/// <see cref="SettlementInputException"/>, <see cref="EncodingException"/>, <see cref="PrecompileException"/>, the
/// CLI's UsageException), with a message that names the file; it never throws anything else, never allocates far
/// more than the input could justify (a header that claims 2^40 elements must be checked against the file length
/// first), and never hangs (the caller enforces the time limit: AFL's -t, or <see cref="CheckWithin"/>).
/// </summary>
public static class ReaderContract
{
    /// <summary>Allocation allowed for any input, on top of <see cref="AllocationPerInputByte"/> per input byte.</summary>
    public const long AllocationFloor = 64L << 20;

    /// <summary>Allocation allowed per byte of input (parsed trees and decoded points are some tens of times larger than their text).</summary>
    public const long AllocationPerInputByte = 256;

    /// <summary>Whether the CLI maps <paramref name="e"/> to exit code 2 (CliApp.Run's list, and a CLI run that exited 2).</summary>
    public static bool IsMapped(Exception e) =>
        e is InputFileException or SettlementInputException or EncodingException or PrecompileException or CliInputRejectedException
        || e.GetType().FullName == "ZkOptions.Cli.UsageException";

    /// <summary>
    /// Writes <paramref name="input"/> to <paramref name="path"/>, runs <paramref name="target"/> on it and judges the
    /// result; throws <see cref="ContractViolationException"/> when the contract is broken.
    /// </summary>
    public static Outcome Check(ReaderTarget target, byte[] input, string path)
    {
        File.WriteAllBytes(path, input);
        long allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
        var clock = Stopwatch.StartNew();
        Outcome outcome;
        try
        {
            target.Read(path);
            outcome = new Outcome(OutcomeKind.Accepted, null, clock.Elapsed, 0);
        }
        catch (Exception e) when (IsMapped(e))
        {
            if (!e.Message.Contains(path, StringComparison.Ordinal))
            {
                throw new ContractViolationException(target.Name, $"{e.GetType().Name} does not name the file {path}: {e.Message}", e);
            }
            outcome = new Outcome(OutcomeKind.Rejected, e.Message, clock.Elapsed, 0);
        }
        catch (OutOfMemoryException e)
        {
            throw new ContractViolationException(target.Name, $"ran out of memory on a {input.Length}-byte input (a size read from the input was trusted)", e);
        }
        catch (Exception e)
        {
            throw new ContractViolationException(target.Name, $"threw {e.GetType().FullName}, which the CLI reports as an internal error: {e.Message}", e);
        }
        long allocated = GC.GetAllocatedBytesForCurrentThread() - allocatedBefore;
        long budget = AllocationFloor + AllocationPerInputByte * input.Length;
        if (allocated > budget)
        {
            throw new ContractViolationException(target.Name,
                $"allocated {allocated} bytes for a {input.Length}-byte input (budget {budget}): a size read from the input was trusted");
        }
        return outcome with { AllocatedBytes = allocated };
    }

    /// <summary>
    /// <see cref="Check"/> on a worker thread, failing when it takes longer than <paramref name="limit"/> (a hang; the
    /// worker is abandoned, which is all .NET allows).
    /// </summary>
    public static Outcome CheckWithin(ReaderTarget target, byte[] input, string path, TimeSpan limit)
    {
        var run = Task.Factory.StartNew(() => Check(target, input, path), CancellationToken.None,
            TaskCreationOptions.LongRunning, TaskScheduler.Default);
        if (Task.WaitAny([run], limit) < 0)
        {
            throw new ContractViolationException(target.Name, $"did not finish within {limit.TotalSeconds:0.#} s on a {input.Length}-byte input (a hang)");
        }
        return run.GetAwaiter().GetResult();
    }
}
