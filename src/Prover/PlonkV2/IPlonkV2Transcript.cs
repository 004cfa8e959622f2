// SPDX-License-Identifier: MIT
namespace ZkOptions.Prover.PlonkV2;

/// <summary>
/// What the PLONK v2 schedule (<see cref="PlonkV2Challenges"/>) does to a transcript, over any representation of
/// points and scalars: <see cref="PlonkV2Transcript"/> hashes G1 points and Fr scalars; the Solidity generator's
/// transcript emits code that hashes the same bytes in the same order. The schedule is thus written once.
/// </summary>
/// <typeparam name="TPoint">A commitment.</typeparam>
/// <typeparam name="TScalar">A scalar.</typeparam>
internal interface IPlonkV2Transcript<TPoint, TScalar>
{
    /// <summary>Absorbs raw bytes under <paramref name="name"/>.</summary>
    void AbsorbBytes(string name, ReadOnlySpan<byte> data);

    /// <summary>Absorbs a G1 point under <paramref name="name"/>.</summary>
    void AbsorbPoint(string name, in TPoint point);

    /// <summary>Absorbs a scalar under <paramref name="name"/>.</summary>
    void AbsorbScalar(string name, in TScalar value);

    /// <summary>The challenge <paramref name="name"/>, then absorbed.</summary>
    TScalar Challenge(string name);
}
