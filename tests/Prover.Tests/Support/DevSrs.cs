// SPDX-License-Identifier: MIT
using ZkOptions.Field;

namespace ZkOptions.Prover.Tests.Support;

/// <summary>An INSECURE structured reference string from a known τ, for self-contained tests.</summary>
public sealed record DevSrs(G1Affine[] TauG1, G2Affine TauG2)
{
    public static DevSrs Create(int count, int seed)
    {
        Fr tau = Fr.Random(new Random(seed));
        var jac = new G1Jacobian[count];
        Fr power = Fr.One;
        for (int i = 0; i < count; i++, power *= tau)
        {
            jac[i] = G1Jacobian.ScalarMul(G1Affine.Generator, power);
        }
        var affine = new G1Affine[count];
        G1Jacobian.BatchToAffine(jac, affine);
        return new DevSrs(affine, G2Jacobian.ScalarMul(G2Affine.Generator, tau).ToAffine());
    }
}
