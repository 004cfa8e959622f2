// SPDX-License-Identifier: MIT
namespace ZkOptions.Prover.Solidity;

/// <summary>
/// The gas of one <c>verifyProof</c> transaction to the generated verifier, predicted without an EVM: the
/// intrinsic gas counted from the actual calldata bytes, plus the execution measured on anvil (docs/solidity.md,
/// "Where the gas goes"). Tests hold it to the receipt of a real transaction on the pinned anvil.
/// </summary>
public static class VerifierGasModel
{
    /// <summary>The base cost of every transaction.</summary>
    public const long TransactionBase = 21_000;

    /// <summary>Calldata gas per zero byte and per non-zero byte (EIP-2028).</summary>
    public const long ZeroByteGas = 4, NonZeroByteGas = 16;

    /// <summary>
    /// The precompiles a proof needs, whatever its values: 18 ecMul (108,000), a two-pair pairing (113,000),
    /// 18 ecAdd (2,700) and one modexp inversion (4,048 under Osaka pricing, anvil's default).
    /// </summary>
    public const long Precompiles = 108_000 + 113_000 + 2_700 + 4_048;

    /// <summary>38 precompile calls at 100 gas each (warm precompile addresses).</summary>
    public const long PrecompileCalls = 3_800;

    /// <summary>Everything else for one public signal: the range checks, the transcript, field arithmetic, memory.</summary>
    public const long OtherExecution = 7_343;

    /// <summary>Execution each further public signal adds: a range check, its Lagrange term, three field products.</summary>
    public const long PerExtraPublicSignal = 160;

    /// <summary>The gas of a <c>verifyProof</c> transaction with this calldata (selector and ABI-encoded arguments).</summary>
    public static long Transaction(ReadOnlySpan<byte> calldata, int publicSignals)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(publicSignals, 1);
        return TransactionBase + Calldata(calldata) + Execution(publicSignals);
    }

    /// <summary>The calldata part of the intrinsic gas.</summary>
    public static long Calldata(ReadOnlySpan<byte> calldata)
    {
        long zeros = 0;
        foreach (byte b in calldata)
        {
            zeros += b == 0 ? 1 : 0;
        }
        return zeros * ZeroByteGas + (calldata.Length - zeros) * NonZeroByteGas;
    }

    /// <summary>The execution gas of the verifier for <paramref name="publicSignals"/> public signals.</summary>
    public static long Execution(int publicSignals) =>
        Precompiles + PrecompileCalls + OtherExecution + PerExtraPublicSignal * (publicSignals - 1);
}
