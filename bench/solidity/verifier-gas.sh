#!/usr/bin/env bash
# Gas of one verifying transaction: the verifier `zkoptions export solidity` writes vs the one
# `snarkjs zkey export solidityverifier` writes, for the same .zkey and the same proof, on the pinned anvil.
# Both are compiled with the pinned solcjs (optimizer on, 200 runs), deployed, and sent one verifyProof transaction
# with a fixed 3,000,000 gas limit (not eth_estimateGas: snarkjs's verifier returns false when a precompile runs out
# of gas, so an estimate can settle on a limit under which the proof silently fails). The call's result is read back
# from a trace and must be true for both. Prints gasUsed of each transaction (21,000 base and calldata included),
# the execution part, and the ratio.
#
#   bench/solidity/verifier-gas.sh [NAME...]    (circuits of the circom interop set; default: poseidon eight_publics)
#
# Needs `npm ci --prefix tools` and `vectors/circom/build.sh artifacts/circom` (the test command runs both).
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT=$PWD
SET=$ROOT/artifacts/circom
BIN=$ROOT/tools/node_modules/.bin
WORK=$(mktemp -d)
[ -x "$BIN/anvil" ] || { echo "run 'npm ci --prefix tools' first" >&2; exit 2; }
[ -f "$SET/manifest.json" ] || { echo "run 'vectors/circom/build.sh artifacts/circom' first" >&2; exit 2; }
[ $# -gt 0 ] || set -- poseidon eight_publics

dotnet build src/Cli -c Release -nologo -v quiet >/dev/null
ZK="dotnet $ROOT/artifacts/bin/ZkOptions.Cli/release/zkoptions.dll"
SNARKJS="node $ROOT/tools/node_modules/snarkjs/build/cli.cjs"
SOLC="node $ROOT/tools/node_modules/solc/solc.js"

PORT=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
"$BIN/anvil" --host 127.0.0.1 --port "$PORT" --quiet >"$WORK/anvil.log" 2>&1 &
ANVIL=$!
trap 'kill $ANVIL 2>/dev/null; wait $ANVIL 2>/dev/null; rm -rf "$WORK"' EXIT
export ETH_RPC_URL=http://127.0.0.1:$PORT
for _ in $(seq 50); do "$BIN/cast" chain-id >/dev/null 2>&1 && break; sleep 0.1; done
FROM=$("$BIN/cast" rpc eth_accounts | python3 -c 'import json, sys; print(json.load(sys.stdin)[0])')
json() { python3 -c "import json, sys; print(json.load(sys.stdin)$1)"; }

deploy() { # deploy SOLFILE -> address
  local dir; dir=$(dirname "$1")
  $SOLC --optimize --optimize-runs 200 --bin "$1" -o "$dir/out" >/dev/null
  "$BIN/cast" send --unlocked --from "$FROM" --create "0x$(cat "$dir"/out/*PlonkVerifier.bin)" --json | json "['contractAddress']"
}

verify_gas() { # verify_gas ADDRESS CALLDATA -> gasUsed (fails unless the call returned true)
  local tx out
  tx=$("$BIN/cast" send --unlocked --from "$FROM" --gas-limit 3000000 "$1" "$2" --json | json "['transactionHash']")
  out=$("$BIN/cast" rpc debug_traceTransaction "$tx" '{"tracer":"callTracer"}' | json ".get('output', '')")
  [ "$((16#${out:2}))" = 1 ] || { echo "verifyProof did not return true (output $out)" >&2; exit 1; }
  "$BIN/cast" receipt "$tx" gasUsed
}

printf '%-14s %8s %10s %14s %14s %8s\n' circuit nPublic calldata_B snarkjs_gas zkoptions_gas ratio
for NAME in "$@"; do
  mkdir -p "$WORK/$NAME/ours" "$WORK/$NAME/snarkjs"
  $ZK export solidity --vk "$SET/$NAME.vkey.json" --out "$WORK/$NAME/ours/PlonkVerifier.sol"
  $SNARKJS zkey export solidityverifier "$SET/$NAME.plonk.zkey" "$WORK/$NAME/snarkjs/PlonkVerifier.sol" >/dev/null
  DATA=$($ZK export calldata --proof "$SET/$NAME.proof.json" --public "$SET/$NAME.public.json" --format hex)
  NPUB=$(python3 -c "import json; print(len(json.load(open('$SET/$NAME.public.json'))))")
  THEIRS=$(verify_gas "$(deploy "$WORK/$NAME/snarkjs/PlonkVerifier.sol")" "$DATA")
  OURS=$(verify_gas "$(deploy "$WORK/$NAME/ours/PlonkVerifier.sol")" "$DATA")
  printf '%-14s %8s %10s %14s %14s %8s\n' "$NAME" "$NPUB" $(( (${#DATA} - 2) / 2 )) "$THEIRS" "$OURS" \
    "$(python3 -c "print(f'{$OURS / $THEIRS:.3f}')")"
done
echo "anvil $("$BIN/anvil" --version | head -1 | awk '{print $3}'), hardfork $("$BIN/cast" rpc anvil_nodeInfo | json "['hardFork']"), solc $($SOLC --version | tail -1)"
