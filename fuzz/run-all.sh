#!/usr/bin/env bash
# fuzz/run-all.sh [LIMIT] [TARGET...]: fuzz/run.sh on every target (or the ones named), one after another on one
# core, sharing one instrumented build (/tmp/fuzz-bin, rebuilt at the start). LIMIT as for run.sh (default 100000).
# Logs: /tmp/fuzz-TARGET.log; findings: /tmp/fuzz-TARGET/findings.
set -uo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
limit=${1:-100000}
shift || true
targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then
  targets=(zkey ptau r1cs wtns proof vkey public input parameters scenario market \
           cli-eddsa-key cli-eddsa-signature cli-precompile-hex cli-oracle-epoch state cli-margin batch)
fi
export FUZZ_BIN=${FUZZ_BIN:-/tmp/fuzz-bin}
rm -f "$FUZZ_BIN/.instrumented"
first=1
for t in "${targets[@]}"; do
  FUZZ_REUSE_BIN=$([ $first = 1 ] && echo 0 || echo 1) "$root/fuzz/run.sh" "$t" "$limit" > "/tmp/fuzz-$t.log" 2>&1
  first=0
  echo "$(date -u +%H:%M:%S) $t: $(grep -E '^(execs_done|run_time|edges_found|saved_crashes|saved_hangs)' "/tmp/fuzz-$t/findings/default/fuzzer_stats" 2>/dev/null | awk '{printf "%s=%s ", $1, $3}')"
done
