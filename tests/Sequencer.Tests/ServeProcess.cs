// SPDX-License-Identifier: MIT
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace ZkOptions.Sequencer.Tests;

/// <summary>
/// <c>zkoptions serve</c> as a child process on a loopback port (the binary the solution builds, in the test's
/// configuration). Started by the test, stopped by the test: SIGKILL (<see cref="Kill"/>) or SIGTERM (<see cref="Terminate"/>).
/// </summary>
public sealed class ServeProcess : IDisposable
{
    private readonly Process process;
    private readonly List<string> output = [];

    private ServeProcess(Process process, string url)
    {
        this.process = process;
        Url = url;
    }

    public string Url { get; }

    public int ExitCode => process.ExitCode;

    public string Output
    {
        get
        {
            lock (output)
            {
                return string.Join('\n', output);
            }
        }
    }

    /// <summary>The zkoptions binary of this build.</summary>
    public static string Binary
    {
        get
        {
            string testDir = AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar);
            var dir = new DirectoryInfo(testDir);
            while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "zkoptions.sln")))
            {
                dir = dir.Parent;
            }
            string configuration = Path.GetFileName(testDir); // artifacts/bin/<project>/<configuration>
            string path = Path.Combine(dir!.FullName, "artifacts", "bin", "ZkOptions.Cli", configuration, "zkoptions");
            Assert.True(File.Exists(path), $"{path} is missing: build the solution (the test project references the CLI)");
            return path;
        }
    }

    /// <summary>A loopback port nothing listens on now.</summary>
    public static int FreePort()
    {
        var l = new TcpListener(IPAddress.Loopback, 0);
        l.Start();
        int port = ((IPEndPoint)l.LocalEndpoint).Port;
        l.Stop();
        return port;
    }

    /// <summary>Starts <c>zkoptions serve --data DIR --urls http://127.0.0.1:PORT EXTRA…</c> and waits until it listens.</summary>
    public static ServeProcess Start(string dataDirectory, int port, string? operatorToken, params string[] extra)
    {
        string url = $"http://127.0.0.1:{port}";
        var info = new ProcessStartInfo(Binary) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (string a in (string[])["serve", "--data", dataDirectory, "--urls", url, .. extra])
        {
            info.ArgumentList.Add(a);
        }
        if (operatorToken is null)
        {
            info.Environment.Remove("ZKOPTIONS_OPERATOR_TOKEN");
        }
        else
        {
            info.Environment["ZKOPTIONS_OPERATOR_TOKEN"] = operatorToken;
        }
        var serve = new ServeProcess(Process.Start(info)!, url);
        var listening = new TaskCompletionSource();
        serve.process.OutputDataReceived += (_, e) => serve.Line(e.Data, listening);
        serve.process.ErrorDataReceived += (_, e) => serve.Line(e.Data, null);
        serve.process.BeginOutputReadLine();
        serve.process.BeginErrorReadLine();
        if (!listening.Task.Wait(TimeSpan.FromSeconds(60)))
        {
            serve.Kill();
            Assert.Fail($"zkoptions serve did not start within 60 s:\n{serve.Output}");
        }
        return serve;
    }

    private void Line(string? line, TaskCompletionSource? listening)
    {
        if (line is null)
        {
            return;
        }
        lock (output)
        {
            output.Add(line);
        }
        if (line.Contains("listening on", StringComparison.Ordinal))
        {
            listening?.TrySetResult();
        }
    }

    /// <summary>SIGKILL, and waits for the process to be gone.</summary>
    public void Kill()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: false); // SIGKILL on Unix
        }
        process.WaitForExit();
    }

    /// <summary>SIGTERM (a graceful stop), and waits up to 30 s for the exit.</summary>
    public void Terminate()
    {
        using (Process kill = Process.Start("kill", ["-TERM", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)])!)
        {
            kill.WaitForExit();
        }
        if (!process.WaitForExit(TimeSpan.FromSeconds(30)))
        {
            Kill();
            Assert.Fail("zkoptions serve did not stop within 30 s of SIGTERM");
        }
        process.WaitForExit();
    }

    public void Dispose()
    {
        if (disposed)
        {
            return;   // a test's finally disposes what its body may already have
        }
        disposed = true;
        Kill();
        process.Dispose();
    }

    private bool disposed;
}
