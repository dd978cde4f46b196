#!/usr/bin/env bash
# Installs everything the test suite needs on a fresh Debian machine, then runs all of it:
# lint, typecheck, unit + integration tests (embedded Postgres, real Redis, real worker), e2e (Chromium).
set -euo pipefail
cd "$(dirname "$0")/.."

need=()
command -v redis-server >/dev/null 2>&1 || need+=(redis-server)
[ -x /usr/bin/chromium ] || need+=(chromium)
if [ ${#need[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ]; then
    echo "installing system packages: ${need[*]}"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}" >/dev/null
  else
    echo "missing system packages (install them with apt-get): ${need[*]}" >&2
    exit 1
  fi
fi

npm ci --no-audit --no-fund
rm -rf .data/test-results
mkdir -p .data/test-results
npm run lint
npm run typecheck
# Test files write vitest JSON reports to .data/test-results; the summary line counts them all.
# --continue: one red package must not hide the state of the others; the exit code still fails the run.
status=0
POLICYDESK_TEST_REPORTS="$PWD/.data/test-results" npx turbo run test e2e --concurrency=1 --continue=always || status=$?
node scripts/test-summary.mjs .data/test-results || status=$((status == 0 ? 1 : status))
exit "$status"
