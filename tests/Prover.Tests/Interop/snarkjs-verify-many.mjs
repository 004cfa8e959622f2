// SPDX-License-Identifier: MIT
// usage: node snarkjs-verify-many.mjs JOBS.json
// JOBS.json: [{"vk": path, "public": path, "proof": path}, ...]. Runs the pinned snarkjs's own PLONK verifier
// (the function `snarkjs plonk verify` calls) on each job in one process, so a test can check dozens of tampered
// proofs without paying node and curve start-up each time. Prints one JSON array of booleans.
import fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";

const here = path.dirname(new URL(import.meta.url).pathname);
const require = createRequire(import.meta.url);
const root = process.env.ZKOPTIONS_ROOT ?? path.resolve(here, "../../..");
const snarkjs = require(path.join(root, "tools/node_modules/snarkjs/build/main.cjs"));
const jobs = JSON.parse(fs.readFileSync(process.argv[2], "utf8"));
const read = (p) => JSON.parse(fs.readFileSync(p, "utf8"));
const results = [];
for (const job of jobs) {
  let ok;
  try {
    ok = await snarkjs.plonk.verify(read(job.vk), read(job.public), read(job.proof));
  } catch (e) {
    ok = false;
  }
  results.push(ok === true);
}
console.log(JSON.stringify(results));
process.exit(0);
