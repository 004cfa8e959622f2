#!/usr/bin/env bash
# PLONK v1 against PLONK v2 on the same statements, side by side in one run: the same DSL circuit class compiled
# for each system, its key made from the insecure development SRS, the same witness proved and verified. Each phase
# runs in a process of its own (ZkOptions.Bench v1-v2 …), so /usr/bin/time's peak RSS is that phase's.
#
#   bench/v2/run.sh [CIRCUIT ...]        default: poseidon-chain batch-1; RUNS=3 proofs each (medians)
#                                        (poseidon-chain-N: N hashes, 66 v2 rows each, for any size)
#
# Prints, per circuit and system: size (gates or rows), domain, setup s, prove s (median, in-process), prove peak
# RSS, µs per domain row, and the v1/v2 prove ratio. Work files go to artifacts/bench-v2 (keys: batch-1 v1 ≈ 1.4 GB).
set -euo pipefail
cd "$(dirname "$0")/../.."
WORK=${WORK:-$PWD/artifacts/bench-v2}
RUNS=${RUNS:-3}
mkdir -p "$WORK"
[ $# -gt 0 ] || set -- poseidon-chain batch-1
dotnet build bench/ZkOptions.Bench -c Release -nologo -v quiet >/dev/null
BENCH="dotnet $PWD/artifacts/bin/ZkOptions.Bench/release/ZkOptions.Bench.dll v1-v2"
field() { python3 -c "import json,sys; print(json.loads(sys.stdin.readline())['$1'])"; }
median() { sort -g | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }'; }

echo "machine: $(nproc) cores, $(awk '/MemTotal/ { printf "%.0f GiB", $2 / 1048576 }' /proc/meminfo), $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), load $(cut -d' ' -f1-3 /proc/loadavg)"
printf '%-15s %-3s %9s %7s %9s %9s %11s %12s\n' circuit sys size domain setup_s prove_s prove_RSS_MB us_per_row
for circuit in "$@"; do
  declare -A prove=()
  for system in v1 v2; do
    key="$WORK/$circuit.$system.key"
    /usr/bin/time -f "%M" -o "$WORK/setup.rss" $BENCH setup "$circuit" "$system" "$key" > "$WORK/setup.json"
    setup=$(field seconds < "$WORK/setup.json"); size=$(field size < "$WORK/setup.json"); power=$(field domainPower < "$WORK/setup.json")
    : > "$WORK/prove.times"; : > "$WORK/prove.rss"
    for run in $(seq "$RUNS"); do
      /usr/bin/time -f "%M" -o "$WORK/run.rss" $BENCH prove "$circuit" "$system" "$key" > "$WORK/prove.json"
      [ "$(field verified < "$WORK/prove.json")" = True ] || { echo "$circuit $system: proof did not verify" >&2; exit 1; }
      field proveSeconds < "$WORK/prove.json" >> "$WORK/prove.times"
      cat "$WORK/run.rss" >> "$WORK/prove.rss"
      [ "$system" = v2 ] && [ "$run" = 1 ] && field rounds < "$WORK/prove.json" > "$WORK/$circuit.v2.rounds"
    done
    p=$(median < "$WORK/prove.times"); rss=$(( $(median < "$WORK/prove.rss") / 1024 ))
    prove[$system]=$p
    printf '%-15s %-3s %9s %7s %9s %9s %11s %12.2f\n' "$circuit" "$system" "$size" "2^$power" "$setup" "$p" "$rss" \
      "$(python3 -c "print($p * 1e6 / (1 << $power))")"
    rm -f "$key"
  done
  printf '%-15s v1/v2 prove: %.2fx   (v2 rounds: %s)\n' "$circuit" "$(python3 -c "print(${prove[v1]} / ${prove[v2]})")" "$(cat "$WORK/$circuit.v2.rounds")"
done
