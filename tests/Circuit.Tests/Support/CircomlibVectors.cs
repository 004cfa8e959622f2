// SPDX-License-Identifier: MIT
using System.Text.Json;
using ZkOptions.Field;
using ZkOptions.Prover.Tests.Support;

namespace ZkOptions.Circuit.Tests.Support;

/// <summary>The circomlibjs-made vectors in vectors/circomlib (see its README).</summary>
public static class CircomlibVectors
{
    public static JsonElement Load(string file) => JsonDocument.Parse(File.ReadAllText(RepoPaths.Vector("circomlib", file))).RootElement;

    public static Fr F(JsonElement e) => Fr.Parse(e.GetString()!);
}
