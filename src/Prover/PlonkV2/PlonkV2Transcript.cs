// SPDX-License-Identifier: MIT
using System.Buffers.Binary;
using System.Numerics;
using System.Text;
using ZkOptions.Field;
using ZkOptions.Field.Encoding;

namespace ZkOptions.Prover.PlonkV2;

/// <summary>
/// The running Fiat–Shamir transcript of PLONK v2. It starts with the protocol label <see cref="Label"/>; every item
/// is absorbed with its name (length-prefixed UTF-8) and its canonical bytes (G1 as big-endian x‖y, 64 bytes; Fr as
/// 32 big-endian bytes). A challenge named c is the integer H(state‖"challenge"‖c‖0) ‖ H(state‖"challenge"‖c‖1)
/// (512 bits) reduced mod r, so its bias is below 2⁻²⁵⁰; the challenge is then absorbed, so every later challenge
/// depends on every earlier one.
/// </summary>
public sealed class PlonkV2Transcript : IPlonkV2Transcript<G1Affine, Fr>
{
    /// <summary>The protocol label the transcript starts with.</summary>
    public const string Label = "zkoptions-plonk-v2";

    private readonly ITranscriptHash state;

    /// <summary>A transcript over <paramref name="hash"/> (an empty state; Keccak-256 when null).</summary>
    public PlonkV2Transcript(ITranscriptHash? hash = null)
    {
        state = hash ?? new KeccakTranscriptHash();
        AbsorbName(Label);
    }

    /// <summary>Absorbs raw bytes under <paramref name="name"/> (length-prefixed).</summary>
    public void AbsorbBytes(string name, ReadOnlySpan<byte> data)
    {
        AbsorbName(name);
        Span<byte> length = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(length, (uint)data.Length);
        state.Absorb(length);
        state.Absorb(data);
    }

    /// <summary>Absorbs a G1 point (64 bytes; infinity as zeros).</summary>
    public void AbsorbPoint(string name, in G1Affine point)
    {
        Span<byte> bytes = stackalloc byte[64];
        EvmEncoding.WriteG1(point, bytes);
        AbsorbBytes(name, bytes);
    }

    /// <summary>Absorbs a scalar (32 bytes, big-endian).</summary>
    public void AbsorbScalar(string name, in Fr value)
    {
        Span<byte> bytes = stackalloc byte[32];
        value.WriteBytes(bytes, ByteOrder.BigEndian);
        AbsorbBytes(name, bytes);
    }

    /// <summary>The challenge <paramref name="name"/>, then absorbed into the state.</summary>
    public Fr Challenge(string name)
    {
        int size = state.OutputSize;
        var wide = new byte[2 * size];
        for (byte half = 0; half < 2; half++)
        {
            var fork = state.Fork();
            var suffix = Encoding.UTF8.GetBytes("challenge:" + name);
            fork.Absorb(suffix);
            fork.Absorb([half]);
            fork.Finish(wide.AsSpan(half * size, size));
        }
        Fr challenge = Fr.FromBigInteger(new BigInteger(wide, isUnsigned: true, isBigEndian: true));
        AbsorbScalar("challenge:" + name, challenge);
        return challenge;
    }

    private void AbsorbName(string name)
    {
        var bytes = Encoding.UTF8.GetBytes(name);
        Span<byte> length = stackalloc byte[2];
        BinaryPrimitives.WriteUInt16BigEndian(length, (ushort)bytes.Length);
        state.Absorb(length);
        state.Absorb(bytes);
    }
}
