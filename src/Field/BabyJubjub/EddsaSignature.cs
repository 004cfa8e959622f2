// SPDX-License-Identifier: MIT
using System.Numerics;

namespace ZkOptions.Field.BabyJubjub;

/// <summary>
/// An EdDSA-Poseidon signature as circomlibjs returns it from <c>signPoseidon</c>: the point R8 = r·Base8 and the
/// scalar S = (r + hm·s) mod l. Values read from outside are not trusted: <see cref="EddsaPoseidon.Verify"/> checks
/// that R8 is on the curve and that 0 ≤ S &lt; l.
/// </summary>
/// <param name="R8">The commitment point R8 (circomlibjs <c>R8</c>; in JSON <c>R8x</c>, <c>R8y</c>).</param>
/// <param name="S">The response scalar (circomlibjs <c>S</c>), below <see cref="BabyJubjub.SubgroupOrder"/> when valid.</param>
public readonly record struct EddsaSignature(BabyJubjubPoint R8, BigInteger S);
