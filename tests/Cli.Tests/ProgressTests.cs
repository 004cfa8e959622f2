// SPDX-License-Identifier: MIT
using ZkOptions.Cli.Output;
using ZkOptions.Prover.Plonk;

namespace ZkOptions.Cli.Tests;

/// <summary>
/// The progress line: drawn in place (carriage return) on stderr when it is a terminal, never otherwise, never on
/// stdout; other stderr text erases it first.
/// </summary>
public sealed class ProgressTests : IDisposable
{
    private readonly string dir = Directory.CreateTempSubdirectory("zko-progress-").FullName;

    public void Dispose() => Directory.Delete(dir, recursive: true);

    private static string V(string name) => ZkOptions.Cli.Tests.Support.PipelineInputs.Vector(name);

    private static (int Exit, string Out, string Err) RunOnTerminal(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        int exit = CliApp.Run(args, stdout, stderr, stderrIsTerminal: true);
        return (exit, stdout.ToString(), stderr.ToString());
    }

    [Fact]
    public void Shows_phase_percent_and_time_left_and_overwrites_its_line()
    {
        var stderr = new StringWriter();
        TimeSpan now = TimeSpan.Zero;
        var progress = new TerminalProgress(stderr, enabled: true, () => now);
        progress.Report(new ProverProgress("round 1: [a], [b], [c]", 0));
        now = TimeSpan.FromSeconds(30);
        progress.Report(new ProverProgress("round 3: α, [t1], [t2], [t3]", 0.6));
        Assert.Equal("\rzkoptions: round 1: [a], [b], [c]    0 %" + "\rzkoptions: round 3: α, [t1], [t2], [t3]   60 %  ETA 0:20", stderr.ToString());
        progress.Clear();
        Assert.EndsWith("\r" + new string(' ', "zkoptions: round 3: α, [t1], [t2], [t3]   60 %  ETA 0:20".Length) + "\r", stderr.ToString());
    }

    [Fact]
    public void A_shorter_line_blanks_what_is_left_of_the_longer_one()
    {
        var stderr = new StringWriter();
        var progress = new TerminalProgress(stderr, enabled: true, () => TimeSpan.Zero);
        progress.Phase("compiling batch-16");
        progress.Phase("solving");
        Assert.Equal("\rzkoptions: compiling batch-16 …" + "\rzkoptions: solving …" + new string(' ', 11), stderr.ToString());
    }

    [Fact]
    public void Lines_are_cut_to_the_terminal_width_so_the_carriage_return_reaches_their_start()
    {
        var stderr = new StringWriter();
        var progress = new TerminalProgress(stderr, enabled: true, () => TimeSpan.Zero);
        progress.Phase(new string('x', 200));
        Assert.Equal(TerminalProgress.MaxWidth + 1, stderr.ToString().Length);
    }

    [Fact]
    public void Writes_nothing_when_stderr_is_not_a_terminal()
    {
        var stderr = new StringWriter();
        var progress = new TerminalProgress(stderr, enabled: false);
        progress.Phase("compiling");
        progress.Report(new ProverProgress("round 1", 0.5));
        progress.Clear();
        Assert.Equal("", stderr.ToString());
    }

    [Fact]
    public void Other_stderr_text_erases_the_line_first()
    {
        var stderr = new StringWriter();
        var progress = new TerminalProgress(stderr, enabled: true, () => TimeSpan.Zero);
        var writer = new ProgressAwareWriter(stderr, progress);
        progress.Phase("solving");
        writer.WriteLine("zkoptions: a message");
        Assert.Equal("\rzkoptions: solving …" + "\r" + new string(' ', 20) + "\r" + "zkoptions: a message" + Environment.NewLine, stderr.ToString());
    }

    [Fact]
    public void Prove_on_a_terminal_shows_the_rounds_and_ends_with_a_clean_line()
    {
        var (exit, stdout, stderr) = RunOnTerminal("prove", "--zkey", V("public_inputs.plonk.zkey"), "--witness", V("public_inputs.wtns"),
            "--proof", Path.Combine(dir, "proof.json"), "--public", Path.Combine(dir, "public.json"), "--device", "cpu");
        Assert.True(exit == 0, stderr);
        Assert.Contains("\rzkoptions: round 3: α, [t1], [t2], [t3]", stderr);
        // The final message follows the sequence that blanks the progress line ("\r", spaces, "\r"), at the left margin.
        string lastLine = stderr.TrimEnd('\n').Split('\n')[^1];
        Assert.Matches("\r +\rzkoptions: proved [^\r]*$", lastLine);
        Assert.Equal("", stdout);
    }

    [Fact]
    public void Setup_and_simulate_on_a_terminal_show_their_phases_and_json_stdout_stays_clean()
    {
        var setup = RunOnTerminal("setup", "--r1cs", V("public_inputs.r1cs"), "--ptau", V("pot8_final.ptau"), "--zkey", Path.Combine(dir, "k.zkey"),
            "--device", "cpu", "--json");
        Assert.True(setup.Exit == 0, setup.Err);
        Assert.Contains("\rzkoptions: selector qM", setup.Err);
        Assert.Contains("\rzkoptions: permutation polynomial S3", setup.Err);
        Assert.DoesNotContain("\r", setup.Out);
        Assert.Single(setup.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries));

        var simulate = RunOnTerminal("simulate", "--out", Path.Combine(dir, "run"));
        Assert.True(simulate.Exit == 0, simulate.Err);
        Assert.Contains("\rzkoptions: running the scenario", simulate.Err);
        Assert.Contains("\rzkoptions: writing ", simulate.Err);
        Assert.DoesNotContain("\r", simulate.Out);
    }

    [Fact]
    public void Nothing_but_messages_when_stderr_is_redirected()
    {
        var (exit, _, stderr) = CliRunner.Run("prove", "--zkey", V("public_inputs.plonk.zkey"), "--witness", V("public_inputs.wtns"),
            "--proof", Path.Combine(dir, "proof.json"), "--public", Path.Combine(dir, "public.json"), "--device", "cpu");
        Assert.Equal(0, exit);
        Assert.DoesNotContain("\r", stderr);
        Assert.StartsWith("zkoptions: proved", stderr.Trim());
    }
}
