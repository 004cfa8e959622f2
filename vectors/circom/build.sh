#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# usage: vectors/circom/build.sh OUTDIR
#
# Builds the circom interop set with the pinned tools (tools/package-lock.json: circom2, snarkjs):
# compiles each circuit (.r1cs, .wasm), computes its witness from the checked-in input, makes powers of tau,
# runs `snarkjs plonk setup`, exports the verification key and makes one snarkjs PLONK proof per circuit,
# plus a Groth16 key for circuit (a) (negative tests), then writes OUTDIR/manifest.json.
#
# Idempotent: every output is written under a temporary name and renamed when complete, and a step is skipped
# when its output exists. OUTDIR/stamp holds a hash of the inputs (circuits, inputs, scripts, tool lock file);
# when it changes, the old outputs are deleted first so nothing stale survives.
set -euo pipefail

if [ $# -ne 1 ]; then
  echo "usage: $0 OUTDIR" >&2
  exit 2
fi
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
mkdir -p "$1"
out=$(cd "$1" && pwd)
bin="$root/tools/node_modules/.bin"
for tool in circom2 snarkjs; do
  [ -x "$bin/$tool" ] || { echo "$bin/$tool is missing: run npm ci --prefix tools" >&2; exit 1; }
done
snarkjs() { "$bin/snarkjs" "$@" >/dev/null; }

circuits=(public_inputs many_gates poseidon eight_publics)
ptau_power=13 # smallest power covering many_gates (2^13 PLONK domain); see README.md
small_power=8 # the checked-in unit-test set (vectors/snarkjs) and circuit (a)'s Groth16 key

# --- staleness: a hash of everything the outputs depend on -------------------------------------------------
stamp=$(cd "$here" && cat build.sh prepare_plonk_ptau.mjs manifest.mjs ./*.circom ./*.input.json "$root/tools/package-lock.json" | sha256sum | cut -d' ' -f1)
if [ -f "$out/stamp" ] && [ "$(cat "$out/stamp")" != "$stamp" ]; then
  echo "inputs changed: clearing $out"
  find "$out" -mindepth 1 -delete
elif [ ! -f "$out/stamp" ] && [ -n "$(ls -A "$out")" ]; then
  echo "$out is not empty and was not made by this script; refusing to write into it" >&2
  exit 1
fi
echo "$stamp" > "$out/stamp"

# produce OUTPUT COMMAND...: runs COMMAND with "@" standing for a temporary path, then renames it onto OUTPUT.
# Skips the step when OUTPUT exists.
produce() {
  local target=$1; shift
  [ -e "$target" ] && return 0
  local tmp="$target.tmp.$$" start=$SECONDS
  local args=()
  for a in "$@"; do [ "$a" = "@" ] && args+=("$tmp") || args+=("$a"); done
  rm -rf "$tmp"
  "${args[@]}"
  mv "$tmp" "$target"
  echo "  ${target#"$out/"} ($((SECONDS - start)) s)"
}

compile() { # compile NAME TMPDIR: circom writes NAME.r1cs and NAME_js/ into TMPDIR
  mkdir -p "$2"
  "$bin/circom2" "$here/$1.circom" --r1cs --wasm -l "$root/tools/node_modules" -o "$2" >/dev/null
}

echo "building circom vectors into $out"
for c in "${circuits[@]}"; do
  produce "$out/$c.build" compile "$c" @
  produce "$out/$c.wtns" snarkjs wtns calculate "$out/$c.build/${c}_js/$c.wasm" "$here/$c.input.json" @
done

# Powers of tau. Contributions mix system randomness with the entropy, so these files are not reproducible
# byte for byte; every key and proof here is made from the same run's ptau.
produce "$out/pot${ptau_power}_0000.ptau" snarkjs powersoftau new bn128 $ptau_power @
produce "$out/pot${ptau_power}_0001.ptau" snarkjs powersoftau contribute "$out/pot${ptau_power}_0000.ptau" @ \
  --name=zkoptions -e="zkoptions fixed entropy"
# PLONK needs only section 12 of phase 2 (see prepare_plonk_ptau.mjs for why not `prepare phase2`).
produce "$out/pot${ptau_power}_plonk.ptau" node "$here/prepare_plonk_ptau.mjs" "$out/pot${ptau_power}_0001.ptau" @

produce "$out/pot${small_power}_0000.ptau" snarkjs powersoftau new bn128 $small_power @
produce "$out/pot${small_power}_0001.ptau" snarkjs powersoftau contribute "$out/pot${small_power}_0000.ptau" @ \
  --name=zkoptions -e="zkoptions fixed entropy"
produce "$out/pot${small_power}_final.ptau" snarkjs powersoftau prepare phase2 "$out/pot${small_power}_0001.ptau" @

# PLONK keys, verification keys and one snarkjs proof per circuit.
plonk_set() { # plonk_set NAME PTAU PREFIX
  local c=$1 ptau=$2 p=$3
  produce "$p.plonk.zkey" snarkjs plonk setup "$out/$c.build/$c.r1cs" "$ptau" @
  produce "$p.vkey.json" snarkjs zkey export verificationkey "$p.plonk.zkey" @
  if [ ! -e "$p.proof.json" ] || [ ! -e "$p.public.json" ]; then
    local start=$SECONDS
    "$bin/snarkjs" plonk prove "$p.plonk.zkey" "$out/$c.wtns" "$p.proof.json.tmp.$$" "$p.public.json.tmp.$$" >/dev/null
    mv "$p.public.json.tmp.$$" "$p.public.json"
    mv "$p.proof.json.tmp.$$" "$p.proof.json"
    echo "  ${p#"$out/"}.proof.json, .public.json ($((SECONDS - start)) s)"
  fi
}
for c in "${circuits[@]}"; do
  plonk_set "$c" "$out/pot${ptau_power}_plonk.ptau" "$out/$c"
done
# Circuit (a) again on the small ptau: the set copied into vectors/snarkjs (see its README.md).
mkdir -p "$out/small"
plonk_set public_inputs "$out/pot${small_power}_final.ptau" "$out/small/public_inputs"
produce "$out/public_inputs.groth16.zkey" snarkjs groth16 setup "$out/public_inputs.build/public_inputs.r1cs" \
  "$out/pot${small_power}_final.ptau" @

produce "$out/manifest.json" node "$here/manifest.mjs" "$out" @
echo "done in ${SECONDS} s: $out/manifest.json"
