// SPDX-License-Identifier: MIT
using System.CommandLine;
using ZkOptions.Prover.Engines;
using ZkOptions.Prover.Engines.Cpu;
using ZkOptions.Prover.Engines.Gpu;

namespace ZkOptions.Cli.Commands;

/// <summary>
/// --device auto|cpu|gpu and --threads N, shared by the proving verbs. `gpu` without a CUDA device is a usage error;
/// `auto` uses CUDA when ILGPU finds a device and otherwise says on stderr that it runs on the CPU.
/// </summary>
internal sealed class EngineOptions
{
    public Option<string> Device { get; } = new("--device")
    {
        Description = "Where MSMs and NTTs run: auto (CUDA if present, else CPU), cpu, or gpu (CUDA, required).",
        DefaultValueFactory = _ => "auto",
    };

    public Option<int> Threads { get; } = new("--threads")
    {
        Description = "CPU threads for the CPU engine (0 = all cores).",
        DefaultValueFactory = _ => 0,
    };

    public void AddTo(Command command)
    {
        Device.AcceptOnlyFromAmong("auto", "cpu", "gpu");
        command.Add(Device);
        command.Add(Threads);
    }

    /// <summary>Creates the engines; the caller disposes the returned scope.</summary>
    public Engines Create(ParseResult parse)
    {
        int threads = parse.GetValue(Threads);
        if (threads < 0)
        {
            throw new UsageException($"--threads: {threads} is negative; use 0 for all cores.");
        }
        string device = parse.GetValue(Device)!;
        TextWriter stderr = parse.InvocationConfiguration.Error;
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
    internal sealed class Engines(INttEngine ntt, IMsmEngine msm, IDisposable? owner) : IDisposable
    {
        public INttEngine Ntt { get; } = ntt;
        public IMsmEngine Msm { get; } = msm;

        public static Engines Cpu(int threads) => new(new CpuNttEngine(threads), new CpuMsmEngine(threads), null);

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
            return new Engines(ntt, msm, new Owner(ntt, msm));
        }

        public void Dispose() => owner?.Dispose();

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
