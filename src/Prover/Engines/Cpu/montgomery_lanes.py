# SPDX-License-Identifier: MIT
# What the 8-lane kernel generators (NttVectorKernels.py for Fr, FqVectorKernels.py for Fq) share: 29-bit limbs and
# the unrolled CIOS Montgomery product over 9 of them, for any modulus below 2^254. Imported by both; not run itself.
B = 29
M = (1 << B) - 1


def limbs(v):
    """v in 9 limbs of B bits (the top limb takes whatever is left above 8·B bits)."""
    return [(v >> (B * k)) & M for k in range(8)] + [v >> (B * 8)]


def consts(q, ind='        '):
    """Declarations of the mask, −q⁻¹ mod 2^B and q's limbs as vectors."""
    lines = [f'V mask = Vector512.Create(LimbMask);', f'V qInv = Vector512.Create(0x{(-pow(q, -1, 1 << B)) % (1 << B):X}UL);']
    lines += [f'V q{j} = Vector512.Create(0x{limbs(q)[j]:X}UL);' for j in range(9)]
    return [ind + x for x in lines]


def core(aexpr, bname, ind='        ', normalize_out=True):
    """
    CIOS over 9 rounds of B bits: a·b·2^(−9B) (+ a multiple of q). With normalize_out, leaves normalized limbs
    r0..r8; otherwise the 8 unnormalized columns c0..c7.
    """
    names = [f't{k}' for k in range(10)]
    cols = []
    free = list(names)
    lines = []
    for i in range(9):
        lines.append(f'ai = {aexpr(i)};')
        if i == 0:
            cols = free[:9]; free = free[9:]
            for j in range(9): lines.append(f'V {cols[j]} = Mul(ai, {bname(j)});')
        else:
            top = free.pop(0)
            for j in range(8): lines.append(f'{cols[j]} += Mul(ai, {bname(j)});')
            lines.append(f'{"V " if top == "t9" else ""}{top} = Mul(ai, {bname(8)});')
            cols = cols[:8] + [top]
        lines.append(f'm = Mul({cols[0]}, qInv) & mask;')
        for j in range(9): lines.append(f'{cols[j]} += Mul(m, q{j});')
        lines.append(f'{cols[1]} += {cols[0]} >>> {B};')
        free.append(cols[0]); cols = cols[1:]
    if not normalize_out:
        for j in range(8):
            lines.append(f'V c{j} = {cols[j]};')
        return [ind + l for l in lines]
    for j in range(7):
        lines.append(f'{cols[j + 1]} += {cols[j]} >>> {B};')
    for j in range(8):
        lines.append(f'V r{j} = {cols[j]} & mask;')
    lines.append(f'V r8 = {cols[7]} >>> {B};')
    return [ind + l for l in lines]
