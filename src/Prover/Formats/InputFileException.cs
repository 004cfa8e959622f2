// SPDX-License-Identifier: MIT
namespace ZkOptions.Prover.Formats;

/// <summary>
/// A file read from outside (.zkey, .ptau, .wtns, .r1cs, proof/key/public JSON) is truncated, foreign, inconsistent
/// or holds an invalid value. The message names the file and what is wrong; the CLI turns it into exit code 2.
/// </summary>
public sealed class InputFileException : FormatException
{
    /// <summary>Creates the exception; the message becomes "PATH: PROBLEM".</summary>
    public InputFileException(string path, string problem, Exception? inner = null)
        : base($"{path}: {problem}", inner)
    {
        FilePath = path;
        Problem = problem;
    }

    /// <summary>The file that was being read.</summary>
    public string FilePath { get; }

    /// <summary>What was wrong with it, without the path.</summary>
    public string Problem { get; }
}
