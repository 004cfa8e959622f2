#!/usr/bin/env bash
# Side-by-side PLONK proving: `snarkjs plonk prove` vs `zkoptions prove` on the same .zkey and .wtns, for a chain
# circuit at each requested domain power. Both proofs are checked with `snarkjs plonk verify`. Prints wall time,
# peak RSS (from /usr/bin/time) and the ratio, medians over RUNS runs (default 3).
#
#   bench/plonk/run.sh 14 16 18 [20]        (needs `npm ci --prefix tools`; work files go to artifacts/bench-plonk)
#
# The ptau is made once per power with the pinned snarkjs (new + one contribution; not prepared for phase 2, since
# `zkoptions setup` does not need the Lagrange sections) and cached in the work directory.
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT=$PWD
WORK=${WORK:-$ROOT/artifacts/bench-plonk}
RUNS=${RUNS:-3}
SNARKJS="node --max-old-space-size=16384 $ROOT/tools/node_modules/snarkjs/build/cli.cjs"
CIRCOM="$ROOT/tools/node_modules/.bin/circom2"
mkdir -p "$WORK"

[ -x "$CIRCOM" ] || { echo "run 'npm ci --prefix tools' first" >&2; exit 2; }
dotnet build src/Cli -c Release -nologo -v quiet >/dev/null
ZK="$ROOT/artifacts/bin/ZkOptions.Cli/release/zkoptions"

measure() { # measure OUTFILE cmd... -> prints "seconds maxrss_kb"
  local out=$1; shift
  /usr/bin/time -f "%e %M" -o "$out.time" "$@" >"$out.log" 2>&1 || { cat "$out.log" >&2; return 1; }
  cat "$out.time"
}
median() { sort -g | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }'; }

printf '%-6s %-10s %12s %12s %10s %10s %8s\n' domain constraints snarkjs_s zkoptions_s snarkjs_MB zkopt_MB speedup
for P in "$@"; do
  # Each chain step is a multiplication gate plus an addition gate (t[i] − x has two terms), so N steps fill
  # a domain of 2^P when 2N + 2 ≤ 2^P.
  N=$(( (1 << (P - 1)) - 64 ))
  dir="$WORK/p$P"; mkdir -p "$dir"
  if [ ! -f "$dir/chain.zkey" ]; then
    sed "s/@N@/$N/" bench/plonk/chain.circom.template > "$dir/chain.circom"
    (cd "$dir" && "$CIRCOM" chain.circom --r1cs --wasm -o . >/dev/null)
    echo '{"x": "3"}' > "$dir/input.json"
    $SNARKJS wtns calculate "$dir/chain_js/chain.wasm" "$dir/input.json" "$dir/chain.wtns" >/dev/null
    if [ ! -f "$WORK/pot$P.ptau" ]; then
      $SNARKJS powersoftau new bn128 "$P" "$WORK/pot$P.0.ptau" >/dev/null
      $SNARKJS powersoftau contribute "$WORK/pot$P.0.ptau" "$WORK/pot$P.ptau" --name=bench -e="zkoptions bench $P" >/dev/null
      rm -f "$WORK/pot$P.0.ptau"
    fi
    "$ZK" setup --r1cs "$dir/chain.r1cs" --ptau "$WORK/pot$P.ptau" --zkey "$dir/chain.zkey" --device cpu
    "$ZK" zkey export-vk --zkey "$dir/chain.zkey" --vk "$dir/vk.json"
  fi
  : > "$dir/s.times"; : > "$dir/z.times"
  for r in $(seq "$RUNS"); do
    measure "$dir/s$r" $SNARKJS plonk prove "$dir/chain.zkey" "$dir/chain.wtns" "$dir/s-proof.json" "$dir/s-public.json" >> "$dir/s.times"
    $SNARKJS plonk verify "$dir/vk.json" "$dir/s-public.json" "$dir/s-proof.json" >/dev/null || { echo "snarkjs proof failed to verify" >&2; exit 1; }
    measure "$dir/z$r" "$ZK" prove --zkey "$dir/chain.zkey" --witness "$dir/chain.wtns" --proof "$dir/z-proof.json" --public "$dir/z-public.json" --device cpu >> "$dir/z.times"
    $SNARKJS plonk verify "$dir/vk.json" "$dir/z-public.json" "$dir/z-proof.json" >/dev/null || { echo "zkoptions proof failed snarkjs verify" >&2; exit 1; }
  done
  st=$(cut -d' ' -f1 "$dir/s.times" | median); zt=$(cut -d' ' -f1 "$dir/z.times" | median)
  sm=$(cut -d' ' -f2 "$dir/s.times" | median); zm=$(cut -d' ' -f2 "$dir/z.times" | median)
  printf '%-6s %-10s %12s %12s %10d %10d %7.1fx\n' "$P" "$N" "$st" "$zt" $((sm / 1024)) $((zm / 1024)) "$(echo "$st / $zt" | bc -l)"
done
