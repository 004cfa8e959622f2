// SPDX-License-Identifier: MIT
using System.Security.Cryptography;
using ZkOptions.Field;

namespace ZkOptions.Prover.Plonk;

/// <summary>
/// Where the prover's eleven blinding scalars b1…b11 come from. Blinding is what makes PLONK zero-knowledge, so the
/// default is the operating system's CSPRNG; a seeded source exists only so tests can reproduce a proof exactly.
/// </summary>
public abstract class BlindingSource
{
    /// <summary>Blinding from <see cref="RandomNumberGenerator"/> (the default).</summary>
    public static BlindingSource Secure { get; } = new SecureSource();

    /// <summary>A reproducible, NOT zero-knowledge source for tests.</summary>
    public static BlindingSource Seeded(int seed) => new SeededSource(seed);

    /// <summary>The next blinding scalar.</summary>
    public abstract Fr Next();

    private sealed class SecureSource : BlindingSource
    {
        private static readonly RandomNumberGenerator Rng = RandomNumberGenerator.Create();

        public override Fr Next() => Fr.Random(Rng);
    }

    private sealed class SeededSource(int seed) : BlindingSource
    {
        private readonly Random random = new(seed);

        public override Fr Next() => Fr.Random(random);
    }
}
