// Independent NTT test vectors for BN254's scalar field Fr, from ffjavascript (the library snarkjs uses).
//
// Run from the repository root, after `npm ci --prefix tools`:
//
//     node vectors/ntt/generate.mjs
//
// Writes ntt.json next to this file:
//   - roots: for every log2n = 0 … 28, ffjavascript's Fr.w[log2n] and Fr.wi[log2n] (decimal), taken from the
//     pure-JS F1Field and checked here against the WASM field of buildBn128 (the one snarkjs proves with);
//   - fft: 2^10 deterministic inputs and ffjavascript's F1Field.fft and F1Field.ifft of them.
// Inputs come from a fixed SHA-256 counter PRNG, so running the script again reproduces ntt.json byte for byte.

import { createRequire } from 'node:module';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const REPO_ROOT = path.resolve(HERE, '..', '..');
const toolsRequire = createRequire(path.join(REPO_ROOT, 'tools', 'package.json'));

const FFJS_VERSION_EXPECTED = '0.3.1';
const ffjsMain = toolsRequire.resolve('ffjavascript');
const ffjsDir = path.dirname(ffjsMain).replace(/[\\/]build$/, '');
const ffjsPkg = JSON.parse(fs.readFileSync(path.join(ffjsDir, 'package.json'), 'utf8'));
if (ffjsPkg.name !== 'ffjavascript' || ffjsPkg.version !== FFJS_VERSION_EXPECTED) {
  throw new Error(`expected ffjavascript ${FFJS_VERSION_EXPECTED} in tools/node_modules, found ${ffjsPkg.name} ${ffjsPkg.version}; run \`npm ci --prefix tools\``);
}
const { F1Field, buildBn128 } = await import(pathToFileURL(path.join(ffjsDir, 'main.js')).href);

const R = 21888242871839275222246405745257275088548364400416034343698204186575808495617n;
const F = new F1Field(R);
const MAX_LOG2 = 28;
const FFT_LOG2 = 10;

// Cross-check the pure-JS roots against the WASM field snarkjs uses.
const curve = await buildBn128(true);
if (curve.r !== R || F.s !== MAX_LOG2) {
  throw new Error('unexpected BN254 scalar field parameters');
}
const roots = [];
for (let k = 0; k <= MAX_LOG2; k++) {
  const w = F.w[k];
  const wi = F.wi[k];
  if (curve.Fr.toObject(curve.Fr.w[k]) !== w) {
    throw new Error(`F1Field.w[${k}] differs from the WASM field's`);
  }
  if (F.mul(w, wi) !== F.one || F.pow(w, 1n << BigInt(k)) !== F.one || (k > 0 && F.pow(w, 1n << BigInt(k - 1)) === F.one)) {
    throw new Error(`w[${k}] is not a primitive 2^${k}-th root of unity with inverse wi[${k}]`);
  }
  roots.push({ log2n: k, w: w.toString(), wi: wi.toString() });
}
await curve.terminate();

function prng(label, counter) {
  const digest = createHash('sha256').update(`zkoptions/vectors/ntt/${label}/${counter}`).digest('hex');
  return BigInt('0x' + digest) % R;
}
const inputs = [];
for (let i = 0; i < 1 << FFT_LOG2; i++) {
  inputs.push(prng('fft-input', i));
}
const fft = F.fft(inputs);
const ifft = F.ifft(inputs);

const doc = {
  generator: `vectors/ntt/generate.mjs with ffjavascript ${ffjsPkg.version}`,
  field: 'BN254 Fr, r = ' + R.toString(),
  notes: 'w[k] = ffjavascript Fr.w[k] (primitive 2^k-th root of unity), wi[k] its inverse. fft/ifft: F1Field.fft/ifft, natural order in and out; ifft includes the 1/n scaling.',
  roots,
  fft: {
    log2n: FFT_LOG2,
    input: inputs.map(String),
    forward: fft.map(String),
    inverse: ifft.map(String),
  },
};
fs.writeFileSync(path.join(HERE, 'ntt.json'), JSON.stringify(doc, null, 1) + '\n');
console.log(`wrote ${path.join('vectors', 'ntt', 'ntt.json')}: ${roots.length} roots, fft of 2^${FFT_LOG2}`);
