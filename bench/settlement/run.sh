#!/usr/bin/env bash
# Setup and prove time and peak memory of the settlement batch circuit, batch-N for each N given (default 1 4 13),
# on the built-in scenario run with --max-batch N; the batch proved is the first one with N transactions (all
# slots used). Usage: bench/settlement/run.sh [N ...]. Work files go to $WORK (default /tmp/zko-bench-settlement);
# a batch-N key is about 2.6 kB per domain row on disk (1.4 GB at 2^19, 11 GB at 2^22).
# The keys use --insecure-dev-srs: setup time here excludes reading a ceremony .ptau.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
WORK="${WORK:-/tmp/zko-bench-settlement}"
SIZES=("$@")
[ $# -eq 0 ] && SIZES=(1 4 13)
mkdir -p "$WORK"
dotnet build "$ROOT/src/Cli" -c Release -v q -nologo >/dev/null
ZK="$ROOT/artifacts/bin/ZkOptions.Cli/release/zkoptions"
source "$ROOT/bench/lib/timed.sh"
echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB; $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)"
printf '%-9s %9s %7s %7s %12s %10s %12s %10s %9s\n' circuit gates domain txs setup_s setup_MiB prove_s prove_MiB load1
for N in "${SIZES[@]}"; do
  sim="$WORK/sim-$N"; rm -rf "$sim"
  "$ZK" simulate --out "$sim" --max-batch "$N" >/dev/null
  txcount() { python3 -c 'import json,sys; print(len(json.load(open(sys.argv[1]))["transactions"]))' "$1"; }
  batch=""; for f in "$sim"/batch-*.json; do [ "$(txcount "$f")" -ge "$N" ] && { batch="$f"; break; }; done
  [ -n "$batch" ] || batch="$sim/batch-0002.json"
  read -r sw sm < <(timed setup-$N "$ZK" setup --circuit "batch-$N" --parameters "$sim/parameters.json" --insecure-dev-srs 1 --zkey "$WORK/batch-$N.zkey")
  read -r pw pm < <(timed prove-$N "$ZK" prove --batch "$batch" --parameters "$sim/parameters.json" --zkey "$WORK/batch-$N.zkey" \
                      --proof "$WORK/proof-$N.json" --public "$WORK/public-$N.json" --verbose)
  gates=$(grep -o '[0-9]* PLONK gates' "$WORK/setup-$N.out" | cut -d' ' -f1)
  domain=$(grep -o 'domain 2^[0-9]*' "$WORK/setup-$N.out" | head -1 | cut -d' ' -f2)
  txs=$(txcount "$batch")
  printf '%-9s %9s %7s %7s %12s %10s %12s %10s %9s\n' "batch-$N" "$gates" "$domain" "$txs" "$sw" "$sm" "$pw" "$pm" "$(cut -d' ' -f1 /proc/loadavg)"
  grep 'round\|read key\|check every' "$WORK/prove-$N.out" | sed 's/^/    /'
  rm -f "$WORK/batch-$N.zkey"
done
