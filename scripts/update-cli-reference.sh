#!/usr/bin/env bash
# Regenerates docs/cli-reference.md from the command tree (the test that checks it writes it when asked).
set -euo pipefail
cd "$(dirname "$0")/.."
ZKOPTIONS_UPDATE_DOCS=1 dotnet test tests/Cli.Tests -c Release -nologo -v quiet \
  --filter "FullyQualifiedName~CliReferenceTests.The_checked_in_reference_is_what_the_command_tree_generates"
git --no-pager diff --stat -- docs/cli-reference.md
