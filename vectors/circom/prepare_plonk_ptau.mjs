// SPDX-License-Identifier: MIT
// usage: node prepare_plonk_ptau.mjs IN.ptau OUT.ptau
//
// Writes a .ptau "prepared for PLONK": sections 1–7 copied from IN, plus section 12 (tauG1 in the Lagrange
// basis for every domain 2^0 … 2^(power+1)), computed with the pinned ffjavascript exactly as
// `snarkjs powersoftau prepare phase2` computes it (src/powersoftau_preparephase2.js, processSection).
// Why not the real command: it also converts sections 3–5 (tauG2, alphaTauG1, betaTauG1) into sections
// 13–15, which only Groth16 uses; at power 13 the G2 conversion alone takes minutes on a 2-core runner.
// `snarkjs plonk setup` reads only sections 1, 2, 3 and 12, so its output is the same with either file
// (vectors/circom/README.md records the byte-for-byte check of section 12 against the full command).
import { pathToFileURL } from "node:url";
import path from "node:path";

const [inName, outName] = process.argv.slice(2);
if (!inName || !outName) {
  console.error("usage: node prepare_plonk_ptau.mjs IN.ptau OUT.ptau");
  process.exit(2);
}

const modules = path.resolve(path.dirname(new URL(import.meta.url).pathname), "../../tools/node_modules");
const load = (p) => import(pathToFileURL(path.join(modules, p)).href);
const { buildBn128, BigBuffer } = await load("ffjavascript/main.js");
const binFileUtils = await load("@iden3/binfileutils/src/binfileutils.js");

const curve = await buildBn128();
const { fd: fdOld, sections } = await binFileUtils.readBinFile(inName, "ptau", 1);

// Header: n8 (u32), q (n8 bytes), power (u32), ceremonyPower (u32).
const header = await binFileUtils.readSection(fdOld, sections, 1);
const view = new DataView(header.buffer, header.byteOffset, header.byteLength);
const n8 = view.getUint32(0, true);
const power = view.getUint32(4 + n8, true);
if (n8 !== curve.F1.n8) throw new Error(`${inName}: not a bn128 ptau (n8 = ${n8})`);
if (sections[12]) throw new Error(`${inName}: already prepared`);

const fdNew = await binFileUtils.createBinFile(outName, "ptau", 1, 8);
for (const id of [1, 2, 3, 4, 5, 6, 7]) {
  await binFileUtils.copySection(fdOld, sections, fdNew, id);
}

const sG1 = curve.G1.F.n8 * 2;
await binFileUtils.startWriteSection(fdNew, 12);
for (let p = 0; p <= power + 1; p++) {
  const nPoints = 2 ** p;
  let buff = new BigBuffer(nPoints * sG1);
  if (p === power + 1) {
    // Section 2 holds 2^(power+1) − 1 points; snarkjs pads the largest domain with the zero point.
    await fdOld.readToBuffer(buff, 0, (nPoints - 1) * sG1, sections[2][0].p);
    buff.set(curve.G1.zeroAffine, (nPoints - 1) * sG1);
  } else {
    await fdOld.readToBuffer(buff, 0, nPoints * sG1, sections[2][0].p);
  }
  buff = await curve.G1.lagrangeEvaluations(buff, "affine", "affine");
  await fdNew.write(buff);
}
await binFileUtils.endWriteSection(fdNew);

await fdOld.close();
await fdNew.close();
await curve.terminate();
