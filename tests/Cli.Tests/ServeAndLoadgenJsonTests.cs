// SPDX-License-Identifier: MIT
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.Json.Nodes;

namespace ZkOptions.Cli.Tests;

/// <summary>
/// <c>serve --json</c> and <c>loadgen --json</c> print their objects as their schemas say: the service runs as a
/// process on a loopback port (it serves until SIGTERM), loadgen runs in-process against it for a second.
/// </summary>
public sealed class ServeAndLoadgenJsonTests : IDisposable
{
    private readonly string dir = Path.Combine(Path.GetTempPath(), "zko-cli-serve-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task Serve_and_loadgen_print_one_object_each_matching_their_schemas()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        int port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        string url = $"http://127.0.0.1:{port}";
        string testDir = AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar);
        string binary = CliRunner.RepoFile("artifacts", "bin", "ZkOptions.Cli", Path.GetFileName(testDir), "zkoptions");
        var info = new ProcessStartInfo(binary) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (string a in new[] { "serve", "--data", dir, "--urls", url, "--json" })
        {
            info.ArgumentList.Add(a);
        }
        info.Environment["ZKOPTIONS_OPERATOR_TOKEN"] = "cli-json-test";
        using Process serve = Process.Start(info)!;
        var listening = new TaskCompletionSource();
        var stderr = new List<string>();
        serve.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is { } line)
            {
                lock (stderr)
                {
                    stderr.Add(line);
                }
                if (line.Contains("listening on", StringComparison.Ordinal))
                {
                    listening.TrySetResult();
                }
            }
        };
        serve.BeginErrorReadLine();
        Task<string> stdout = serve.StandardOutput.ReadToEndAsync();
        try
        {
            await listening.Task.WaitAsync(TimeSpan.FromSeconds(60));
            Environment.SetEnvironmentVariable("ZKOPTIONS_OPERATOR_TOKEN", "cli-json-test");
            var (exit, report, err) = JsonOutputTests.RunJson("loadgen", "--url", url, "--accounts", "4", "--rate", "50", "--duration", "1", "--seed", "5");
            Assert.True(exit == 0, err);
            JsonOutputTests.AssertMatches("loadgen", report);
            Assert.True((long)report["acked"]! > 0, report.ToJsonString());
        }
        finally
        {
            Environment.SetEnvironmentVariable("ZKOPTIONS_OPERATOR_TOKEN", null);
            using (Process term = Process.Start("kill", ["-TERM", serve.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)])!)
            {
                term.WaitForExit();
            }
            if (!serve.WaitForExit(TimeSpan.FromSeconds(30)))
            {
                serve.Kill();
            }
        }
        Assert.Equal(0, serve.ExitCode);
        string printed = await stdout;
        string[] lines = printed.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.True(lines.Length == 1, $"serve --json printed {lines.Length} lines on stdout: {printed}");
        JsonObject json = JsonNode.Parse(lines[0])!.AsObject();
        JsonOutputTests.AssertMatches("serve", json);
        Assert.True((long)json["sequence"]! > 0);
    }

    public void Dispose()
    {
        if (Directory.Exists(dir))
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}
