#!/usr/bin/env bash
# `npm ci`, skipped when node_modules was already installed from this exact lockfile (saves a
# minute or more per local build; a clean clone, as in CI, always installs).
set -euo pipefail
cd "$(dirname "$0")/.."
stamp=node_modules/.installed-from-package-lock.json
if [ -f "$stamp" ] && cmp -s package-lock.json "$stamp"; then
  echo "node_modules is current with package-lock.json; skipping npm ci"
  exit 0
fi
npm ci --no-audit --no-fund
cp package-lock.json "$stamp"
