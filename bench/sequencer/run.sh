#!/usr/bin/env bash
# The sequencer benchmark (docs/BENCHMARKS.md, docs/sequencer.md):
#   bench/sequencer/run.sh [RATE] [SECONDS] [ACCOUNTS]
# 1. three runs of `zkoptions loadgen` (RATE requests/s for SECONDS, ACCOUNTS accounts, cancels and replaces
#    included) against a fresh `zkoptions serve` on a SQLite journal (WAL, synchronous=FULL: every acknowledged
#    order durable); prints each run's JSON and the median orders/s, requests/s, p50 and p99, with the load average;
# 2. one more short run at --max-batch 1, then proves a batch the service wrote that holds a trade (batch-1 circuit,
#    development SRS) with `zkoptions prove --batch` and verifies the proof with `zkoptions verify`.
# Set SKIP_PROVE=1 to stop after step 1, PROVE_ONLY=1 to run step 2 alone.
set -euo pipefail
cd "$(dirname "$0")/../.."
RATE=${1:-2000}
SECONDS_PER_RUN=${2:-10}
ACCOUNTS=${3:-128}
BIN=artifacts/bin/ZkOptions.Cli/release/zkoptions
[ -x "$BIN" ] || dotnet build src/Cli -c Release -nologo -v quiet
WORK=$(mktemp -d)
SERVE_PID=
cleanup() { [ -n "$SERVE_PID" ] && kill "$SERVE_PID" 2>/dev/null; wait 2>/dev/null; rm -rf "$WORK"; }
trap cleanup EXIT
export ZKOPTIONS_OPERATOR_TOKEN="bench-$$"
PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
URL="http://127.0.0.1:$PORT"

serve() { # DIR [ARGS…]: starts zkoptions serve and waits until it listens
  local dir=$1; shift
  "$BIN" serve --data "$dir" --urls "$URL" "$@" >"$dir.log" 2>&1 &
  SERVE_PID=$!
  for _ in $(seq 1 600); do grep -q "listening on" "$dir.log" 2>/dev/null && return; sleep 0.1; done
  echo "zkoptions serve did not start:" >&2; cat "$dir.log" >&2; exit 1
}
stop() { kill -TERM "$SERVE_PID"; wait "$SERVE_PID" || true; SERVE_PID=; }

echo "load before: $(uptime)"
for run in $([ "${PROVE_ONLY:-0}" = 1 ] || echo 1 2 3); do
  serve "$WORK/run$run"
  "$BIN" loadgen --url "$URL" --accounts "$ACCOUNTS" --rate "$RATE" --duration "$SECONDS_PER_RUN" --seed "$run" --json 2>/dev/null | tee "$WORK/run$run.json"
  curl -s "$URL/metrics"; echo
  stop
done
echo "load after: $(uptime)"
[ "${PROVE_ONLY:-0}" = 1 ] || python3 - "$WORK" <<'PY'
import json, statistics, sys
runs = [json.load(open(f"{sys.argv[1]}/run{i}.json")) for i in (1, 2, 3)]
for key in ("ordersPerSecond", "requestsPerSecond", "p50Ms", "p99Ms"):
    print(f"median {key}: {statistics.median(r[key] for r in runs)}")
PY

[ "${SKIP_PROVE:-0}" = 1 ] && exit 0
serve "$WORK/prove" --max-batch 1 --batch-age-ms 100
"$BIN" loadgen --url "$URL" --accounts 6 --rate 100 --duration 3 --seed 9 --taker-share 0.3 --json >/dev/null 2>&1
sleep 1
stop
BATCHES="$WORK/prove/batches"
FILE=$(grep -l '"type": "trade"' "$BATCHES"/batch-*.json | head -1)
[ -n "$FILE" ] || { echo "no batch with a trade was written" >&2; exit 1; }
echo "proving $(basename "$FILE") (a trade) with the batch-1 circuit"
"$BIN" setup --circuit batch-1 --parameters "$BATCHES/parameters.json" --insecure-dev-srs 1 --zkey "$WORK/b1.zkey" 2>/dev/null
/usr/bin/time -f "prove: %e s, %M KB" "$BIN" prove --batch "$FILE" --parameters "$BATCHES/parameters.json" --zkey "$WORK/b1.zkey" \
  --proof "$WORK/proof.json" --public "$WORK/public.json"
"$BIN" zkey export-vk --zkey "$WORK/b1.zkey" --vk "$WORK/vk.json" >/dev/null
"$BIN" verify --vk "$WORK/vk.json" --proof "$WORK/proof.json" --public "$WORK/public.json"
