// Extracts circomlib's Poseidon constants from circomlibjs 0.1.7 into src/Field/Hashing/poseidon-constants.bin,
// the compact file that ZkOptions.Field embeds and loads (src/Field/Hashing/PoseidonConstants.cs).
//
// Run from the repository root, after `npm ci --prefix tools`:
//
//     node vectors/circomlib/poseidon-constants.mjs
//
// Source: circomlibjs's src/poseidon_constants.json, the non-optimised round constants C and MDS matrices M that
// src/poseidon_reference.js uses (its src/poseidon_constants.js is checked here to hold the same values). For
// t = nInputs + 1 = 2 … 17, C[t-2] holds (8 + partialRounds)·t constants, round by round (constant of state
// element i in round r at index r·t + i), and M[t-2] is a t×t matrix applied as new[i] = Σ_j M[i][j]·state[j].
//
// File layout (every integer little-endian, every field element a canonical 32-byte BIG-endian integer < r, the
// same digits as circomlibjs's hex strings):
//
//   offset 0   8 bytes   ASCII magic "ZKPOSEID"
//          8   u32       format version = 1
//         12   u32       number of widths = 16 (t = 2 … 17, in that order)
//         16   u32       full rounds = 8
//         20   then, for each t = 2 … 17:
//                u32       t
//                u32       partial rounds for this t
//                (8 + partialRounds)·t × 32 bytes   round constants, circomlib's C[t-2] order
//                t·t × 32 bytes                     MDS matrix, row-major: M[t-2][0][0], M[t-2][0][1], …
//
// Nothing follows the last width. The script writes the same bytes every time (no timestamps), so CI
// regenerates the file and fails on any difference.

import { createRequire } from 'node:module';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const REPO_ROOT = path.resolve(HERE, '..', '..');
const OUTPUT = path.join(REPO_ROOT, 'src', 'Field', 'Hashing', 'poseidon-constants.bin');
const toolsRequire = createRequire(path.join(REPO_ROOT, 'tools', 'package.json'));

const CIRCOMLIBJS_VERSION_EXPECTED = '0.1.7';
// package.json is not in circomlibjs's "exports" map; its require entry is build/main.cjs.
const circomlibjsDir = path.dirname(toolsRequire.resolve('circomlibjs')).replace(/[\\/]build$/, '');
const pkg = JSON.parse(fs.readFileSync(path.join(circomlibjsDir, 'package.json'), 'utf8'));
if (pkg.name !== 'circomlibjs' || pkg.version !== CIRCOMLIBJS_VERSION_EXPECTED) {
  throw new Error(`expected circomlibjs ${CIRCOMLIBJS_VERSION_EXPECTED} in tools/node_modules, found ${pkg.name} ${pkg.version}; run \`npm ci --prefix tools\``);
}

const R = 21888242871839275222246405745257275088548364400416034343698204186575808495617n;
const FULL_ROUNDS = 8;
// circomlibjs src/poseidon_reference.js, N_ROUNDS_P, indexed by t − 2.
const PARTIAL_ROUNDS = [56, 57, 56, 60, 60, 63, 64, 63, 60, 66, 60, 65, 70, 60, 64, 68];

const json = JSON.parse(fs.readFileSync(path.join(circomlibjsDir, 'src', 'poseidon_constants.json'), 'utf8'));
const fromJs = (await import(pathToFileURL(path.join(circomlibjsDir, 'src', 'poseidon_constants.js')).href)).default;
if (JSON.stringify(fromJs) !== JSON.stringify(json)) {
  throw new Error('circomlibjs poseidon_constants.json and poseidon_constants.js differ');
}

function check(cond, msg) {
  if (!cond) throw new Error('poseidon-constants: ' + msg);
}

function element(hex, where) {
  check(typeof hex === 'string' && /^0x[0-9a-f]{64}$/.test(hex), `${where}: ${hex} is not a 32-byte 0x-hex string`);
  const v = BigInt(hex);
  check(v < R, `${where}: ${hex} is not below r`);
  return Buffer.from(hex.slice(2), 'hex');
}

function u32(n) {
  const b = Buffer.alloc(4);
  b.writeUInt32LE(n, 0);
  return b;
}

check(Array.isArray(json.C) && json.C.length === PARTIAL_ROUNDS.length, 'C must have 16 widths');
check(Array.isArray(json.M) && json.M.length === PARTIAL_ROUNDS.length, 'M must have 16 widths');

const parts = [Buffer.from('ZKPOSEID', 'ascii'), u32(1), u32(PARTIAL_ROUNDS.length), u32(FULL_ROUNDS)];
for (let k = 0; k < PARTIAL_ROUNDS.length; k++) {
  const t = k + 2;
  const nP = PARTIAL_ROUNDS[k];
  const C = json.C[k];
  const M = json.M[k];
  check(C.length === (FULL_ROUNDS + nP) * t, `C[${k}] has ${C.length} constants, expected ${(FULL_ROUNDS + nP) * t}`);
  check(M.length === t && M.every(row => row.length === t), `M[${k}] is not ${t}×${t}`);
  parts.push(u32(t), u32(nP));
  C.forEach((c, i) => parts.push(element(c, `C[${k}][${i}]`)));
  M.forEach((row, i) => row.forEach((m, j) => parts.push(element(m, `M[${k}][${i}][${j}]`))));
}
const bytes = Buffer.concat(parts);
fs.writeFileSync(OUTPUT, bytes);
console.log(`wrote ${path.relative(REPO_ROOT, OUTPUT)}: ${bytes.length} bytes (circomlibjs ${pkg.version})`);
