// SPDX-License-Identifier: MIT
// usage: node manifest.mjs OUTDIR MANIFEST_PATH
// Describes what vectors/circom/build.sh made in OUTDIR (paths relative to OUTDIR), so tests look files up
// by circuit name instead of hard-coding the script's naming.
import fs from "node:fs";
import path from "node:path";

const [outDir, target] = process.argv.slice(2);
const here = path.dirname(new URL(import.meta.url).pathname);
const root = path.resolve(here, "../..");
const readJson = (p) => JSON.parse(fs.readFileSync(p, "utf8"));
const version = (pkg) => readJson(path.join(root, "tools/node_modules", pkg, "package.json")).version;
const mustExist = (rel) => {
  if (!fs.existsSync(path.join(outDir, rel))) throw new Error(`${outDir}: missing ${rel}`);
  return rel;
};

function plonkSet(name, prefix) {
  const vkey = readJson(path.join(outDir, `${prefix}.vkey.json`));
  return {
    name,
    source: `vectors/circom/${name}.circom`,
    input: `vectors/circom/${name}.input.json`,
    r1cs: mustExist(`${name}.build/${name}.r1cs`),
    wasm: mustExist(`${name}.build/${name}_js/${name}.wasm`),
    wtns: mustExist(`${name}.wtns`),
    plonkZkey: mustExist(`${prefix}.plonk.zkey`),
    vkey: mustExist(`${prefix}.vkey.json`),
    proof: mustExist(`${prefix}.proof.json`),
    public: mustExist(`${prefix}.public.json`),
    nPublic: vkey.nPublic,
    power: vkey.power,
  };
}

const circuits = ["public_inputs", "many_gates", "poseidon", "eight_publics"];
const manifest = {
  tools: { snarkjs: version("snarkjs"), circom2: version("circom2"), ffjavascript: version("ffjavascript") },
  ptau: { file: mustExist("pot13_plonk.ptau"), power: 13, phase2Sections: [12] },
  smallPtau: { file: mustExist("pot8_final.ptau"), power: 8, phase2Sections: [12, 13, 14, 15] },
  circuits: circuits.map((c) => plonkSet(c, c)),
  smallPtauSet: plonkSet("public_inputs", "small/public_inputs"),
  groth16: { circuit: "public_inputs", zkey: mustExist("public_inputs.groth16.zkey"), ptau: "pot8_final.ptau" },
};
fs.writeFileSync(target, JSON.stringify(manifest, null, 1) + "\n");
