// SPDX-License-Identifier: MIT
using System.Diagnostics;
using Npgsql;

namespace ZkOptions.Sequencer.Tests;

/// <summary>
/// A PostgreSQL 15 server the tests own: <c>initdb</c> into a temporary directory, <c>postgres</c> on a loopback port
/// (and a socket in that directory), trust authentication; stopped by its pid (SIGINT, a fast shutdown) and deleted at
/// the end. PostgreSQL refuses to run as root, so under root it runs as the <c>postgres</c> user.
/// </summary>
public sealed class TestPostgres : IAsyncLifetime
{
    private readonly string dir = Path.Combine(Path.GetTempPath(), "zko-pg-" + Guid.NewGuid().ToString("N"));
    private int databases;

    public int Port { get; } = ServeProcess.FreePort();

    /// <summary>A connection string to a new, empty database.</summary>
    public string NewDatabase()
    {
        string name = "journal" + Interlocked.Increment(ref databases);
        using (var c = new NpgsqlConnection(Connection("postgres")))
        {
            c.Open();
            using var create = new NpgsqlCommand($"CREATE DATABASE {name}", c);
            create.ExecuteNonQuery();
        }
        return Connection(name);
    }

    private string Connection(string database) => $"Host=127.0.0.1;Port={Port};Username=postgres;Database={database};Pooling=false";

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(dir);
        bool root = Environment.UserName == "root";
        if (root)
        {
            Run("chown", "postgres", dir);
        }
        Run(root, "initdb", "-D", Path.Combine(dir, "data"), "-U", "postgres", "--auth=trust", "-N");
        var info = Info(root, "postgres", "-D", Path.Combine(dir, "data"), "-p", Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "-k", dir, "-c", "listen_addresses=127.0.0.1");
        info.RedirectStandardError = true;
        info.RedirectStandardOutput = true;
        Process server = Process.Start(info)!;
        server.BeginErrorReadLine();
        server.BeginOutputReadLine();
        for (int i = 0; i < 300; i++)
        {
            try
            {
                await using var c = new NpgsqlConnection(Connection("postgres"));
                await c.OpenAsync();
                return;
            }
            catch (NpgsqlException) when (!server.HasExited)
            {
                await Task.Delay(100);
            }
        }
        Assert.Fail("the test's PostgreSQL did not accept connections within 30 s");
    }

    public async Task DisposeAsync()
    {
        string pidFile = Path.Combine(dir, "data", "postmaster.pid");
        if (File.Exists(pidFile) && int.TryParse(File.ReadLines(pidFile).First(), out int pid))
        {
            using (Process stop = Process.Start("kill", ["-INT", pid.ToString(System.Globalization.CultureInfo.InvariantCulture)])!)
            {
                await stop.WaitForExitAsync();
            }
            for (int i = 0; i < 100 && File.Exists(pidFile); i++)
            {
                await Task.Delay(100);
            }
        }
        Directory.Delete(dir, recursive: true);
    }

    private static ProcessStartInfo Info(bool asPostgres, string file, params string[] args)
    {
        var info = new ProcessStartInfo(asPostgres ? "runuser" : file) { UseShellExecute = false };
        if (asPostgres)
        {
            foreach (string a in new[] { "-u", "postgres", "--", file })
            {
                info.ArgumentList.Add(a);
            }
        }
        foreach (string a in args)
        {
            info.ArgumentList.Add(a);
        }
        return info;
    }

    private static void Run(bool asPostgres, string file, params string[] args)
    {
        ProcessStartInfo info = Info(asPostgres, file, args);
        info.RedirectStandardOutput = true;
        info.RedirectStandardError = true;
        using Process p = Process.Start(info)!;
        string output = p.StandardOutput.ReadToEnd() + p.StandardError.ReadToEnd();
        p.WaitForExit();
        Assert.True(p.ExitCode == 0, $"{file} exited {p.ExitCode}: {output}");
    }

    private static void Run(string file, params string[] args) => Run(false, file, args);
}
