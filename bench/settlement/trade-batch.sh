#!/usr/bin/env bash
# A batch of trade slots on PLONK v2, end to end: the scenario run with many orders a day and cut for batch-T-G
# (default T = 128, G = 1), the batch with the most trades proved with `setup --system v2` / `prove --batch` /
# `verify`, setup and prove timed with their peak RSS. Usage: bench/settlement/trade-batch.sh [T [G]].
# Work files go to $WORK (default /tmp/zko-bench-trades); ORDERS sets randomOrdersPerDay (default 1000).
# The key uses --insecure-dev-srs: setup time here excludes reading a ceremony .ptau. A small version runs in CI
# (tests/Circuits.Tests TradeSlotTests: batch-1-1 proved and verified on v2).
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
WORK="${WORK:-/tmp/zko-bench-trades}"
T="${1:-128}"; G="${2:-1}"; ORDERS="${ORDERS:-1000}"
CIRCUIT="batch-$T-$G"
mkdir -p "$WORK"
dotnet build "$ROOT/src/Cli" -c Release -v q -nologo >/dev/null
ZK="$ROOT/artifacts/bin/ZkOptions.Cli/release/zkoptions"
source "$ROOT/bench/lib/timed.sh"
echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB; $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs); load $(cut -d' ' -f1-3 /proc/loadavg)"
sim="$WORK/sim"; rm -rf "$sim"
echo "{\"randomOrdersPerDay\": $ORDERS, \"batchLayout\": \"$CIRCUIT\"}" > "$WORK/scenario.json"
"$ZK" simulate --scenario "$WORK/scenario.json" --out "$sim" >/dev/null
trades() { python3 -c 'import json,sys; print(sum(t["type"] == "trade" for t in json.load(open(sys.argv[1]))["transactions"]))' "$1"; }
batch=$(for f in "$sim"/batch-*.json; do echo "$(trades "$f") $f"; done | sort -n | tail -1 | cut -d' ' -f2)
n=$(trades "$batch")
echo "$CIRCUIT: proving $(basename "$batch") with $n trades"
"$ZK" circuit info "$CIRCUIT" --system v2 2>&1 | sed -n 3p
read -r sw sm < <(timed setup "$ZK" setup --circuit "$CIRCUIT" --system v2 --parameters "$sim/parameters.json" --insecure-dev-srs 1 --zkey "$WORK/$CIRCUIT.key")
read -r pw pm < <(timed prove "$ZK" prove --batch "$batch" --circuit "$CIRCUIT" --parameters "$sim/parameters.json" --zkey "$WORK/$CIRCUIT.key" \
                    --proof "$WORK/proof.json" --public "$WORK/public.json" --verbose)
"$ZK" zkey export-vk --zkey "$WORK/$CIRCUIT.key" --vk "$WORK/vk.json" >/dev/null
"$ZK" verify --vk "$WORK/vk.json" --proof "$WORK/proof.json" --public "$WORK/public.json" >/dev/null && verified=yes || verified=NO
printf '%-14s %7s %10s %10s %10s %10s %9s %9s\n' circuit trades setup_s setup_MiB prove_s prove_MiB verified load1
printf '%-14s %7s %10s %10s %10s %10s %9s %9s\n' "$CIRCUIT" "$n" "$sw" "$sm" "$pw" "$pm" "$verified" "$(cut -d' ' -f1 /proc/loadavg)"
grep 'round\|read key' "$WORK/prove.out" | sed 's/^/    /' || true
rm -f "$WORK/$CIRCUIT.key"
[ "$verified" = yes ]
