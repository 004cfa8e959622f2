#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
# Writes FqVectorKernels.cs next to this file: the 8-lane Fq kernels of FqVectorField (the BN254 base field),
# unrolled limb by limb as in NttVectorKernels.py (see the comment at the top of the output). The modulus is a
# parameter: the same code would emit the Fr kernels. Run it after editing:
#     python3 src/Prover/Engines/Cpu/FqVectorKernels.py
import os
import montgomery_lanes as lanes
q = 21888242871839275222246405745257275088696311157297823662689037894645226208583
CLASS = 'FqVectorField'
B, M, limbs = lanes.B, lanes.M, lanes.limbs
Q = limbs(q)
assert q < 1 << 254
out = []
w = out.append


def consts():
    return lanes.consts(q)


def core():
    """CIOS over 9 rounds of 29 bits; leaves normalized limbs r0..r8 of a·b·2^−261 (+ a multiple of q)."""
    return lanes.core(lambda i: f'a[{i}]', lambda j: f'b{j}')


def emit_mul(name, doc, divide_by_32):
    w(f'    /// <summary>{doc}</summary>')
    w('    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // hot from the first call: no slow tier-0 code')
    w(f'    internal static void {name}(V* a, V* b, V* r)')
    w('    {')
    out.extend(consts())
    out.extend([f'        V b{j} = b[{j}];' for j in range(9)])
    w('        V ai, m;')
    out.extend(core())
    if divide_by_32:
        # One more Montgomery step of 5 bits: add m·q with m = −r·q⁻¹ mod 32 so the low 5 bits vanish, carry,
        # then shift the 9 limbs right by 5 (each limb takes the low 5 bits of the next one).
        w(f'        m = Mul(r0, Vector512.Create(0x{(-pow(q, -1, 32)) % 32:X}UL)) & Vector512.Create(31UL);')
        for j in range(9): w(f'        r{j} += Mul(m, q{j});')
        for j in range(8):
            w(f'        r{j + 1} += r{j} >>> {B};')
            w(f'        r{j} &= mask;')
        for j in range(8): w(f'        r[{j}] = (r{j} >>> 5) | ((r{j + 1} & Vector512.Create(31UL)) << {B - 5});')
        w('        r[8] = r8 >>> 5;')
    else:
        for j in range(9): w(f'        r[{j}] = r{j};')
    w('    }')
    w('')


emit_mul('MulLanes', 'r ← a·b·2^−261 mod q, lane by lane, with r &lt; a·b/2^261 + q (r may alias a or b). Needs a, b &lt; 2^261.', False)
emit_mul('MulLanesDiv32', 'r ← a·b·2^−266 mod q, lane by lane (the product of <see cref="MulLanes"/> divided by 32), with r &lt; a·b/2^266 + q.', True)


def emit_sub(name, doc, multiple, operands):
    """r ← a + multiple·q − (sum of the other operands), carried with arithmetic shifts (limbs may go negative)."""
    kq = limbs(multiple * q)
    w(f'    /// <summary>{doc}</summary>')
    w('    [MethodImpl(MethodImplOptions.AggressiveOptimization)]')
    w(f'    internal static void {name}(V* a, {", ".join("V* " + o for o in operands)}, V* r)')
    w('    {')
    w('        Vector512<long> mask = Vector512.Create((long)LimbMask);')
    for j in range(9):
        rhs = ' - '.join([f'{o}[{j}].AsInt64()' for o in operands])
        w(f'        Vector512<long> d{j} = a[{j}].AsInt64() + Vector512.Create(0x{kq[j]:X}L) - {rhs};')
    for j in range(8):
        w(f'        d{j + 1} += d{j} >> {B};')
        w(f'        r[{j}] = (d{j} & mask).AsUInt64();')
    w('        r[8] = d8.AsUInt64();')
    w('    }')
    w('')


emit_sub('SubPlusQ', 'r ← a + q − b: below a + q, normalized, for b ≤ q.', 1, ['b'])
emit_sub('SubPlus32Q', 'r ← a + 32q − b: below a + 32q, normalized, for b ≤ 32q.', 32, ['b'])
emit_sub('SubTwoPlus2Q', 'r ← a + 2q − b − c: below a + 2q, normalized, for b + c ≤ 2q.', 2, ['b', 'c'])

# Reduction to canonical form: a quotient estimate from the top limb, then two conditional subtractions.
RECIP = (1 << 50) // (Q[8] + 1)
assert RECIP < 1 << 32
# The estimate k = ⌊x8·RECIP/2^50⌋ must satisfy ⌊x/q⌋ − 1 ≤ k ≤ ⌊x/q⌋ for every x below 4q.
for x8 in range(((4 * q) >> 232) + 1):
    k = (x8 * RECIP) >> 50
    lo, hi = x8 << 232, min(((x8 + 1) << 232) - 1, 4 * q - 1)
    assert k * q <= lo and hi // q - 1 <= k, x8
w('    /// <summary>')
w('    /// Reduces a group below 4q (normalized limbs) to the canonical representatives below q: subtracts k·q with')
w(f'    /// k = ⌊top limb · {RECIP} / 2^50⌋ (at most ⌊x/q⌋ and at least ⌊x/q⌋ − 1 below 4q, which the generator')
w('    /// checks for every top limb), which leaves a value below 2p; then p once where the value is not below it.')
w('    /// </summary>')
w('    [MethodImpl(MethodImplOptions.AggressiveOptimization)]')
w('    internal static void ToCanonical(V* x)')
w('    {')
w('        Vector512<long> mask = Vector512.Create((long)LimbMask);')
w(f'        V k = Mul(x[8], Vector512.Create({RECIP}UL)) >>> 50;')
for j in range(9):
    carry = f' + (d{j - 1} >> {B})' if j else ''
    w(f'        Vector512<long> d{j} = x[{j}].AsInt64() - Mul(k, Vector512.Create(0x{Q[j]:X}UL)).AsInt64(){carry};')
for j in range(8): w(f'        Vector512<long> e{j} = d{j} & mask;')
w('        Vector512<long> e8 = d8;')
for rnd in range(1):
    for j in range(9):
        carry = f' + (s{j - 1} >> {B})' if j else ''
        w(f'        {"Vector512<long> " if rnd == 0 else ""}s{j} = e{j} - Vector512.Create(0x{Q[j]:X}L){carry};')
    w(f'        {"Vector512<long> " if rnd == 0 else ""}keep = s8 >> 63; // negative: the value was below q')
    for j in range(8): w(f'        e{j} = Vector512.ConditionalSelect(keep, e{j}, s{j} & mask);')
    w('        e8 = Vector512.ConditionalSelect(keep, e8, s8);')
for j in range(9): w(f'        x[{j}] = e{j}.AsUInt64();')
w('    }')

HEADER = f'''// SPDX-License-Identifier: MIT
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using V = System.Runtime.Intrinsics.Vector512<ulong>;

namespace ZkOptions.Prover.Engines.Cpu;

// Generated by FqVectorKernels.py (python3 src/Prover/Engines/Cpu/FqVectorKernels.py); edit that, not this file.
//
// The Montgomery products, subtractions and the reduction to canonical form, written out limb by limb so that
// the JIT keeps the columns in zmm registers (a loop over a limb array would live in memory). Operand scanning
// (CIOS) on 29-bit limbs: each 64-bit lane accumulates at most 18 products below 2^58 per column, so no carry
// is propagated until the end. Subtractions carry with arithmetic shifts, so limbs may go negative in between.
internal static unsafe partial class {CLASS}
{{
'''
target = os.path.join(os.path.dirname(os.path.abspath(__file__)), 'FqVectorKernels.cs')
with open(target, 'w', encoding='utf-8', newline='\n') as f:
    f.write(HEADER + '\n'.join(out).rstrip('\n') + '\n}\n')
