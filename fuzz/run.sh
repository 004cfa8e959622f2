#!/usr/bin/env bash
# fuzz/run.sh TARGET [LIMIT]: coverage-guided fuzzing of one reader with AFL++ and SharpFuzz.
#   TARGET  a name from `fuzz/run.sh list` (ptau, zkey, wtns, r1cs, proof, vkey, public, input, batch, ...)
#   LIMIT   executions (e.g. 100000, the default) or seconds with an s suffix (e.g. 600s)
# Builds fuzz/ZkOptions.Fuzz into $OUT/bin (or $FUZZ_BIN; FUZZ_REUSE_BIN=1 reuses an instrumented build there), instruments the zkoptions assemblies there with SharpFuzz (never the normal
# build output), and runs afl-fuzz on one core with the target's corpus (tests/Fuzz.Corpus/TARGET) as seeds.
# Findings land in $OUT/findings (default OUT=/tmp/fuzz-TARGET); each crash is replayed at the end with its message.
# Needs: afl-fuzz (Debian: apt-get install -y afl++) and the pinned SharpFuzz.CommandLine tool (dotnet tool restore).
# Environment: FUZZ_CPU (core to pin to, default 0), FUZZ_TIMEOUT_MS (per input, default 2000; seeds that take longer
# on the first, JIT-compiling run are skipped rather than fatal), FUZZ_MEM_MB (.NET
# heap limit per process, default 1024: a trusted size from the input then fails as OutOfMemory, i.e. a crash).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

if [ "${1:-}" = "list" ] || [ $# -lt 1 ]; then
  [ $# -lt 1 ] && echo "usage: fuzz/run.sh TARGET [EXECUTIONS | SECONDSs]" >&2
  dotnet run --project fuzz/ZkOptions.Fuzz -c Release -- list
  exit $([ $# -lt 1 ] && echo 2 || echo 0)
fi
target=$1
limit=${2:-100000}
out=${OUT:-/tmp/fuzz-$target}
cpu=${FUZZ_CPU:-0}
timeout_ms=${FUZZ_TIMEOUT_MS:-2000}
mem_mb=${FUZZ_MEM_MB:-1024}
corpus=tests/Fuzz.Corpus/$target
[ -d "$corpus" ] || { echo "no corpus folder $corpus (is '$target' a target? fuzz/run.sh list)" >&2; exit 2; }
command -v afl-fuzz >/dev/null || { echo "afl-fuzz not found: apt-get install -y afl++" >&2; exit 2; }

bin=${FUZZ_BIN:-$out/bin}
if [ "${FUZZ_REUSE_BIN:-0}" = 1 ] && [ -f "$bin/.instrumented" ]; then
  echo "==> reusing the instrumented build in $bin"
else
echo "==> build (Release) into $bin"
rm -rf "$bin"
dotnet publish fuzz/ZkOptions.Fuzz -c Release -o "$bin" -nologo -v quiet

# An uninstrumented copy for replaying crashes (instrumented assemblies expect afl-fuzz's shared memory).
rm -rf "$bin.plain" && cp -r "$bin" "$bin.plain"

echo "==> instrument with SharpFuzz"
dotnet tool restore >/dev/null
# The readers and what they call; Field only for its encodings (instrumenting its arithmetic would flood the map with
# value-dependent branches that are not parser states). System.Text.Json is not instrumented: the JSON dictionary and
# the seeds carry its grammar. ZkOptions.Fuzz.Targets must stay uninstrumented: Main runs it before SharpFuzz has
# mapped AFL's shared memory, and instrumented code would write through a null pointer.
for spec in ZkOptions.Prover.dll ZkOptions.Settlement.dll ZkOptions.Circuit.dll zkoptions.dll:ZkOptions.Cli \
            ZkOptions.Field.dll:ZkOptions.Field.Encoding; do
  dll=${spec%%:*}
  prefix=$([ "$spec" = "$dll" ] && echo "" || echo "${spec#*:}")
  dotnet sharpfuzz "$bin/$dll" $prefix >/dev/null
done
touch "$bin/.instrumented"
fi

# Seeds: the corpus (AFL++ wants small files; every seed here is under a few hundred KB).
rm -rf "$out/seeds" && mkdir -p "$out/seeds"
cp "$corpus"/* "$out/seeds/"

# Dictionary: the format's tokens, plus for JSON every member name found in the seeds.
dict="$out/target.dict"
case $target in
  ptau|zkey|wtns|r1cs) cp fuzz/dict/iden3.dict "$dict" ;;
  cli-precompile-hex) printf 'hex_prefix="0x"\nzero="00"\nff="ff"\n' > "$dict" ;;
  *) { cat fuzz/dict/json.dict
       { grep -ohE '"[A-Za-z_][A-Za-z0-9_]{0,40}"' "$corpus"/* 2>/dev/null || true; } | sort -u | awk '{ gsub(/"/, ""); printf "key_%d=\"\\\"%s\\\"\"\n", NR, $0 }'
     } > "$dict" ;;
esac

case $limit in
  *s) stop=(-V "${limit%s}") ;;
  *) stop=(-E "$limit") ;;
esac

echo "==> afl-fuzz $target (${limit}, core $cpu, ${timeout_ms} ms per input, ${mem_mb} MiB heap); findings in $out/findings"
start=$(date +%s)
set +e
AFL_SKIP_BIN_CHECK=1 AFL_NO_UI=1 AFL_NO_AFFINITY=1 AFL_SKIP_CPUFREQ=1 AFL_I_DONT_CARE_ABOUT_MISSING_CRASHES=1 \
AFL_FORKSRV_INIT_TMOUT=120000 AFL_MAP_SIZE=65536 AFL_AUTORESUME=1 \
DOTNET_PROCESSOR_COUNT=1 DOTNET_GCHeapHardLimit=$(printf '0x%x' $((mem_mb << 20))) DOTNET_gcServer=0 \
ZKOPTIONS_FUZZ_SCRATCH=${ZKOPTIONS_FUZZ_SCRATCH:-/dev/shm} \
  taskset -c "$cpu" afl-fuzz -i "$out/seeds" -o "$out/findings" -t "${timeout_ms}+" -m none -x "$dict" "${stop[@]}" \
  -- dotnet "$bin/ZkOptions.Fuzz.dll" fuzz "$target"
rc=$?
set -e
end=$(date +%s)

stats="$out/findings/default/fuzzer_stats"
echo
echo "==> $target: afl-fuzz exited $rc after $((end - start)) s"
if [ -f "$stats" ]; then
  grep -E '^(execs_done|run_time|execs_per_sec|corpus_count|edges_found|total_edges|bitmap_cvg|saved_crashes|saved_hangs|afl_version)' "$stats"
fi
crashes=("$out"/findings/default/crashes/id*)
if [ -e "${crashes[0]}" ]; then
  echo "==> replaying ${#crashes[@]} crash(es)"
  # With the uninstrumented copy: instrumented assemblies expect afl-fuzz's shared memory.
  if [ -f "$bin.plain/ZkOptions.Fuzz.dll" ]; then
    dotnet "$bin.plain/ZkOptions.Fuzz.dll" replay "$target" "${crashes[@]}" || true
  else
    dotnet run --project fuzz/ZkOptions.Fuzz -c Release -- replay "$target" "${crashes[@]}" || true
  fi
fi
