#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# usage: vectors/snarkjs/refresh.sh
# Replaces the checked-in snarkjs files with fresh ones from vectors/circom/build.sh (see README.md). The proof
# and the ptau differ on every run (snarkjs mixes system randomness into contributions and blinding), so only
# run this when the set itself must change, and commit all files together.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
out="$root/artifacts/circom"
"$root/vectors/circom/build.sh" "$out"
cp "$out/pot8_final.ptau" "$here/pot8_final.ptau"
cp "$out/public_inputs.build/public_inputs.r1cs" "$here/public_inputs.r1cs"
cp "$out/public_inputs.wtns" "$here/public_inputs.wtns"
cp "$out/public_inputs.groth16.zkey" "$here/public_inputs.groth16.zkey"
for f in plonk.zkey vkey.json proof.json public.json; do
  cp "$out/small/public_inputs.$f" "$here/public_inputs.$f"
done
du -ch "$here"/*.ptau "$here"/*.zkey "$here"/*.r1cs "$here"/*.wtns "$here"/*.json | tail -1
