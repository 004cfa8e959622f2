// SPDX-License-Identifier: MIT
// Runs the pinned solcjs on Solidity standard-JSON input.
// Usage: node solc-standard-json.mjs <path to tools/node_modules/solc>  < input.json  > output.json
// Output: {"version": "<solc version>", "output": <solc's standard-JSON output>}.
// All sources must be in the input: there is no import callback, so an import of a missing file is a solc error.
import { createRequire } from 'node:module';
import path from 'node:path';

const solcDir = process.argv[2];
if (!solcDir) {
  process.stderr.write('usage: node solc-standard-json.mjs <solc package directory>\n');
  process.exit(2);
}
const require = createRequire(import.meta.url);
const solc = require(path.resolve(solcDir));

const chunks = [];
for await (const chunk of process.stdin) {
  chunks.push(chunk);
}
const input = Buffer.concat(chunks).toString('utf8');
const output = JSON.parse(solc.compile(input));
process.stdout.write(JSON.stringify({ version: solc.version(), output }));
