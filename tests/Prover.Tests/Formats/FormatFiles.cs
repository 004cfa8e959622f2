// SPDX-License-Identifier: MIT
using System.Text.Json.Nodes;
using ZkOptions.Prover.Formats;
using ZkOptions.Prover.Tests.Support;

namespace ZkOptions.Prover.Tests.Formats;

/// <summary>
/// The checked-in snarkjs files (vectors/snarkjs, made by vectors/circom/build.sh from circuit (a),
/// public_inputs.circom, with a power-8 ptau), scratch copies for corruption tests, and the assertion that an
/// error is an <see cref="InputFileException"/> naming the file and the problem.
/// </summary>
internal static class FormatFiles
{
    public static string Ptau => RepoPaths.Vector("snarkjs", "pot8_final.ptau");
    public static string R1cs => RepoPaths.Vector("snarkjs", "public_inputs.r1cs");
    public static string Wtns => RepoPaths.Vector("snarkjs", "public_inputs.wtns");
    public static string PlonkZkey => RepoPaths.Vector("snarkjs", "public_inputs.plonk.zkey");
    public static string Groth16Zkey => RepoPaths.Vector("snarkjs", "public_inputs.groth16.zkey");
    public static string Vkey => RepoPaths.Vector("snarkjs", "public_inputs.vkey.json");
    public static string Proof => RepoPaths.Vector("snarkjs", "public_inputs.proof.json");
    public static string Public => RepoPaths.Vector("snarkjs", "public_inputs.public.json");

    /// <summary>Circuit (a)'s input (vectors/circom/public_inputs.input.json): a = 3, b = 11, c = 5, secret = 7.</summary>
    public static readonly ulong[] ExpectedWitness = [1, 3 * 11 * 5 + 7, 3, 11, 5, 7, 3 * 11];

    /// <summary>Asserts <paramref name="action"/> throws an InputFileException for <paramref name="path"/> whose message contains every fragment.</summary>
    public static InputFileException Fails(string path, Action action, params string[] fragments)
    {
        var e = Assert.Throws<InputFileException>(action);
        Assert.Equal(path, e.FilePath);
        Assert.StartsWith(path + ": ", e.Message);
        foreach (string fragment in fragments)
        {
            Assert.Contains(fragment, e.Problem);
        }
        return e;
    }

    /// <summary>The byte offset of the body of section <paramref name="type"/> in an iden3 container, and its size.</summary>
    public static (int Offset, int Size) Section(byte[] file, int type)
    {
        int count = BitConverter.ToInt32(file, 8);
        int position = 12;
        for (int i = 0; i < count; i++)
        {
            int t = BitConverter.ToInt32(file, position);
            long size = BitConverter.ToInt64(file, position + 4);
            if (t == type)
            {
                return (position + 12, (int)size);
            }
            position += 12 + (int)size;
        }
        throw new InvalidOperationException($"section {type} not found");
    }

    public static JsonObject LoadObject(string path) => (JsonObject)JsonNode.Parse(File.ReadAllText(path))!;
}

/// <summary>A scratch directory under the system temp folder, deleted on dispose.</summary>
internal sealed class ScratchDirectory : IDisposable
{
    public ScratchDirectory()
    {
        Root = Path.Combine(Path.GetTempPath(), "zkoptions-formats-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Root);
    }

    public string Root { get; }

    public string File(string name) => Path.Combine(Root, name);

    /// <summary>Writes <paramref name="bytes"/> to a new file in the directory and returns its path.</summary>
    public string Write(string name, byte[] bytes)
    {
        string path = File(name);
        System.IO.File.WriteAllBytes(path, bytes);
        return path;
    }

    public string WriteText(string name, string text)
    {
        string path = File(name);
        System.IO.File.WriteAllText(path, text);
        return path;
    }

    public void Dispose() => Directory.Delete(Root, recursive: true);
}
