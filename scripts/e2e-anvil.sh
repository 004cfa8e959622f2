#!/usr/bin/env bash
# The FULL end-to-end run: every batch of the built-in settlement scenario, split so no batch has more than N
# transactions, proved with the real N-slot batch circuit (INSECURE dev SRS), submitted to OptionsRollup on anvil
# through the generated verifier, its state root checked against the engine's and its exits paid in TestUsdc.
#
#   scripts/e2e-anvil.sh                      N = 4 (about an hour on 2 cores; see docs/rollup-contract.md)
#   ZKOPTIONS_E2E_SLOTS=1 scripts/e2e-anvil.sh
#   ZKOPTIONS_E2E_LAYOUT=batch-6-1 scripts/e2e-anvil.sh   the scenario cut for 6 trade slots and 1 general slot, proved
#                                             on PLONK v2 and checked by the v2 verifier (logs gas per trade)
#   ZKOPTIONS_E2E_BATCHES=15 …                only the first 15 batches (a shorter run; checks hold as of batch 15)
#
# The per-batch log (transactions, prove seconds, submitBatch gas) is written as it goes to $ZKOPTIONS_E2E_LOG
# (default artifacts/e2e-anvil.log): `tail -f` it to follow the run. Needs the npm tools (npm ci --prefix tools).
#
# Every batch's epoch chain starts from Poseidon(chainId, rollup address), so the scenario is simulated for the
# address the rollup deploys at (EndToEndChain.PredictedRollupAddress, through ScenarioSettings.RollupAddress).
set -euo pipefail
cd "$(dirname "$0")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
export ZKOPTIONS_E2E_FULL=1
export ZKOPTIONS_E2E_SLOTS="${ZKOPTIONS_E2E_SLOTS:-4}"
export ZKOPTIONS_E2E_LOG="${ZKOPTIONS_E2E_LOG:-$PWD/artifacts/e2e-anvil.log}"
mkdir -p "$(dirname "$ZKOPTIONS_E2E_LOG")"

[ -e tools/node_modules/.bin/anvil ] \
  || { echo "FAILED: the npm tools are not installed; run: npm ci --prefix tools" >&2; exit 1; }

echo "==> full end-to-end run, ${ZKOPTIONS_E2E_LAYOUT:-${ZKOPTIONS_E2E_SLOTS} slot(s) per batch}; log: ${ZKOPTIONS_E2E_LOG}" >&2
dotnet test tests/Solidity.Tests -c Release \
  --filter "FullyQualifiedName=ZkOptions.Solidity.Tests.Rollup.EndToEndTests.FullBuiltInScenarioEveryBatchProvedSubmittedAndPaid" \
  --logger "console;verbosity=detailed"
echo "==> done; the timing log is ${ZKOPTIONS_E2E_LOG}" >&2
