// SPDX-License-Identifier: MIT
using System.Diagnostics;
using System.Globalization;
using ZkOptions.Prover.Plonk;

namespace ZkOptions.Cli.Output;

/// <summary>
/// The progress line on stderr: the phase, its percentage and an estimate of the time left, redrawn in place with a
/// carriage return. It is drawn only when stderr is a terminal, that is when someone is watching; in a pipeline or a
/// log (stderr redirected) it writes nothing, so logs keep only the messages that matter.
/// </summary>
/// <remarks>
/// Reports come between phases of the prover, the setup and the simulator, never from their hot loops. Text written
/// to stderr through <see cref="ProgressAwareWriter"/> first erases the line, so messages never start mid-line.
/// </remarks>
internal sealed class TerminalProgress : IProgress<ProverProgress>
{
    /// <summary>Lines are cut to this width so that the carriage return always reaches their start (no wrapping).</summary>
    public const int MaxWidth = 79;

    private readonly TextWriter terminal;
    private readonly Func<TimeSpan> clock;
    private readonly Lock gate = new();
    private int shown;
    private TimeSpan measuredSince;
    private double lastFraction = double.NaN;

    /// <param name="terminal">The raw stderr.</param>
    /// <param name="enabled">Whether stderr is a terminal; when false nothing is ever written.</param>
    /// <param name="clock">Time since an arbitrary start (tests give a fake one); a stopwatch when null.</param>
    public TerminalProgress(TextWriter terminal, bool enabled, Func<TimeSpan>? clock = null)
    {
        this.terminal = terminal;
        Enabled = enabled;
        if (clock is null)
        {
            var stopwatch = Stopwatch.StartNew();
            clock = () => stopwatch.Elapsed;
        }
        this.clock = clock;
    }

    /// <summary>Whether the line is drawn (stderr is a terminal).</summary>
    public bool Enabled { get; }

    /// <summary>Enters a phase whose length is unknown (compiling a circuit, solving a witness): its name only.</summary>
    public void Phase(string name) => Draw(name, null);

    /// <summary>A phase of a measured run and the share of the run done before it.</summary>
    public void Report(ProverProgress value) => Draw(value.Phase, value.Fraction);

    /// <summary>Reports of a run that counts only its share done, shown under one phase name.</summary>
    public IProgress<double> For(string phase) => new Shares(this, phase);

    /// <summary>Erases the line (before other text on stderr, and when the run ends).</summary>
    public void Clear()
    {
        lock (gate)
        {
            if (shown > 0)
            {
                terminal.Write('\r' + new string(' ', shown) + '\r');
                terminal.Flush();
                shown = 0;
            }
        }
    }

    private void Draw(string phase, double? fraction)
    {
        if (!Enabled)
        {
            return;
        }
        lock (gate)
        {
            TimeSpan now = clock();
            string text = $"zkoptions: {phase}";
            if (fraction is double f)
            {
                // A share that does not grow starts a new measured run (the setup after reading the ptau, say).
                if (double.IsNaN(lastFraction) || f <= lastFraction)
                {
                    measuredSince = now;
                }
                lastFraction = f;
                text += string.Create(CultureInfo.InvariantCulture, $"  {Math.Clamp(f, 0, 1) * 100,3:F0} %");
                TimeSpan elapsed = now - measuredSince;
                // The first few percent and the first second say too little about the rate to promise a time.
                if (f is >= 0.02 and < 1 && elapsed >= TimeSpan.FromSeconds(1))
                {
                    text += "  ETA " + Duration(elapsed * ((1 - f) / f));
                }
            }
            else
            {
                lastFraction = double.NaN;
                text += " …";
            }
            if (text.Length > MaxWidth)
            {
                text = text[..(MaxWidth - 1)] + "…";
            }
            terminal.Write('\r' + text + (text.Length < shown ? new string(' ', shown - text.Length) : ""));
            terminal.Flush();
            shown = Math.Max(text.Length, 1);
        }
    }

    private static string Duration(TimeSpan t) =>
        t.TotalHours >= 1
            ? string.Create(CultureInfo.InvariantCulture, $"{(int)t.TotalHours}:{t.Minutes:00}:{t.Seconds:00}")
            : string.Create(CultureInfo.InvariantCulture, $"{t.Minutes}:{t.Seconds:00}");

    private sealed class Shares(TerminalProgress progress, string phase) : IProgress<double>
    {
        public void Report(double value) => progress.Report(new ProverProgress(phase, value));
    }
}
