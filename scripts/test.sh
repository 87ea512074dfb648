#!/usr/bin/env bash
# Every test, on a fresh Debian/Ubuntu machine: installs what the tests need, then runs
# them; each test starts (on 127.0.0.1) and stops the services it uses.
# Ends with the line `N passed, N failed`. Arguments narrow it to files or folders.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-test-deps.sh
[ -d node_modules ] && [ node_modules/.package-lock.json -nt package-lock.json ] || npm ci --no-audit --no-fund --loglevel=error
exec node scripts/run-tests.mjs "$@"
