#!/usr/bin/env bash
# Fails the Maven build early, with instructions, when Node.js/npm are missing or too old for the
# web app (the minimum is package.json's engines.node).
set -euo pipefail
cd "$(dirname "$0")/.."
minimum="$(sed -n 's/.*"node": *">=\([0-9.]*\)".*/\1/p' package.json)"
advice="Install Node.js ${minimum} or newer with npm (e.g. https://nodejs.org, or apt-get install nodejs npm on Debian 13+), then build again."
if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
  echo "ERROR: the Tempodesk web app needs node and npm on the PATH; none found. ${advice}" >&2
  exit 1
fi
found="$(node --version | sed 's/^v//')"
if [ "$(printf '%s\n%s\n' "$minimum" "$found" | sort -V | head -1)" != "$minimum" ]; then
  echo "ERROR: the Tempodesk web app needs Node.js >= ${minimum}; found ${found} at $(command -v node). ${advice}" >&2
  exit 1
fi
echo "Node.js ${found} (>= ${minimum}), npm $(npm --version 2>/dev/null)"
