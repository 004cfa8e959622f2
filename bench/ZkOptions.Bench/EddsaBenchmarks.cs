// SPDX-License-Identifier: MIT
using System.Numerics;
using BenchmarkDotNet.Attributes;
using ZkOptions.Field;
using ZkOptions.Field.BabyJubjub;
using ZkOptions.Field.Hashing;

namespace ZkOptions.Bench;

/// <summary>
/// EdDSA-Poseidon verification and signing, per operation, over <see cref="Count"/> different keys and messages (so
/// that no single scalar's digits are learnt by the branch predictor). The "before" rows run the implementation this
/// change replaced (<see cref="EddsaBaseline"/>) in the same process, so the ratio holds on any machine.
/// Verifications per second per core = 1 s / median of "verify".
/// </summary>
[Config(typeof(BenchConfig))]
public class EddsaBenchmarks
{
    private const int Count = 16;
    private EddsaPrivateKey[] keys = [];
    private BabyJubjubPoint[] publicKeys = [];
    private Fr[] messages = [];
    private EddsaSignature[] signatures = [];
    private BigInteger[] baselineScalars = [];
    private byte[][] baselineNoncePrefixes = [];

    [GlobalSetup]
    public void Setup()
    {
        var rng = new Random(42);
        keys = new EddsaPrivateKey[Count];
        publicKeys = new BabyJubjubPoint[Count];
        messages = new Fr[Count];
        signatures = new EddsaSignature[Count];
        baselineScalars = new BigInteger[Count];
        baselineNoncePrefixes = new byte[Count][];
        for (int i = 0; i < Count; i++)
        {
            var bytes = new byte[EddsaPrivateKey.KeyLength];
            rng.NextBytes(bytes);
            keys[i] = new EddsaPrivateKey(bytes);
            publicKeys[i] = keys[i].PublicKey;
            messages[i] = Fr.Random(rng);
            signatures[i] = keys[i].Sign(messages[i]);
            // The baseline signs from the same derivation as EddsaPrivateKey: pruned h[0..32] and the nonce prefix h[32..64].
            byte[] h = Blake512.Hash(bytes);
            h[0] &= 0xF8;
            h[31] &= 0x7F;
            h[31] |= 0x40;
            baselineScalars[i] = new BigInteger(h.AsSpan(0, 32), isUnsigned: true, isBigEndian: false);
            baselineNoncePrefixes[i] = h[32..];
            if (!EddsaPoseidon.Verify(publicKeys[i], messages[i], signatures[i])
                || !EddsaBaseline.Verify(publicKeys[i], messages[i], signatures[i])
                || EddsaBaseline.Sign(baselineScalars[i], baselineNoncePrefixes[i], publicKeys[i], messages[i]) != signatures[i]
                || EddsaBaseline.Challenge(signatures[i].R8, publicKeys[i], messages[i])
                    != Poseidon.Hash([signatures[i].R8.X, signatures[i].R8.Y, publicKeys[i].X, publicKeys[i].Y, messages[i]]))
            {
                throw new InvalidOperationException("EdDSA benchmark setup: the baseline and the implementation disagree.");
            }
        }
    }

    [Benchmark(OperationsPerInvoke = Count, Description = "EdDSA-Poseidon verify")]
    public int Verify()
    {
        int valid = 0;
        for (int i = 0; i < Count; i++)
        {
            valid += EddsaPoseidon.Verify(publicKeys[i], messages[i], signatures[i]) ? 1 : 0;
        }
        return valid;
    }

    [Benchmark(OperationsPerInvoke = Count, Description = "EdDSA-Poseidon verify, before (BigInteger, 4-bit windows)")]
    public int VerifyBefore()
    {
        int valid = 0;
        for (int i = 0; i < Count; i++)
        {
            valid += EddsaBaseline.Verify(publicKeys[i], messages[i], signatures[i]) ? 1 : 0;
        }
        return valid;
    }

    [Benchmark(OperationsPerInvoke = Count, Description = "Poseidon, 5 inputs (the challenge hash inside verify)")]
    public Fr Challenge()
    {
        Fr acc = Fr.Zero;
        for (int i = 0; i < Count; i++)
        {
            BabyJubjubPoint r8 = signatures[i].R8, a = publicKeys[i];
            acc += Poseidon.Hash([r8.X, r8.Y, a.X, a.Y, messages[i]]);
        }
        return acc;
    }

    [Benchmark(OperationsPerInvoke = Count, Description = "Poseidon, 5 inputs, before (products inlined)")]
    public Fr ChallengeBefore()
    {
        Fr acc = Fr.Zero;
        for (int i = 0; i < Count; i++)
        {
            acc += EddsaBaseline.Challenge(signatures[i].R8, publicKeys[i], messages[i]);
        }
        return acc;
    }

    [Benchmark(OperationsPerInvoke = Count, Description = "EdDSA-Poseidon sign")]
    public EddsaSignature Sign()
    {
        EddsaSignature last = default;
        for (int i = 0; i < Count; i++)
        {
            last = keys[i].Sign(messages[i]);
        }
        return last;
    }

    [Benchmark(OperationsPerInvoke = Count, Description = "EdDSA-Poseidon sign, before (BigInteger, 4-bit windows)")]
    public EddsaSignature SignBefore()
    {
        EddsaSignature last = default;
        for (int i = 0; i < Count; i++)
        {
            last = EddsaBaseline.Sign(baselineScalars[i], baselineNoncePrefixes[i], publicKeys[i], messages[i]);
        }
        return last;
    }
}
