// SPDX-License-Identifier: MIT
namespace ZkOptions.Evm.Harness;

/// <summary>
/// Finds the repository checkout and the pinned tools that <c>npm ci --prefix tools</c> installs (anvil, cast, solcjs)
/// plus node itself. A missing tool raises <see cref="FileNotFoundException"/> naming it and the command that installs
/// it: tests that need these tools fail loudly instead of skipping.
/// </summary>
public static class NpmTools
{
    private const string InstallHint = "run `npm ci --prefix tools` in the repository root";

    private static readonly Lazy<string> Root = new(FindRoot);

    /// <summary>The checkout root: the nearest directory above <see cref="AppContext.BaseDirectory"/> holding zkoptions.sln.</summary>
    public static string RepoRoot => Root.Value;

    /// <summary><c>tools/</c>, where package.json pins the JavaScript and Foundry tools.</summary>
    public static string ToolsDirectory => Path.Combine(RepoRoot, "tools");

    /// <summary>The pinned anvil binary (tools/node_modules/.bin/anvil).</summary>
    public static string Anvil => Binary("anvil");

    /// <summary>The pinned cast binary (tools/node_modules/.bin/cast).</summary>
    public static string Cast => Binary("cast");

    /// <summary>The solc npm package directory (tools/node_modules/solc), loaded by <see cref="SolcScript"/>.</summary>
    public static string SolcPackage
    {
        get
        {
            string dir = Path.Combine(ToolsDirectory, "node_modules", "solc");
            if (!File.Exists(Path.Combine(dir, "package.json")) || !File.Exists(Path.Combine(dir, "soljson.js")))
            {
                throw new FileNotFoundException($"solcjs is missing: {dir} has no installed solc package; {InstallHint}.", dir);
            }
            return dir;
        }
    }

    /// <summary>The node script that runs solcjs on standard JSON (tests/Evm.Harness/solc-standard-json.mjs).</summary>
    public static string SolcScript
    {
        get
        {
            string path = Path.Combine(RepoRoot, "tests", "Evm.Harness", "solc-standard-json.mjs");
            return File.Exists(path) ? path : throw new FileNotFoundException($"The solc driver script is missing: {path}.", path);
        }
    }

    /// <summary>The <c>node</c> executable on PATH.</summary>
    public static string Node
    {
        get
        {
            string? path = Environment.GetEnvironmentVariable("PATH");
            foreach (string dir in (path ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
            {
                foreach (string name in OperatingSystem.IsWindows() ? ["node.exe", "node.cmd"] : new[] { "node" })
                {
                    string candidate = Path.Combine(dir, name);
                    if (File.Exists(candidate))
                    {
                        return candidate;
                    }
                }
            }
            throw new FileNotFoundException($"node is missing: no node executable on PATH ({path}); install Node.js 20, then {InstallHint}.", "node");
        }
    }

    private static string Binary(string name)
    {
        string path = Path.Combine(ToolsDirectory, "node_modules", ".bin", OperatingSystem.IsWindows() ? name + ".exe" : name);
        return File.Exists(path)
            ? path
            : throw new FileNotFoundException($"{name} is missing: {path} does not exist; {InstallHint}.", path);
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "zkoptions.sln")))
            {
                return dir.FullName;
            }
        }
        throw new InvalidOperationException($"zkoptions.sln not found above {AppContext.BaseDirectory}; run from a checkout of the repository.");
    }
}
