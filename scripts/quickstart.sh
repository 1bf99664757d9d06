#!/usr/bin/env bash
# A newcomer's first command: installs what is needed, builds Bulwark, and runs the demo.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup-system.sh
npm ci --no-audit --no-fund
npm run demo
