// SPDX-License-Identifier: MIT
namespace ZkOptions.Prover.Solidity.V2;

/// <summary>The precompile calls one proof costs the generated v2 verifier (docs/BENCHMARKS.md, the gas floor).</summary>
public sealed class PlonkV2VerifierCost
{
    /// <summary>ecMul (0x07) calls: one per nonzero commitment, quotient chunk and opening term.</summary>
    public int EcMuls { get; internal set; }

    /// <summary>ecAdd (0x06) calls.</summary>
    public int EcAdds { get; internal set; }

    /// <summary>Two-pair pairing (0x08) calls.</summary>
    public int Pairings { get; internal set; }

    /// <summary>
    /// The least gas a verifyProof transaction can cost with these calls, whatever the code around them: ecMul 6,000,
    /// ecAdd 150, a two-pair pairing 45,000 + 2·34,000, one modexp (Osaka's 4,048 for a 254-bit exponent), the
    /// 21,000 base and the calldata (<see cref="VerifierGasModel.Calldata"/>).
    /// </summary>
    public long Floor(long calldataGas) =>
        VerifierGasModel.TransactionBase + calldataGas + 6_000L * EcMuls + 150L * EcAdds + Pairings * (45_000L + 2 * 34_000L) + 4_048;
}
