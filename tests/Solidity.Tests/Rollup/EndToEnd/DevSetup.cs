// SPDX-License-Identifier: MIT
using ZkOptions.Field;
using ZkOptions.Prover.Plonk;

namespace ZkOptions.Solidity.Tests.Rollup.EndToEnd;

/// <summary>The INSECURE dev SRS of the end-to-end tests (<see cref="DevPowersOfTau"/>: τ follows from a seed anyone can read here).</summary>
internal static class DevSetup
{
    public const ulong Seed = 19;

    public static (G1Affine[] TauG1, G2Affine TauG2) Srs(int g1Count)
    {
        var srs = Powers(g1Count);
        return (srs.TauG1, srs.TauG2);
    }

    /// <summary>The SRS with its τ (for the v2 setup that commits by evaluating at τ).</summary>
    public static DevPowersOfTau Powers(int g1Count) => DevPowersOfTau.Create(g1Count, Seed);
}
