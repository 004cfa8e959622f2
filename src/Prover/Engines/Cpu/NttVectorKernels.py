#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
# Writes NttVectorKernels.cs next to this file: the 8-lane Montgomery product and butterflies of
# NttVectorField, unrolled limb by limb (see the comment at the top of the output). Run it after editing:
#     python3 src/Prover/Engines/Cpu/NttVectorKernels.py
q=21888242871839275222246405745257275088548364400416034343698204186575808495617
B=29; M=(1<<B)-1
limbs=lambda v:[(v>>(B*k))&M for k in range(9)]
def padded(v):
    p=limbs(v); pp=[p[0]+(1<<B)]+[p[i]+(1<<B)-1 for i in range(1,8)]+[p[8]-1]
    assert sum(x<<(B*i) for i,x in enumerate(pp))==v and all(x>=M for x in pp[:8])
    return pp
Q=limbs(q); P4=padded(4*q); P8=padded(8*q)
out=[]
w=out.append
def core(aexpr, bname, ind='        ', normalize_out=True):
    # leaves normalized product limbs in r0..r8
    names=[f't{k}' for k in range(10)]
    cols=[]  # current column names
    free=list(names)
    lines=[]
    for i in range(9):
        lines.append(f'ai = {aexpr(i)};')
        if i==0:
            cols=free[:9]; free=free[9:]
            for j in range(9): lines.append(f'V {cols[j]} = Mul(ai, {bname(j)});')
        else:
            newtop=free.pop(0)
            for j in range(8): lines.append(f'{cols[j]} += Mul(ai, {bname(j)});')
            decl = 'V ' if newtop=='t9' else ''
            lines.append(f'{decl}{newtop} = Mul(ai, {bname(8)});')
            cols=cols[:8]+[newtop]
        lines.append(f'm = Mul({cols[0]}, qInv) & mask;')
        for j in range(9): lines.append(f'{cols[j]} += Mul(m, q{j});')
        lines.append(f'{cols[1]} += {cols[0]} >>> {B};')
        free.append(cols[0]); cols=cols[1:]
    if not normalize_out:
        for j in range(8):
            lines.append(f'V c{j} = {cols[j]};')
        return [ind+l for l in lines]
    # normalize 8 columns into r0..r8
    for j in range(7):
        lines.append(f'{cols[j+1]} += {cols[j]} >>> {B};')
    for j in range(8):
        lines.append(f'V r{j} = {cols[j]} & mask;')
    lines.append(f'V r8 = {cols[7]} >>> {B};')
    return [ind+l for l in lines]

def consts(ind='        '):
    l=[f'V mask = Vector512.Create(LimbMask);', f'V qInv = Vector512.Create(0x{(-pow(q,-1,1<<B))%(1<<B):X}UL);']
    l+= [f'V q{j} = Vector512.Create(0x{Q[j]:X}UL);' for j in range(9)]
    return [ind+x for x in l]

def normalize(prefix, ind='        '):
    l=[]
    for j in range(8):
        l.append(f'{prefix}{j+1} += {prefix}{j} >>> {B};')
        l.append(f'{prefix}{j} &= mask;')
    return [ind+x for x in l]

def emit_mul(name, doc, bdecl, bname, extra_params):
    w(f'    /// <summary>{doc}</summary>')
    w(f'    internal static void {name}(V* a, {extra_params}, V* r)')
    w('    {')
    out.extend(consts())
    out.extend(bdecl)
    w('        V ai, m;')
    out.extend(core(lambda i: f'a[{i}]', bname))
    for j in range(9): w(f'        r[{j}] = r{j};')
    w('    }')
    w('')

emit_mul('MulLanes', 'r ← a·b·2^−261 mod q, lane by lane, with r &lt; a·b/2^261 + q: below 3q for a &lt; 2^261 and b &lt; 2q (r may alias a or b).',
         [f'        V b{j} = b[{j}];' for j in range(9)], lambda j: f'b{j}', 'V* b')
emit_mul('MulBroadcast', 'r ← a·b·2^−261 mod q with one b (9 scalar limbs) for all lanes; r &lt; 2q for a &lt; 2^261 and b &lt; q.',
         [f'        V b{j} = Vector512.Create(b[{j}]);' for j in range(9)], lambda j: f'b{j}', 'ulong* b')

# butterfly with twiddle
w('    /// <summary>')
w('    /// Decimation-in-time butterfly (u, v) ← (u + w·v, u − w·v + 4q) with one twiddle w (9 scalar limbs, &lt; q)')
w('    /// for all lanes. w·v &lt; 2q, so each output exceeds the bound of u by at most 4q. The product is left in')
w('    /// unnormalized columns c0…c7 (each below 2^63); the sum is carried with logical shifts and the difference,')
w('    /// whose limbs may go negative, with arithmetic ones (its value is positive because 4q exceeds w·v).')
w('    /// </summary>')
w('    internal static void Butterfly(V* u, V* v, ulong* w)')
w('    {')
out.extend(consts())
out.extend([f'        V b{j} = Vector512.Create(w[{j}]);' for j in range(9)])
w('        V ai, m;')
out.extend(core(lambda i: f'v[{i}]', lambda j: f'b{j}', normalize_out=False))
for j in range(9):
    w(f'        V u{j} = u[{j}];')
for j in range(8):
    w(f'        V s{j} = u{j} + c{j};')
w('        V s8 = u8;')
for j in range(8):
    w(f'        Vector512<long> d{j} = (u{j} + Vector512.Create(0x{P4[j]:X}UL) - c{j}).AsInt64();')
w(f'        Vector512<long> d8 = (u8 + Vector512.Create(0x{P4[8]:X}UL)).AsInt64();')
out.extend(normalize('s'))
for j in range(8):
    w(f'        d{j+1} += d{j} >> {B};')
for j in range(9): w(f'        u[{j}] = s{j};')
for j in range(8): w(f'        v[{j}] = (d{j}.AsUInt64() & mask);')
w('        v[8] = d8.AsUInt64();')
w('    }')
w('')
for name,P,mult in (('ButterflyByOne4Q',P4,4),('ButterflyByOne8Q',P8,8)):
    w(f'    /// <summary>Butterfly with twiddle one: (u, v) ← (u + v, u − v + {mult}q); needs v &lt; {mult}q.</summary>')
    w(f'    internal static void {name}(V* u, V* v)')
    w('    {')
    w('        V mask = Vector512.Create(LimbMask);')
    for j in range(9):
        w(f'        V u{j} = u[{j}], r{j} = v[{j}];')
    for j in range(9):
        w(f'        V s{j} = u{j} + r{j};')
    for j in range(9):
        w(f'        V d{j} = u{j} + Vector512.Create(0x{P[j]:X}UL) - r{j};')
    out.extend(normalize('s')); out.extend(normalize('d'))
    for j in range(9): w(f'        u[{j}] = s{j};')
    for j in range(9): w(f'        v[{j}] = d{j};')
    w('    }')
    w('')
HEADER = '''// SPDX-License-Identifier: MIT
using System.Runtime.Intrinsics;
using V = System.Runtime.Intrinsics.Vector512<ulong>;

namespace ZkOptions.Prover.Engines.Cpu;

// Generated by NttVectorKernels.py (python3 src/Prover/Engines/Cpu/NttVectorKernels.py); edit that, not this file.
//
// The Montgomery product and the butterflies, written out limb by limb so that the JIT keeps the columns in
// zmm registers (a loop over a limb array would live in memory). Operand scanning (CIOS) on 29-bit limbs:
// each 64-bit lane accumulates at most 18 products below 2^58 per column, so no carry is propagated until
// the end. The constants are q in 29-bit limbs, −q⁻¹ mod 2^29, and 4q and 8q "padded" so that every limb
// but the top one is at least 2^29 − 1 (a limb-wise u + 4q − t then never goes negative).
internal static unsafe partial class NttVectorField
{
'''
import os
target = os.path.join(os.path.dirname(os.path.abspath(__file__)), 'NttVectorKernels.cs')
with open(target, 'w', encoding='utf-8', newline='\n') as f:
    f.write(HEADER + '\n'.join(out).rstrip('\n') + '\n}\n')

