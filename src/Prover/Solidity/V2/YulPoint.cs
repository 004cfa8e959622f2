// SPDX-License-Identifier: MIT
using ZkOptions.Field;

namespace ZkOptions.Prover.Solidity.V2;

/// <summary>
/// A G1 commitment of the generated verifier: either a proof point at a calldata offset (x then y, checked on the
/// curve before use) or a verifying-key constant, which may be the point at infinity (a fixed polynomial that is
/// zero for this circuit: the generator skips it in the batched opening).
/// </summary>
internal sealed class YulPoint
{
    private YulPoint(string name, int? offset, G1Affine? constant)
    {
        Name = name;
        CalldataOffset = offset;
        Constant = constant;
    }

    public string Name { get; }

    /// <summary>Where x sits in calldata (y follows); null for a key constant.</summary>
    public int? CalldataOffset { get; private set; }

    /// <summary>The key's point; null for a proof point.</summary>
    public G1Affine? Constant { get; }

    public bool IsInfinity => Constant is { IsInfinity: true };

    public static YulPoint Proof(string name) => new(name, 0, null);

    public static YulPoint Key(string name, in G1Affine point) => new(name, null, point);

    /// <summary>Places a proof point once the calldata layout is known.</summary>
    public void Place(int offset) => CalldataOffset = offset;
}
