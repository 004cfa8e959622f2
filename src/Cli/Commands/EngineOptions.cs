// SPDX-License-Identifier: MIT
using System.CommandLine;
using ZkOptions.Cli.Output;
using ZkOptions.Prover;
using ZkOptions.Prover.Engines;
using ZkOptions.Prover.Engines.Cpu;
using ZkOptions.Prover.Engines.Gpu;

namespace ZkOptions.Cli.Commands;

/// <summary>
/// --device auto|cpu|gpu and --threads N, shared by the verbs that compute (prove, setup). `gpu` without a CUDA device
/// is a usage error; `auto` uses CUDA when ILGPU finds a device and otherwise says on stderr that it runs on the CPU.
/// --threads caps the CPU engine's MSMs and NTTs and, through <see cref="ParallelLimit"/>, every other parallel loop
/// of the run (reading keys and witnesses, the prover's per-point loops); a negative count is a usage error.
/// </summary>
internal sealed class EngineOptions
{
    public Option<string> Device { get; } = new("--device")
    {
        Description = "Where MSMs and NTTs run: auto (CUDA if present, else CPU), cpu, or gpu (CUDA, required).",
        DefaultValueFactory = _ => "auto",
    };

    public Option<int> Threads { get; } = CreateThreads();

    private static Option<int> CreateThreads()
    {
        var threads = new Option<int>("--threads")
        {
            Description = "CPU threads for the CPU engine's MSMs and NTTs and for the other parallel loops (0 = all cores).",
            DefaultValueFactory = _ => 0,
            HelpName = "N",
        };
        // A parse error, so the mistake costs nothing and exits 2 before any file is read.
        threads.Validators.Add(result =>
        {
            // The tokens, not GetValueOrDefault, which throws when the value is not an integer (that error is reported already).
            if (result.Tokens is [.., var last] && int.TryParse(last.Value, System.Globalization.CultureInfo.InvariantCulture, out int n) && n < 0)
            {
                result.AddError($"--threads: {n} is negative; use 0 for all cores.");
            }
        });
        return threads;
    }

    public void AddTo(Command command)
    {
        Device.AcceptOnlyFromAmong("auto", "cpu", "gpu");
        command.Add(Device);
        command.Add(Threads);
    }

    /// <summary>
    /// Caps every parallel loop of the run at --threads until the returned scope is disposed. Verbs call it first,
    /// so that reading the inputs is capped too; <see cref="Create"/> applies the same cap for the engines' lifetime.
    /// </summary>
    public IDisposable LimitThreads(ParseResult parse) => ParallelLimit.Apply(parse.GetValue(Threads));

    /// <summary>Creates the engines (and caps the run's threads while they live); the caller disposes the returned scope.</summary>
    public Engines Create(ParseResult parse)
    {
        int threads = parse.GetValue(Threads);
        IDisposable limit = ParallelLimit.Apply(threads);
        try
        {
            Engines engines = CreateEngines(parse, threads);
            engines.ThreadLimit = limit;
            return engines;
        }
        catch
        {
            limit.Dispose();
            throw;
        }
    }

    private Engines CreateEngines(ParseResult parse, int threads)
    {
        string device = parse.GetValue(Device)!;
        TextWriter stderr = CommandRun.Of(parse).Err;
        switch (device)
        {
            case "cpu":
                return Engines.Cpu(threads);
            case "gpu":
                return Engines.TryCuda() ?? throw new UsageException("--device gpu: no CUDA device found (ILGPU saw none); use --device cpu or auto.");
            default:
                if (Engines.TryCuda() is { } cuda)
                {
                    stderr.WriteLine($"zkoptions: using {cuda.Ntt.Name} for MSM and NTT");
                    return cuda;
                }
                stderr.WriteLine("zkoptions: no CUDA device found; running MSM and NTT on the CPU engine.");
                return Engines.Cpu(threads);
        }
    }

    /// <summary>The engines of one command run.</summary>
    internal sealed class Engines(INttEngine ntt, IMsmEngine msm, IDisposable? owner, string device) : IDisposable
    {
        public INttEngine Ntt { get; } = ntt;
        public IMsmEngine Msm { get; } = msm;

        /// <summary>Where MSMs and NTTs run: "cpu" or "gpu".</summary>
        public string Device { get; } = device;

        /// <summary>The --threads cap, lifted when the engines are disposed.</summary>
        internal IDisposable? ThreadLimit { get; set; }

        public static Engines Cpu(int threads) => new(new CpuNttEngine(threads), new CpuMsmEngine(threads), null, "cpu");

        public static Engines? TryCuda()
        {
            if (!IlgpuEngineFactory.HasCuda || !IlgpuEngineFactory.TryCreateNttOnCuda(out var ntt))
            {
                return null;
            }
            if (!IlgpuEngineFactory.TryCreateMsmOnCuda(out var msm))
            {
                ntt.Dispose();
                return null;
            }
            return new Engines(ntt, msm, new Owner(ntt, msm), "gpu");
        }

        public void Dispose()
        {
            owner?.Dispose();
            ThreadLimit?.Dispose();
        }

        private sealed class Owner(IDisposable a, IDisposable b) : IDisposable
        {
            public void Dispose()
            {
                a.Dispose();
                b.Dispose();
            }
        }
    }
}
