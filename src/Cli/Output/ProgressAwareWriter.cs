// SPDX-License-Identifier: MIT
using System.Text;

namespace ZkOptions.Cli.Output;

/// <summary>
/// stderr while a progress line may be on screen: it erases the line before passing any text on, so messages and
/// <c>--verbose</c> timings start at the left margin instead of after the progress text. The next report redraws it.
/// </summary>
internal sealed class ProgressAwareWriter(TextWriter inner, TerminalProgress progress) : TextWriter
{
    public override Encoding Encoding => inner.Encoding;

    public override IFormatProvider FormatProvider => inner.FormatProvider;

    public override void Write(char value)
    {
        progress.Clear();
        inner.Write(value);
    }

    public override void Write(string? value)
    {
        progress.Clear();
        inner.Write(value);
    }

    public override void Write(char[] buffer, int index, int count)
    {
        progress.Clear();
        inner.Write(buffer, index, count);
    }

    public override void WriteLine(string? value)
    {
        progress.Clear();
        inner.WriteLine(value);
    }

    public override void Flush() => inner.Flush();
}
