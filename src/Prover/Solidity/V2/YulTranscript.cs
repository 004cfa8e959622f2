// SPDX-License-Identifier: MIT
using System.Buffers.Binary;
using System.Numerics;
using System.Text;
using ZkOptions.Field;
using ZkOptions.Prover.PlonkV2;

namespace ZkOptions.Prover.Solidity.V2;

/// <summary>
/// <see cref="PlonkV2Transcript"/> as generated Yul: the bytes the C# transcript hashes are laid out in memory from
/// <see cref="Base"/> in the same order (every item's length-prefixed name, its length, its bytes), and a challenge is
/// keccak256 of everything so far followed by "challenge:" name and a byte 0, then 1, the two digests read as one
/// 512-bit integer mod r. Every length is known when the verifier is generated, so every address is a constant.
/// PlonkV2Challenges drives it, so the order of items is the prover's by construction.
/// </summary>
internal sealed class YulTranscript : IPlonkV2Transcript<YulPoint, YulScalar>
{
    private readonly YulCode code;
    private int length;

    /// <summary>2^256 mod r: the weight of a challenge's first digest.</summary>
    private static readonly Fr TwoTo256 = Fr.FromBigInteger(BigInteger.One << 256);

    public YulTranscript(YulCode code, int baseAddress)
    {
        this.code = code;
        Base = baseAddress;
        code.Comment($"transcript: \"{PlonkV2Transcript.Label}\"");
        WriteConstant(Name(PlonkV2Transcript.Label));
    }

    /// <summary>Where the transcript's bytes start in memory.</summary>
    public int Base { get; }

    /// <summary>The most bytes the transcript occupies (its final length plus two words of slack for the padding of constant writes).</summary>
    public int MaxLength { get; private set; }

    /// <inheritdoc/>
    public void AbsorbBytes(string name, ReadOnlySpan<byte> data)
    {
        code.Comment($"absorb {name} ({data.Length} bytes)");
        WriteConstant([.. Name(name), .. LengthPrefix(data.Length), .. data]);
    }

    /// <inheritdoc/>
    public void AbsorbPoint(string name, in YulPoint point)
    {
        code.Comment($"absorb {name}: {point.Name}");
        WriteConstant([.. Name(name), .. LengthPrefix(64)]);
        int offset = point.CalldataOffset ?? throw new InvalidOperationException("the transcript absorbs proof points only");
        code.Line($"calldatacopy({Address()}, {YulCode.Hex(offset)}, 0x40)");
        Advance(64);
    }

    /// <inheritdoc/>
    public void AbsorbScalar(string name, in YulScalar value)
    {
        WriteConstant([.. Name(name), .. LengthPrefix(32)]);
        code.Line($"mstore({Address()}, {value.Text})");
        Advance(32);
    }

    /// <inheritdoc/>
    public YulScalar Challenge(string name)
    {
        code.Comment($"challenge {name}");
        byte[] suffix = [.. Encoding.UTF8.GetBytes("challenge:" + name), 0];
        int start = length;
        WriteConstant(suffix);
        int hashed = length;
        length = start; // the suffix is hashed, never absorbed: the challenge's own item overwrites it
        code.Line($"{{ let h0 := keccak256({YulCode.Hex(Base)}, {YulCode.Hex(hashed)})");
        code.Line($"  mstore8({YulCode.Hex(Base + hashed - 1)}, 1)");
        code.Line($"  h0 := addmod(mulmod(h0, {YulScalar.Literal(TwoTo256)}, r), keccak256({YulCode.Hex(Base)}, {YulCode.Hex(hashed)}), r)");
        YulScalar challenge = code.Let("h0");
        code.Line("}");
        AbsorbScalar("challenge:" + name, challenge);
        return challenge;
    }

    private string Address() => YulCode.Hex(Base + length);

    private void Advance(int bytes)
    {
        length += bytes;
        MaxLength = Math.Max(MaxLength, length + 64);
    }

    /// <summary>Writes constant bytes at the current end, one mstore per 32 (the padding is overwritten by what follows).</summary>
    private void WriteConstant(ReadOnlySpan<byte> bytes)
    {
        for (int i = 0; i < bytes.Length; i += 32)
        {
            var word = new byte[32];
            bytes[i..Math.Min(bytes.Length, i + 32)].CopyTo(word);
            code.Line($"mstore({YulCode.Hex(Base + length + i)}, 0x{Convert.ToHexStringLower(word)})");
        }
        Advance(bytes.Length);
    }

    private static byte[] Name(string name)
    {
        var bytes = Encoding.UTF8.GetBytes(name);
        var prefixed = new byte[2 + bytes.Length];
        BinaryPrimitives.WriteUInt16BigEndian(prefixed, (ushort)bytes.Length);
        bytes.CopyTo(prefixed, 2);
        return prefixed;
    }

    private static byte[] LengthPrefix(int length)
    {
        var bytes = new byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(bytes, (uint)length);
        return bytes;
    }
}
