// SPDX-License-Identifier: MIT
using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using ZkOptions.Prover.Solidity.Abi;

namespace ZkOptions.Evm.Harness;

/// <summary>
/// A private anvil process on a free 127.0.0.1 port, with an <see cref="EthRpcClient"/> connected to it. Disposing
/// kills the process (tree) and waits for it to exit. Nodes that are never disposed are killed by a finalizer or,
/// at the latest, when the test process exits; only a hard kill of the test process can leave one behind.
/// </summary>
public sealed class AnvilNode : IDisposable, IAsyncDisposable
{
    private const int MaxOutputChars = 64 * 1024;
    private const int StartAttempts = 5;

    /// <summary>Every anvil still running, by process id, so the process-exit hook can stop what tests forgot to.</summary>
    private static readonly ConcurrentDictionary<int, Process> Running = new();

    private readonly Process _process;
    private readonly StringBuilder _output;
    private int _disposed;

    static AnvilNode()
    {
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            foreach (int pid in Running.Keys)
            {
                Stop(pid, TimeSpan.FromSeconds(2));
            }
        };
    }

    private AnvilNode(Process process, StringBuilder output, int port, EthRpcClient rpc, IReadOnlyList<string> accounts, string commandLine)
    {
        _process = process;
        _output = output;
        Port = port;
        ProcessId = process.Id;
        Rpc = rpc;
        Accounts = accounts;
        CommandLine = commandLine;
    }

    /// <summary>Finalizer: stops anvil when a node was dropped without being disposed.</summary>
    ~AnvilNode() => Stop(ProcessId, TimeSpan.FromSeconds(2));

    /// <summary>The port anvil listens on (127.0.0.1).</summary>
    public int Port { get; }

    /// <summary>The JSON-RPC endpoint, e.g. <c>http://127.0.0.1:40123</c>.</summary>
    public string RpcUrl => $"http://127.0.0.1:{Port}";

    /// <summary>The anvil process id.</summary>
    public int ProcessId { get; }

    /// <summary>The unlocked dev accounts (<c>eth_accounts</c>, in EIP-55 checksummed form), funded with 10,000 ETH each.</summary>
    public IReadOnlyList<string> Accounts { get; }

    /// <summary>A JSON-RPC client for this node.</summary>
    public EthRpcClient Rpc { get; }

    /// <summary>The command that started anvil (for diagnostics).</summary>
    public string CommandLine { get; }

    /// <summary>Whether the anvil process has exited.</summary>
    public bool HasExited => Volatile.Read(ref _disposed) == 1 || _process.HasExited;

    /// <summary>The last 64 KiB of what anvil printed (stdout and stderr interleaved).</summary>
    public string RecentOutput
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    /// <summary>Starts anvil and waits until it answers; see <see cref="StartAsync"/>.</summary>
    public static AnvilNode Start(AnvilOptions? options = null) => StartAsync(options).GetAwaiter().GetResult();

    /// <summary>
    /// Starts anvil on a free port and waits until <c>eth_chainId</c> answers. If anvil cannot bind the port (another
    /// process took it between the probe and the bind) it retries on a new one, a few times.
    /// </summary>
    /// <exception cref="FileNotFoundException">anvil is not installed (run <c>npm ci --prefix tools</c>).</exception>
    /// <exception cref="TimeoutException">anvil did not answer in time; the message includes its output.</exception>
    /// <exception cref="InvalidOperationException">anvil exited during startup; the message includes its output.</exception>
    public static async Task<AnvilNode> StartAsync(AnvilOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new AnvilOptions();
        string anvil = NpmTools.Anvil;
        for (int attempt = 1; ; attempt++)
        {
            int port = FreePort();
            IReadOnlyList<string> args = options.Arguments(port);
            string commandLine = $"{anvil} {string.Join(' ', args)}";
            var output = new StringBuilder();
            Process process = Launch(anvil, args, output);
            var rpc = new EthRpcClient(new Uri($"http://127.0.0.1:{port}"));
            try
            {
                await WaitUntilAnsweringAsync(process, rpc, options.StartupTimeout, commandLine, output, cancellationToken);
                IReadOnlyList<string> accounts = [.. (await rpc.AccountsAsync(cancellationToken)).Select(Checksummed)];
                return new AnvilNode(process, output, port, rpc, accounts, commandLine);
            }
            catch (AddressInUseException) when (attempt < StartAttempts)
            {
                rpc.Dispose();
                Stop(process.Id, TimeSpan.FromSeconds(5));
            }
            catch
            {
                rpc.Dispose();
                Stop(process.Id, TimeSpan.FromSeconds(5));
                throw;
            }
        }
    }

    /// <summary>Kills anvil and waits for it to exit.</summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            Stop(ProcessId, TimeSpan.FromSeconds(10));
            Rpc.Dispose();
            GC.SuppressFinalize(this);
        }
    }

    /// <summary>Kills anvil and waits for it to exit.</summary>
    public ValueTask DisposeAsync()
    {
        Dispose();
        return ValueTask.CompletedTask;
    }

    private static Process Launch(string anvil, IReadOnlyList<string> args, StringBuilder output)
    {
        var info = new ProcessStartInfo(anvil)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = false,
            UseShellExecute = false,
        };
        foreach (string arg in args)
        {
            info.ArgumentList.Add(arg);
        }
        var process = new Process { StartInfo = info };
        // Both streams are drained continuously (anvil logs every request); only the tail is kept.
        DataReceivedEventHandler append = (_, e) =>
        {
            if (e.Data is null)
            {
                return;
            }
            lock (output)
            {
                output.AppendLine(e.Data);
                if (output.Length > MaxOutputChars)
                {
                    output.Remove(0, output.Length - MaxOutputChars);
                }
            }
        };
        process.OutputDataReceived += append;
        process.ErrorDataReceived += append;
        if (!process.Start())
        {
            throw new InvalidOperationException($"Could not start {anvil}.");
        }
        Running[process.Id] = process;
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private static async Task WaitUntilAnsweringAsync(
        Process process, EthRpcClient rpc, TimeSpan timeout, string commandLine, StringBuilder output, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (process.HasExited)
            {
                process.WaitForExit(); // flush the output readers
                string text = Snapshot(output);
                if (text.Contains("in use", StringComparison.OrdinalIgnoreCase))
                {
                    throw new AddressInUseException();
                }
                throw new InvalidOperationException($"anvil exited with code {process.ExitCode} during startup.\nCommand: {commandLine}\nOutput:\n{text}");
            }
            try
            {
                using var attempt = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                attempt.CancelAfter(TimeSpan.FromSeconds(1));
                await rpc.ChainIdAsync(attempt.Token);
                return;
            }
            catch (Exception e) when (e is HttpRequestException or OperationCanceledException && !cancellationToken.IsCancellationRequested)
            {
                // Not listening yet.
            }
            if (clock.Elapsed > timeout)
            {
                throw new TimeoutException($"anvil did not answer eth_chainId within {timeout}.\nCommand: {commandLine}\nOutput:\n{Snapshot(output)}");
            }
            await Task.Delay(25, cancellationToken);
        }
    }

    /// <summary>Kills a process we started (by id, with its children) and waits for it to exit; a no-op once it has.</summary>
    private static void Stop(int pid, TimeSpan wait)
    {
        if (!Running.TryRemove(pid, out Process? process))
        {
            return;
        }
        try
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }
            process.WaitForExit(wait);
        }
        catch (InvalidOperationException)
        {
            // Exited in between.
        }
        finally
        {
            process.Dispose();
        }
    }

    private static string Checksummed(string address) => EthereumAddress.ToChecksumString(EthereumAddress.Parse(address));

    private static int FreePort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        try
        {
            return ((IPEndPoint)listener.LocalEndpoint).Port;
        }
        finally
        {
            listener.Stop();
        }
    }

    private static string Snapshot(StringBuilder output)
    {
        lock (output)
        {
            return output.ToString();
        }
    }

    /// <summary>anvil could not bind its port; <see cref="StartAsync"/> retries on another.</summary>
    private sealed class AddressInUseException : Exception;
}
