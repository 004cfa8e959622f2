// SPDX-License-Identifier: MIT
using ZkOptions.Field;
using ZkOptions.Prover.Tests.Support;

namespace ZkOptions.Solidity.Tests.Rollup.EndToEnd;

/// <summary>The INSECURE dev SRS of the end-to-end tests (a τ known to anyone who reads this file).</summary>
internal static class DevSetup
{
    public static (G1Affine[] TauG1, G2Affine TauG2) Srs(int g1Count)
    {
        var srs = DevSrs.Create(g1Count, seed: 19);
        return (srs.TauG1, srs.TauG2);
    }
}
