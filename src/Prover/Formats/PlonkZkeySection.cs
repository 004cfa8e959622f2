// SPDX-License-Identifier: MIT
namespace ZkOptions.Prover.Formats;

/// <summary>Section ids of a snarkjs PLONK .zkey (snarkjs src/plonk_constants.js, zkey_constants.js).</summary>
public static class PlonkZkeySection
{
    /// <summary>u32 protocol id: 1 Groth16, 2 PLONK, 10 FFLONK.</summary>
    public const int Protocol = 1;
    /// <summary>Sizes, primes, k1/k2 and the verifying-key commitments.</summary>
    public const int Header = 2;
    /// <summary>Addition gates' recipes {u32 a, u32 b, Fr fa, Fr fb}.</summary>
    public const int Additions = 3;
    /// <summary>Wire map of the a column (u32 signal per gate).</summary>
    public const int MapA = 4;
    /// <summary>Wire map of the b column.</summary>
    public const int MapB = 5;
    /// <summary>Wire map of the c column.</summary>
    public const int MapC = 6;
    /// <summary>qM: n coefficients, then 4n evaluations.</summary>
    public const int Qm = 7;
    /// <summary>qL.</summary>
    public const int Ql = 8;
    /// <summary>qR.</summary>
    public const int Qr = 9;
    /// <summary>qO.</summary>
    public const int Qo = 10;
    /// <summary>qC.</summary>
    public const int Qc = 11;
    /// <summary>σ1, σ2, σ3, each n coefficients + 4n evaluations.</summary>
    public const int Sigma = 12;
    /// <summary>L_1 … L_max(nPublic,1), each n coefficients + 4n evaluations.</summary>
    public const int Lagrange = 13;
    /// <summary>n + 6 monomial [τ^i]₁ points.</summary>
    public const int PTau = 14;

    /// <summary>Protocol id of Groth16 keys.</summary>
    public const uint Groth16ProtocolId = 1;
    /// <summary>Protocol id of PLONK keys.</summary>
    public const uint PlonkProtocolId = 2;
    /// <summary>Protocol id of FFLONK keys.</summary>
    public const uint FflonkProtocolId = 10;
}
