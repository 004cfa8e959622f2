// SPDX-License-Identifier: MIT
namespace ZkOptions.Fuzz;

/// <summary>
/// One reader of external input, as a fuzz target: <see cref="Read"/> is given the path of a file holding the input
/// and does what the CLI does with such a file (open it, read every part the command reads). It either returns or
/// throws; <see cref="ReaderContract"/> judges what it threw.
/// </summary>
/// <param name="Name">The target's name (<c>fuzz/run.sh NAME</c>, the corpus folder <c>tests/Fuzz.Corpus/NAME</c>).</param>
/// <param name="Extension">The file extension the input is written with (".zkey", ".json", …).</param>
/// <param name="Binary">Whether the format is the iden3 binary container (the mutator then edits its length fields).</param>
/// <param name="Description">What is read, for <c>list</c> and the docs.</param>
/// <param name="Read">Reads the file at the given path.</param>
public sealed record ReaderTarget(string Name, string Extension, bool Binary, string Description, Action<string> Read)
{
    /// <inheritdoc/>
    public override string ToString() => Name;
}
