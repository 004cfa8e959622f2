#!/usr/bin/env bash
# The one test command (README and .ci/run both call exactly this): installs the pinned npm tools, checks that
# generated files and independent vectors are reproducible, builds everything, and runs every test suite,
# once more for the field code with hardware intrinsics off so the scalar fallbacks are exercised.
set -euo pipefail
cd "$(dirname "$0")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

step() { printf '\n==> %s\n' "$*"; }
fail() { printf '\nFAILED: %s\n' "$*" >&2; exit 1; }

command -v dotnet >/dev/null || fail "the .NET SDK (dotnet) is not on PATH; install .NET 10 (see global.json)."
command -v node >/dev/null || fail "node is not on PATH; the tests need Node.js >= 20.19 for the pinned npm tools."
command -v npm >/dev/null || fail "npm is not on PATH; the tests need it to install tools/package-lock.json."
command -v python3 >/dev/null || fail "python3 is not on PATH; it regenerates src/Field/*.g.cs."
for program in initdb pg_ctl postgres; do
  command -v "$program" >/dev/null || fail "$program is not on PATH; the sequencer tests start their own PostgreSQL 15 server (install its server binaries)."
done

step "npm ci --prefix tools (snarkjs, circom2, solc, anvil, cast, circomlibjs, @noble/curves; pinned)"
npm ci --prefix tools --no-audit --no-fund --loglevel=error

if git rev-parse --is-inside-work-tree >/dev/null 2>&1; then
  step "generated field code is up to date with its template"
  python3 src/Field/Generator/generate.py
  git diff --exit-code -- src/Field/Fr.g.cs src/Field/Fq.g.cs \
    || fail "src/Field/*.g.cs differ from PrimeField.template: run python3 src/Field/Generator/generate.py and commit."

  step "independent vectors regenerate byte for byte (@noble/curves)"
  node vectors/bn254/generate.mjs >/dev/null
  git diff --exit-code -- vectors/bn254 || fail "vectors/bn254 no longer regenerate identically."

  step "Fr and Fq vector kernels and ffjavascript NTT vectors regenerate byte for byte"
  python3 src/Prover/Engines/Cpu/NttVectorKernels.py
  python3 src/Prover/Engines/Cpu/FqVectorKernels.py
  node vectors/ntt/generate.mjs >/dev/null
  git diff --exit-code -- src/Prover/Engines/Cpu/NttVectorKernels.cs src/Prover/Engines/Cpu/FqVectorKernels.cs vectors/ntt \
    || fail "NttVectorKernels.cs, FqVectorKernels.cs or vectors/ntt differ from their generators: rerun them and commit."

  step "Poseidon constants and circomlibjs vectors regenerate byte for byte (circomlibjs 0.1.7, blake-hash)"
  node vectors/circomlib/poseidon-constants.mjs && node vectors/circomlib/generate.mjs >/dev/null \
    && git diff --exit-code -- src/Field/Hashing/poseidon-constants.bin vectors/circomlib \
    || fail "src/Field/Hashing/poseidon-constants.bin or vectors/circomlib differ from their generators: rerun them and commit."
fi

step "circom interop set (circom2 + snarkjs: circuits, witnesses, ptau, snarkjs keys and proofs; cached in artifacts/circom)"
vectors/circom/build.sh artifacts/circom

step "dotnet build (Release, warnings are errors)"
dotnet build zkoptions.sln -c Release -nologo -v quiet

results=$(mktemp)
trap 'rm -f "$results"' EXIT
run_tests() {
  local label=$1; shift
  step "dotnet test: $label"
  set +e
  "$@" 2>&1 | tee -a "$results"
  local rc=${PIPESTATUS[0]}
  set -e
  return "$rc"
}

status=0
for project in tests/*/*.Tests.csproj; do
  run_tests "$project" dotnet test "$project" -c Release --no-build -nologo || status=1
done
run_tests "tests/Field.Tests with DOTNET_EnableHWIntrinsic=0 (scalar fallbacks)" \
  env DOTNET_EnableHWIntrinsic=0 dotnet test tests/Field.Tests/ZkOptions.Field.Tests.csproj -c Release --no-build -nologo || status=1
run_tests "tests/Prover.Tests (NTT, MSM, PLONK) with DOTNET_EnableHWIntrinsic=0 (scalar fallbacks)" \
  env DOTNET_EnableHWIntrinsic=0 dotnet test tests/Prover.Tests/ZkOptions.Prover.Tests.csproj -c Release --no-build -nologo \
  --filter "FullyQualifiedName!~Interop&FullyQualifiedName!~Gpu&FullyQualifiedName!~Formats" || status=1

sum() { grep -Eo "$1: +[0-9]+" "$results" | awk '{ n += $2 } END { print n + 0 }'; }
passed=$(sum Passed); failed=$(sum Failed); skipped=$(sum Skipped)
echo
echo "tests: ${passed:-0} passed, ${failed:-0} failed, ${skipped:-0} skipped"
if [ "$status" -ne 0 ] || [ "${failed:-0}" -ne 0 ] || [ "${passed:-0}" -eq 0 ]; then
  exit 1
fi
