// Known-answer vectors for the native Poseidon, BLAKE-512, BabyJubjub, EdDSA-Poseidon and sparse Merkle tree of
// ZkOptions.Field, computed by circomlibjs 0.1.7 (and the npm blake-hash package it uses), which share no code
// with this repository.
//
// Run from the repository root, after `npm ci --prefix tools`:
//
//     node vectors/circomlib/generate.mjs
//
// Writes poseidon.json, poseidon-sponge.json, blake512.json, babyjubjub.json, eddsa.json and smt.json next to this file. Every input
// comes from a fixed SHA-256 counter PRNG (sha256("zkoptions/vectors/circomlib/<label>/<counter>")) or is a
// named edge value, so running the script again reproduces the files byte for byte. The script checks
// circomlibjs against itself where it has two implementations (Poseidon: reference, optimised and wasm;
// blake-hash: native binding and pure JS) and against published constants, and throws instead of writing
// anything if a check fails.

import { createRequire } from 'node:module';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const REPO_ROOT = path.resolve(HERE, '..', '..');
const toolsRequire = createRequire(path.join(REPO_ROOT, 'tools', 'package.json'));

function packageDir(name) {
  // Neither package lists package.json in its "exports"; walk up from the resolved entry point.
  let dir = path.dirname(toolsRequire.resolve(name));
  while (!fs.existsSync(path.join(dir, 'package.json')) || JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8')).name !== name) {
    const up = path.dirname(dir);
    if (up === dir) throw new Error(`package.json of ${name} not found`);
    dir = up;
  }
  return dir;
}
function expectVersion(name, version) {
  const dir = packageDir(name);
  const pkg = JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8'));
  if (pkg.version !== version) {
    throw new Error(`expected ${name} ${version} in tools/node_modules, found ${pkg.version}; run \`npm ci --prefix tools\``);
  }
  return dir;
}

const circomlibjsDir = expectVersion('circomlibjs', '0.1.7');
const blakeHashDir = expectVersion('blake-hash', '2.0.0');
const circomlibjs = await import(pathToFileURL(path.join(circomlibjsDir, 'main.js')).href);
const createBlakeHash = toolsRequire('blake-hash');
const createBlakeHashJs = toolsRequire(path.join(blakeHashDir, 'js.js'));

const GENERATOR = 'vectors/circomlib/generate.mjs with circomlibjs 0.1.7 and blake-hash 2.0.0';
const R = 21888242871839275222246405745257275088548364400416034343698204186575808495617n;

function check(cond, msg) {
  if (!cond) throw new Error('generator self-check failed: ' + msg);
}

// ---------------------------------------------------------------------------------------------------------------
// Deterministic randomness.
// ---------------------------------------------------------------------------------------------------------------
function makeRng(label) {
  let counter = 0;
  const next = () => createHash('sha256').update(`zkoptions/vectors/circomlib/${label}/${counter++}`).digest();
  return {
    bytes(n) {
      const parts = [];
      let have = 0;
      while (have < n) {
        const d = next();
        parts.push(d);
        have += d.length;
      }
      return Buffer.concat(parts).subarray(0, n);
    },
    bits(n) {
      const b = this.bytes(Math.ceil(n / 8));
      let v = BigInt('0x' + b.toString('hex'));
      return v & ((1n << BigInt(n)) - 1n);
    },
    field() {
      return BigInt('0x' + next().toString('hex')) % R;
    },
  };
}

function write(name, doc) {
  const file = path.join(HERE, name);
  fs.writeFileSync(file, JSON.stringify(doc, null, 2) + '\n');
  console.log(`wrote ${path.relative(REPO_ROOT, file)}`);
}

const hex = buf => Buffer.from(buf).toString('hex');

// ---------------------------------------------------------------------------------------------------------------
// Poseidon: reference implementation, cross-checked with the optimised JS one and the wasm one.
// ---------------------------------------------------------------------------------------------------------------
const poseidonRef = await circomlibjs.buildPoseidonReference();
const poseidonOpt = await circomlibjs.buildPoseidonOpt();
const poseidonWasm = await circomlibjs.buildPoseidon();
const F = poseidonRef.F;
check(F.p === R, 'circomlibjs field is BN254 Fr');

function poseidon(inputs) {
  const out = F.toObject(poseidonRef(inputs));
  check(F.toObject(poseidonOpt(inputs)) === out, `poseidon_opt agrees on ${inputs}`);
  check(poseidonWasm.F.toObject(poseidonWasm(inputs)) === out, `wasm poseidon agrees on ${inputs}`);
  return out;
}
function permute(state) {
  const t = state.length;
  const out = poseidonRef(state.slice(1), state[0], t).map(x => F.toObject(x));
  const opt = poseidonOpt(state.slice(1), state[0], t).map(x => F.toObject(x));
  const wasm = poseidonWasm(state.slice(1), state[0], t).map(x => poseidonWasm.F.toObject(x));
  check(out.every((v, i) => v === opt[i] && v === wasm[i]), `full-state permutation agrees for t = ${t}`);
  return out;
}

// Published anchors: circomlib's test vectors for Poseidon([1, 2]) and Poseidon([1, 2, 3, 4]).
check(poseidon([1n, 2n]) === 7853200120776062878684798364095072458815029376092732009249414926327459813530n, 'Poseidon([1,2])');
check(poseidon([1n, 2n, 3n, 4n]) === 18821383157269793795438455681495246036402687001665670618754263018637548127333n, 'Poseidon([1,2,3,4])');

{
  const rng = makeRng('poseidon');
  const cases = [];
  const permutations = [];
  for (let n = 1; n <= 16; n++) {
    const sets = [
      ['zeros', Array(n).fill(0n)],
      ['small', Array.from({ length: n }, (_, i) => BigInt(i + 1))],
      ['r-1', Array(n).fill(R - 1n)],
      ['random', Array.from({ length: n }, () => rng.field())],
      ['random', Array.from({ length: n }, () => rng.field())],
      ['random', Array.from({ length: n }, () => rng.field())],
    ];
    for (const [label, inputs] of sets) {
      cases.push({ nInputs: n, label, inputs: inputs.map(String), output: poseidon(inputs).toString() });
    }
    const state = Array.from({ length: n + 1 }, () => rng.field());
    permutations.push({ width: n + 1, state: state.map(String), output: permute(state).map(String) });
  }
  write('poseidon.json', {
    generator: GENERATOR,
    source: 'circomlibjs buildPoseidonReference (poseidon_reference.js), checked equal to buildPoseidonOpt and the wasm buildPoseidon',
    cases,
    permutations,
  });
}

// ---------------------------------------------------------------------------------------------------------------
// The width-5 Poseidon sponge (ZkOptions.Field.Hashing.PoseidonSponge): state [n, 0, 0, 0, 0], each block of four
// inputs (zero-padded) added into lanes 1..4, then permuted; the hash is lane 0. Each step is circomlibjs's poseidon
// with the previous lane 0 as its initial state.
// ---------------------------------------------------------------------------------------------------------------
function sponge(values) {
  let state = [BigInt(values.length), 0n, 0n, 0n, 0n];
  for (let offset = 0; offset < values.length; offset += 4) {
    const lanes = [1, 2, 3, 4].map(j => F.toObject(F.e((state[j] + (values[offset + j - 1] ?? 0n)) % R)));
    state = permute([state[0], ...lanes]);
  }
  return state[0];
}

{
  const rng = makeRng('poseidon-sponge');
  const cases = [];
  for (const n of [1, 2, 3, 4, 5, 7, 8, 9, 16, 19, 20, 33]) {
    const sets = [
      ['zeros', Array(n).fill(0n)],
      ['small', Array.from({ length: n }, (_, i) => BigInt(i + 1))],
      ['r-1', Array(n).fill(R - 1n)],
      ['random', Array.from({ length: n }, () => rng.field())],
    ];
    for (const [label, inputs] of sets) {
      cases.push({ nInputs: n, label, inputs: inputs.map(String), output: sponge(inputs).toString() });
    }
  }
  check(sponge([0n]) !== sponge([0n, 0n]), 'the length keeps zero-padded inputs apart');
  write('poseidon-sponge.json', {
    generator: GENERATOR,
    source: 'the width-5 sponge built in generate.mjs from circomlibjs poseidon(inputs, initState, 5), every permutation checked equal across buildPoseidonReference, buildPoseidonOpt and the wasm buildPoseidon',
    cases,
  });
}

// ---------------------------------------------------------------------------------------------------------------
// BLAKE-512 (npm blake-hash, which circomlibjs's eddsa.js calls as createBlakeHash("blake512")).
// ---------------------------------------------------------------------------------------------------------------
function blake512(buf) {
  const a = createBlakeHash('blake512').update(Buffer.from(buf)).digest('hex');
  const b = createBlakeHashJs('blake512').update(Buffer.from(buf)).digest('hex');
  check(a === b, `blake-hash native and JS agree on ${buf.length} bytes`);
  return a;
}
// The BLAKE paper's BLAKE-512 examples (Aumasson et al., "SHA-3 proposal BLAKE", appendix).
check(blake512(Buffer.alloc(1)) ===
  '97961587f6d970faba6d2478045de6d1fabd09b61ae50932054d52bc29d31be4ff9102b9f69e2bbdb83be13d4b9c06091e5fa0b48bd081b634058be0ec49beb3',
  'BLAKE-512 of one zero byte');
check(blake512(Buffer.alloc(144)) ===
  '313717d608e9cf758dcb1eb0f0c3cf9fc150b2d500fb33f51c52afc99d358a2f1374b8a38bba7974e7f6ef79cab16f22ce1e649d6e01ad9589c213045d545dde',
  'BLAKE-512 of 144 zero bytes');
{
  const rng = makeRng('blake512');
  const message = rng.bytes(300);
  const prefixes = [];
  for (let n = 0; n <= 300; n++) {
    prefixes.push({ length: n, digest: blake512(message.subarray(0, n)) });
  }
  const fills = [];
  for (const n of [1, 111, 112, 127, 128, 129, 239, 240, 255, 256, 257]) {
    fills.push({ byte: 0, length: n, digest: blake512(Buffer.alloc(n, 0)) });
    fills.push({ byte: 255, length: n, digest: blake512(Buffer.alloc(n, 255)) });
  }
  write('blake512.json', {
    generator: GENERATOR,
    source: 'npm blake-hash createBlakeHash("blake512"), native binding checked equal to the pure-JS implementation',
    message: hex(message),
    prefixes,
    fills,
  });
}

// ---------------------------------------------------------------------------------------------------------------
// BabyJubjub.
// ---------------------------------------------------------------------------------------------------------------
const babyJub = await circomlibjs.buildBabyjub();
const BF = babyJub.F;
const l = babyJub.subOrder;
const pt = P => ({ x: BF.toObject(P[0]).toString(), y: BF.toObject(P[1]).toString() });
const mk = (x, y) => [BF.e(x), BF.e(y)];
const coords = P => [BF.toObject(P[0]), BF.toObject(P[1])];

check(babyJub.order === 21888242871839275222246405745257275088614511777268538073601725287587578984328n, 'order');
check(l === 2736030358979909402780800718157159386076813972158567259200215660948447373041n, 'subOrder (EIP-2494 l)');
check(BF.eq(babyJub.A, BF.e(168700n)) && BF.eq(babyJub.D, BF.e(168696n)), 'a, d');
{
  const b8 = babyJub.mulPointEscalar(babyJub.Generator, 8n);
  check(BF.eq(b8[0], babyJub.Base8[0]) && BF.eq(b8[1], babyJub.Base8[1]), 'Base8 = 8·Generator');
}
{
  const rng = makeRng('babyjubjub');
  const identity = mk(0n, 1n);
  const torsion8 = babyJub.mulPointEscalar(babyJub.Generator, l); // a point of order 8
  const neg = P => [BF.neg(P[0]), P[1]];
  const sub = Array.from({ length: 4 }, () => babyJub.mulPointEscalar(babyJub.Base8, rng.field() % l));
  const full = Array.from({ length: 3 }, () => babyJub.mulPointEscalar(babyJub.Generator, rng.field()));
  const named = [
    ['identity', identity],
    ['Base8', babyJub.Base8],
    ['Generator', babyJub.Generator],
    ['order-8 torsion point', torsion8],
    ['order-2 point (0, -1)', mk(0n, R - 1n)],
    ...sub.map((P, i) => [`random subgroup point ${i}`, P]),
    ...full.map((P, i) => [`random full-group point ${i}`, P]),
  ];
  for (const [name, P] of named) check(babyJub.inCurve(P), `${name} is on the curve`);

  const add = [];
  const pairs = [
    [named[1], named[1]], [named[1], named[0]], [named[0], named[0]], [named[1], named[2]], [named[2], named[3]],
    [named[3], named[4]], [named[5], named[6]], [named[7], named[8]], [named[9], named[10]], [named[11], named[3]],
    [named[5], ['-(random subgroup point 0)', neg(sub[0])]], [named[6], named[6]],
  ];
  for (const [[na, a], [nb, b]] of pairs) {
    add.push({ what: `${na} + ${nb}`, a: pt(a), b: pt(b), sum: pt(babyJub.addPoint(a, b)) });
  }
  const double = named.map(([name, P]) => ({ what: `2·(${name})`, point: pt(P), result: pt(babyJub.addPoint(P, P)) }));

  const scalars = [
    ['0', 0n], ['1', 1n], ['2', 2n], ['3', 3n], ['7', 7n], ['8', 8n], ['255', 255n], ['2^64+1', (1n << 64n) + 1n],
    ['random 253-bit', rng.bits(253)], ['random 253-bit', rng.bits(253)], ['subOrder-1', l - 1n], ['subOrder', l],
    ['subOrder+1', l + 1n], ['order', babyJub.order], ['random 512-bit', rng.bits(512)],
  ];
  const mulPoints = [named[1], named[2], named[3], named[5], named[9]];
  const mul = [];
  for (const [pname, P] of mulPoints) {
    for (const [sname, e] of scalars) {
      mul.push({ what: `${sname} · ${pname}`, point: pt(P), scalar: e.toString(), result: pt(babyJub.mulPointEscalar(P, e)) });
    }
  }
  check(mul.filter(m => m.what === 'subOrder · Base8').every(m => m.result.x === '0' && m.result.y === '1'), 'l·Base8 = O');

  const offCurve = [
    ['(0, 0)', mk(0n, 0n)],
    ['(1, 1)', mk(1n, 1n)],
    ['Base8 with x + 1', [BF.add(babyJub.Base8[0], BF.one), babyJub.Base8[1]]],
    ['random pair', mk(rng.field(), rng.field())],
  ];
  const membership = [...named, ['-(random subgroup point 0)', neg(sub[0])], ...offCurve].map(([name, P]) => ({
    what: name,
    point: pt(P),
    inCurve: babyJub.inCurve(P),
    inSubgroup: babyJub.inSubgroup(P),
  }));

  const pack = named.map(([name, P]) => ({ what: name, point: pt(P), packed: hex(babyJub.packPoint(P)) }));
  pack.push(...[neg(sub[1]), neg(full[0])].map((P, i) => ({ what: `negated point ${i}`, point: pt(P), packed: hex(babyJub.packPoint(P)) })));

  // unpackPoint on packed points, both sign bits, random y values, and a non-canonical y (≥ r).
  const leBytes = v => { const b = Buffer.alloc(32); for (let i = 0; i < 32; i++) { b[i] = Number(v & 0xffn); v >>= 8n; } return b; };
  const unpackInputs = [
    ...pack.map(p => [`packed ${p.what}`, Buffer.from(p.packed, 'hex')]),
    ...Array.from({ length: 6 }, (_, i) => { const b = leBytes(rng.field()); if (i % 2) b[31] |= 0x80; return [`random y ${i}`, b]; }),
    ['y = 0, sign 0', leBytes(0n)],
    ['y = 0, sign 1', (() => { const b = leBytes(0n); b[31] |= 0x80; return b; })()],
    ['non-canonical y = y(Base8) + r', leBytes(BF.toObject(babyJub.Base8[1]) + R)],
  ];
  const unpack = unpackInputs.map(([what, b]) => {
    const y = BigInt('0x' + Buffer.from(b).reverse().toString('hex')) & ((1n << 255n) - 1n);
    const P = babyJub.unpackPoint(Uint8Array.from(b)); // unpackPoint clears the sign bit of its argument: pass a copy
    if (P) check(babyJub.inCurve(P), `unpacked ${what} is on the curve`);
    return { what, packed: hex(b), canonical: y < R, point: P ? pt(P) : null };
  });
  check(unpack.some(u => u.point === null) && unpack.some(u => u.point !== null && u.canonical), 'unpack has both outcomes');

  write('babyjubjub.json', {
    generator: GENERATOR,
    source: 'circomlibjs buildBabyjub (src/babyjub.js): addPoint, mulPointEscalar, inCurve, inSubgroup, packPoint, unpackPoint',
    a: '168700',
    d: '168696',
    generatorPoint: pt(babyJub.Generator),
    base8: pt(babyJub.Base8),
    order: babyJub.order.toString(),
    subOrder: l.toString(),
    add,
    double,
    mul,
    membership,
    pack,
    unpack,
  });
}

// ---------------------------------------------------------------------------------------------------------------
// EdDSA-Poseidon.
// ---------------------------------------------------------------------------------------------------------------
{
  const eddsa = await circomlibjs.buildEddsa();
  const EF = eddsa.F;
  const rng = makeRng('eddsa');
  const keyHexes = [
    '0001020304050607080900010203040506070809000102030405060708090001', // circomlibjs's own eddsa test key
    '00'.repeat(32),
    'ff'.repeat(32),
    ...Array.from({ length: 7 }, () => hex(rng.bytes(32))),
  ];
  const messages = [0n, 1n, R - 1n, 1234567890n];
  const keys = [];
  const signatures = [];
  for (const [k, keyHex] of keyHexes.entries()) {
    const prv = Buffer.from(keyHex, 'hex');
    const A = eddsa.prv2pub(prv);
    check(eddsa.babyJub.inSubgroup(A), `public key ${k} is in the subgroup`);
    keys.push({ privateKey: keyHex, Ax: EF.toObject(A[0]).toString(), Ay: EF.toObject(A[1]).toString() });
    const msgs = [messages[k % messages.length], rng.field()];
    for (const m of msgs) {
      const sig = eddsa.signPoseidon(prv, EF.e(m));
      check(eddsa.verifyPoseidon(EF.e(m), sig, A), `signature by key ${k} verifies`);
      signatures.push({
        privateKey: keyHex,
        Ax: keys[k].Ax, Ay: keys[k].Ay,
        message: m.toString(),
        R8x: EF.toObject(sig.R8[0]).toString(), R8y: EF.toObject(sig.R8[1]).toString(),
        S: sig.S.toString(),
      });
    }
  }

  // Tampered cases. The expected result is what verifyPoseidon returns (asserted false here), not a guess.
  const verifications = [];
  const verify = (what, s, change) => {
    const c = { Ax: BigInt(s.Ax), Ay: BigInt(s.Ay), message: BigInt(s.message), R8x: BigInt(s.R8x), R8y: BigInt(s.R8y), S: BigInt(s.S), ...change };
    const valid = eddsa.verifyPoseidon(EF.e(c.message), { R8: [EF.e(c.R8x), EF.e(c.R8y)], S: c.S }, [EF.e(c.Ax), EF.e(c.Ay)]);
    verifications.push({
      what,
      Ax: c.Ax.toString(), Ay: c.Ay.toString(), message: c.message.toString(),
      R8x: c.R8x.toString(), R8y: c.R8y.toString(), S: c.S.toString(),
      valid,
    });
    return valid;
  };
  const l = eddsa.babyJub.subOrder;
  for (const [i, s] of signatures.entries()) {
    if (i % 4 !== 0) continue;
    const other = keys[(keys.findIndex(k => k.privateKey === s.privateKey) + 1) % keys.length];
    const r8 = [EF.e(BigInt(s.R8x)), EF.e(BigInt(s.R8y))];
    const r8moved = eddsa.babyJub.addPoint(r8, eddsa.babyJub.Base8);
    check(verify('genuine', s, {}) === true, 'genuine signature verifies');
    check(verify('S + 1', s, { S: (BigInt(s.S) + 1n) }) === false, 'S + 1');
    check(verify('S + subOrder (same point Base8·S, but S ≥ subOrder)', s, { S: BigInt(s.S) + l }) === false, 'S + l');
    check(verify('other message', s, { message: (BigInt(s.message) + 1n) % R }) === false, 'other message');
    check(verify('other public key', s, { Ax: BigInt(other.Ax), Ay: BigInt(other.Ay) }) === false, 'other key');
    check(verify('R8 + Base8', s, { R8x: EF.toObject(r8moved[0]), R8y: EF.toObject(r8moved[1]) }) === false, 'R8 moved');
    check(verify('R8 off the curve (R8y + 1)', s, { R8y: (BigInt(s.R8y) + 1n) % R }) === false, 'R8 off curve');
    check(verify('public key off the curve (Ay + 1)', s, { Ay: (BigInt(s.Ay) + 1n) % R }) === false, 'A off curve');
  }
  write('eddsa.json', {
    generator: GENERATOR,
    source: 'circomlibjs buildEddsa (src/eddsa.js): prv2pub, signPoseidon, verifyPoseidon',
    keys,
    signatures,
    verifications,
  });
}

// ---------------------------------------------------------------------------------------------------------------
// Sparse Merkle trees: built here by full recomputation over every leaf, with circomlibjs's Poseidon as the only
// primitive (node = poseidon([children in order]), empty leaf 0).
// ---------------------------------------------------------------------------------------------------------------
{
  const rng = makeRng('smt');
  const hashNode = children => poseidon(children);
  function build(arity, depth, leaves) {
    const size = arity ** depth;
    let level = Array(size).fill(0n);
    for (const [i, v] of leaves) level[i] = v;
    const levels = [level];
    for (let d = 0; d < depth; d++) {
      const next = [];
      for (let i = 0; i < level.length; i += arity) next.push(hashNode(level.slice(i, i + arity)));
      level = next;
      levels.push(level);
    }
    return levels;
  }
  function proof(levels, arity, index) {
    const siblings = [];
    let node = index;
    for (let d = 0; d + 1 < levels.length; d++) {
      const pos = node % arity;
      const first = node - pos;
      const sib = [];
      for (let k = 0; k < arity; k++) if (k !== pos) sib.push(levels[d][first + k].toString());
      siblings.push(sib);
      node = (node - pos) / arity;
    }
    return siblings;
  }
  const trees = [];
  for (const [arity, depth] of [[2, 3], [2, 4], [4, 3], [4, 4]]) {
    const size = arity ** depth;
    const emptyRoots = build(arity, depth, []).map(lv => lv[0].toString());
    const picks = [0, size - 1, 1 + Number(rng.bits(16)) % (size - 2), 1 + Number(rng.bits(16)) % (size - 2), 1 + Number(rng.bits(16)) % (size - 2)];
    const leaves = [...new Set(picks)].map(i => [i, rng.field()]);
    const levels = build(arity, depth, leaves);
    const proofIndex = leaves[2][0];
    const emptyIndex = [...Array(size).keys()].find(i => !leaves.some(([j]) => j === i));
    trees.push({
      arity,
      depth,
      emptyRoots, // E_0 (= 0) … E_depth (the empty tree's root)
      leaves: leaves.map(([i, v]) => ({ index: i, value: v.toString() })),
      root: levels[depth][0].toString(),
      proofs: [proofIndex, 0, emptyIndex].map(i => ({ index: i, leaf: levels[0][i].toString(), siblings: proof(levels, arity, i) })),
    });
  }
  write('smt.json', {
    generator: GENERATOR,
    source: 'trees built in generate.mjs by full recomputation; every node hash is circomlibjs poseidon([children])',
    trees,
  });
}

process.exit(0);
