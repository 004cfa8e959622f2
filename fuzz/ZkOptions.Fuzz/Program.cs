// SPDX-License-Identifier: MIT
using System.Diagnostics;
using System.Globalization;
using SharpFuzz;

namespace ZkOptions.Fuzz;

/// <summary>
/// <c>ZkOptions.Fuzz list | fuzz TARGET | once TARGET | replay TARGET PATH... | mutate TARGET COUNT [SEED] [CORPUS]</c>.
/// <c>fuzz</c> is the AFL++ entry (SharpFuzz's out-of-process fork server: a hang or a crash restarts the child),
/// <c>once</c> the single-run entry for afl-tmin and afl-showmap; both read the input from standard input and turn any
/// contract violation into a crash. <c>replay</c> judges files (a folder means every file in it). <c>mutate</c> is the
/// seeded mutation fuzzer of the CI pass, run for longer, for machines without AFL++.
/// </summary>
public static class Program
{
    /// <summary>Entry point.</summary>
    public static int Main(string[] args)
    {
        if (args.Length == 0 || args[0] is "-h" or "--help")
        {
            Console.Error.WriteLine("usage: ZkOptions.Fuzz list | fuzz TARGET | once TARGET | replay TARGET PATH... | mutate TARGET COUNT [SEED] [CORPUS_DIR]");
            return args.Length == 0 ? 2 : 0;
        }
        try
        {
            switch (args[0])
            {
                case "list":
                    foreach (ReaderTarget t in ReaderTargets.All)
                    {
                        Console.WriteLine($"{t.Name,-20} {t.Description}");
                    }
                    return 0;
                case "fuzz" when args.Length == 2:
                {
                    ReaderTarget target = ReaderTargets.Get(args[1]);
                    Fuzzer.OutOfProcess.Run(stream => Judge(target, stream));
                    return 0;
                }
                case "once" when args.Length == 2:
                {
                    ReaderTarget target = ReaderTargets.Get(args[1]);
                    Fuzzer.RunOnce(stream => Judge(target, stream));
                    return 0;
                }
                case "replay" when args.Length >= 3:
                    return Replay(ReaderTargets.Get(args[1]), args[2..]);
                case "mutate" when args.Length is >= 3 and <= 5:
                    return Mutate(ReaderTargets.Get(args[1]), int.Parse(args[2], CultureInfo.InvariantCulture),
                        args.Length > 3 ? int.Parse(args[3], CultureInfo.InvariantCulture) : 1,
                        args.Length > 4 ? args[4] : Path.Combine(CorpusRoot(), args[1]));
                default:
                    Console.Error.WriteLine($"ZkOptions.Fuzz: bad arguments: {string.Join(' ', args)} (try --help)");
                    return 2;
            }
        }
        catch (ArgumentException e)
        {
            Console.Error.WriteLine($"ZkOptions.Fuzz: {e.Message}");
            return 2;
        }
    }

    // The scratch file the reader is given: in /dev/shm when there is one (no disk write per execution).
    private static string ScratchPath(ReaderTarget target)
    {
        string dir = Environment.GetEnvironmentVariable("ZKOPTIONS_FUZZ_SCRATCH")
            ?? (Directory.Exists("/dev/shm") ? "/dev/shm" : Path.GetTempPath());
        return Path.Combine(dir, $"zkoptions-fuzz-{Environment.ProcessId}-{target.Name}{target.Extension}");
    }

    private static void Judge(ReaderTarget target, Stream stream)
    {
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        // A violation escapes as ContractViolationException: SharpFuzz reports it to AFL++ as a crash.
        ReaderContract.Check(target, buffer.ToArray(), ScratchPath(target));
    }

    private static IEnumerable<string> Files(IEnumerable<string> paths) =>
        paths.SelectMany(p => Directory.Exists(p)
            ? Directory.EnumerateFiles(p, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal)
            : (IEnumerable<string>)[p]);

    private static int Replay(ReaderTarget target, string[] paths)
    {
        string scratch = ScratchPath(target);
        int violations = 0;
        foreach (string file in Files(paths))
        {
            try
            {
                Outcome o = ReaderContract.CheckWithin(target, File.ReadAllBytes(file), scratch, TimeSpan.FromSeconds(5));
                Console.WriteLine($"ok   {file}: {o.Kind.ToString().ToLowerInvariant()} in {o.Elapsed.TotalMilliseconds:0.0} ms{(o.Message is null ? "" : $": {o.Message}")}");
            }
            catch (ContractViolationException e)
            {
                violations++;
                Console.WriteLine($"FAIL {file}: {e.Message}");
                if (e.InnerException is { } inner)
                {
                    Console.WriteLine(inner.ToString());
                }
            }
        }
        File.Delete(scratch);
        return violations == 0 ? 0 : 1;
    }

    private static int Mutate(ReaderTarget target, int count, int seed, string corpus)
    {
        byte[][] seeds = [.. Files([corpus]).Select(File.ReadAllBytes)];
        if (seeds.Length == 0)
        {
            Console.Error.WriteLine($"ZkOptions.Fuzz: no seed files in {corpus}");
            return 2;
        }
        string findings = Path.Combine(Path.GetTempPath(), $"zkoptions-fuzz-findings-{target.Name}");
        Directory.CreateDirectory(findings);
        string scratch = ScratchPath(target);
        var mutator = new Mutator(seed);
        var random = new Random(seed);
        var clock = Stopwatch.StartNew();
        int accepted = 0, violations = 0;
        for (int i = 0; i < count; i++)
        {
            byte[] input = mutator.Mutate(seeds[random.Next(seeds.Length)], target.Binary);
            try
            {
                if (ReaderContract.CheckWithin(target, input, scratch, TimeSpan.FromSeconds(2)).Kind == OutcomeKind.Accepted)
                {
                    accepted++;
                }
            }
            catch (ContractViolationException e)
            {
                violations++;
                string saved = Path.Combine(findings, $"violation-{seed}-{i}{target.Extension}");
                File.WriteAllBytes(saved, input);
                Console.WriteLine($"FAIL #{i}: {e.Message} (input saved to {saved})");
            }
        }
        File.Delete(scratch);
        Console.WriteLine($"{target.Name}: {count} mutants in {clock.Elapsed.TotalSeconds:0.0} s ({count / clock.Elapsed.TotalSeconds:0} per s), "
            + $"{accepted} accepted, {violations} contract violations");
        return violations == 0 ? 0 : 1;
    }

    private static string CorpusRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            string candidate = Path.Combine(dir.FullName, "tests", "Fuzz.Corpus");
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }
        return Path.Combine("tests", "Fuzz.Corpus");
    }
}
