#!/usr/bin/env python3
"""Generates Fr.g.cs and Fq.g.cs from PrimeField.template.

The two BN254 prime fields share every algorithm; only the modulus and the constants derived from it
differ. Generating both from one template keeps the constants literal (so the JIT folds them) without
writing the arithmetic twice. Run from the repository root:  python3 src/Field/Generator/generate.py
CI regenerates and fails on any diff, so never edit the *.g.cs files by hand.
"""
import os

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.dirname(HERE)

FIELDS = [
    dict(Type="Fq", Name="base field Fq (coordinates of G1 and G2)", Sym="p",
         q=21888242871839275222246405745257275088696311157297823662689037894645226208583,
         nqr=3),
    dict(Type="Fr", Name="scalar field Fr (the group order r; PLONK witnesses and polynomials)", Sym="r",
         q=21888242871839275222246405745257275088548364400416034343698204186575808495617,
         nqr=5),
]

W = 1 << 64


def limbs(x):
    return [(x >> (64 * i)) & (W - 1) for i in range(4)]


def hexl(x):
    return "0x%016XUL" % x


def mul_body():
    """Unrolled CIOS Montgomery product without the final carry word (valid because q[3] < 2^63 − 1).

    m·q0 uses gnark-crypto's madd0: m is chosen so that t0 + m·q0 ≡ 0 (mod 2^64), so the low word is
    not needed and its carry out is exactly (t0 != 0); only the high word of m·q0 is computed.
    """
    L = []
    for i in range(4):
        if i == 0:
            L.append("ulong a = Math.BigMul(x0, y0, out ulong t0);")
            L.append("ulong m = t0 * QInvNeg;")
            L.append("ulong c = Limb.MulHigh(m, Q0) + (t0 != 0 ? 1UL : 0UL); // madd0: low word of t0 + m·q0 is 0")
            L.append("a = Limb.MulAdd(x1, y0, a, out ulong t1);")
            L.append("c = Limb.MulAdd(m, Q1, t1, c, out t0);")
            L.append("a = Limb.MulAdd(x2, y0, a, out ulong t2);")
            L.append("c = Limb.MulAdd(m, Q2, t2, c, out t1);")
            L.append("a = Limb.MulAdd(x3, y0, a, out ulong t3);")
            L.append("c = Limb.MulAdd(m, Q3, t3, c, out t2);")
            L.append("t3 = c + a;")
        else:
            y = "y%d" % i
            L.append(f"a = Limb.MulAdd(x0, {y}, t0, out t0);")
            L.append("m = t0 * QInvNeg;")
            L.append("c = Limb.MulHigh(m, Q0) + (t0 != 0 ? 1UL : 0UL);")
            L.append(f"a = Limb.MulAdd(x1, {y}, t1, a, out t1);")
            L.append("c = Limb.MulAdd(m, Q1, t1, c, out t0);")
            L.append(f"a = Limb.MulAdd(x2, {y}, t2, a, out t2);")
            L.append("c = Limb.MulAdd(m, Q2, t2, c, out t1);")
            L.append(f"a = Limb.MulAdd(x3, {y}, t3, a, out t3);")
            L.append("c = Limb.MulAdd(m, Q3, t3, c, out t2);")
            L.append("t3 = c + a;")
    return "\n".join("        " + s for s in L)


def two_adicity(q):
    s, t = 0, q - 1
    while t % 2 == 0:
        s += 1
        t //= 2
    return s, t


def generate(f):
    q = f["q"]
    # ReduceOnce computes Qj + borrow without a carry check, which needs no limb of q to be 2^64 − 1.
    assert all(v != W - 1 for v in limbs(q)), "a limb of q is 2^64 - 1"
    R = W ** 4 % q
    R2 = W ** 8 % q
    qinv = (-pow(q, -1, W)) % W
    s, t = two_adicity(q)
    nqr = f["nqr"]
    assert pow(nqr, (q - 1) // 2, q) == q - 1, "nqr is not a non-residue"
    z = pow(nqr, t, q)  # a primitive 2^s-th root of unity
    subs = {
        "Type": f["Type"], "Name": f["Name"], "Sym": f["Sym"],
        "ModulusDecimal": str(q), "ModulusHex": "0x%064x" % q,
    }
    for i, v in enumerate(limbs(q)):
        subs[f"Q{i}"] = hexl(v)
    for i, v in enumerate(limbs(R)):
        subs[f"R{i}"] = hexl(v)
    for i, v in enumerate(limbs(R2)):
        subs[f"RR{i}"] = hexl(v)
    subs["QInvNeg"] = hexl(qinv)
    subs["MUL_BODY"] = mul_body()
    subs["TwoAdicity"] = str(s)
    subs["Nqr"] = str(nqr)
    for name, e in [("QMinus2", q - 2), ("QMinus1Half", (q - 1) // 2), ("TMinus1Half", (t - 1) // 2)]:
        subs[name] = ", ".join(hexl(v) for v in limbs(e))
    for i, v in enumerate(limbs(z * R % q)):
        subs[f"Z{i}"] = hexl(v)
    with open(os.path.join(HERE, "PrimeField.template"), encoding="utf-8") as fh:
        text = fh.read()
    for k, v in subs.items():
        text = text.replace("{{" + k + "}}", v)
    assert "{{" not in text, "unreplaced placeholder"
    with open(os.path.join(OUT, f["Type"] + ".g.cs"), "w", encoding="utf-8", newline="\n") as fh:
        fh.write(text)


if __name__ == "__main__":
    for f in FIELDS:
        generate(f)
