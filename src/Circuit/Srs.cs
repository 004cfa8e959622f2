// SPDX-License-Identifier: MIT
using ZkOptions.Constraints.V1;
using ZkOptions.Prover.Formats;
using ZkOptions.Prover.Plonk;

namespace ZkOptions.Circuit;

/// <summary>
/// The structured reference string (powers of τ) a PLONK setup commits with, for <see cref="Plonk.Setup"/>: a
/// ceremony's <c>.ptau</c> file (<see cref="FromPtau"/>), or an INSECURE one derived from a seed for development
/// (<see cref="InsecureDev"/>). Nothing is read or computed until the setup, which takes only the powers the circuit
/// needs.
/// </summary>
public sealed class Srs
{
    private readonly string? ptauPath;
    private readonly ulong devSeed;

    private Srs(string? ptauPath, ulong devSeed)
    {
        this.ptauPath = ptauPath;
        this.devSeed = devSeed;
    }

    /// <summary>
    /// The powers of tau in <paramref name="ptauPath"/> (snarkjs's <c>.ptau</c>, e.g. from the Hermez/Perpetual
    /// Powers of Tau ceremony). Setup checks that they are consecutive powers of one τ, and that the file is large
    /// enough for the circuit (power ≥ the circuit's domain power).
    /// </summary>
    public static Srs FromPtau(string ptauPath)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(ptauPath);
        return new Srs(ptauPath, 0);
    }

    /// <summary>
    /// INSECURE: τ derived from <paramref name="seed"/> (what <c>zkoptions setup --insecure-dev-srs SEED</c> uses, so
    /// the same seed gives the same key). Anyone who knows the seed can forge proofs for every key made from it: for
    /// development and tests only, never for a deployment.
    /// </summary>
    public static Srs InsecureDev(ulong seed) => new(null, seed);

    /// <summary>Whether τ is known (an <see cref="InsecureDev"/> string).</summary>
    public bool IsInsecure => ptauPath is null;

    /// <summary>"pot12.ptau", or "insecure development SRS (seed 1)".</summary>
    public override string ToString() => ptauPath ?? $"insecure development SRS (seed {devSeed})";

    /// <summary>Writes the proving key of <paramref name="circuit"/> with these powers of τ.</summary>
    internal PlonkZkeyHeader WriteKey(PlonkSetup setup, PlonkCircuit circuit, string zkeyPath)
    {
        if (ptauPath is not null)
        {
            using var ptau = PowersOfTau.Open(ptauPath);
            return setup.Write(circuit, ptau, zkeyPath);
        }
        var srs = DevPowersOfTau.Create((1 << PlonkSetup.DomainPower(circuit.Gates.Count)) + 6, devSeed);
        return setup.Write(circuit, srs.TauG1, srs.TauG2, zkeyPath);
    }
}
