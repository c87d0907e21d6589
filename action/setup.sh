#!/usr/bin/env bash
# The action's first step: check the runner's Node.js, then build vmxlint in the action's checkout
# ($GITHUB_ACTION_PATH, which has no dist/: npm ci installs the dependencies and its prepare script
# builds). A checkout that is already built (a local run of the steps) is used as it is.
set -euo pipefail
cd "$GITHUB_ACTION_PATH"
if ! command -v node >/dev/null; then
  echo "::error title=vmxlint::Node.js is not on the PATH: add actions/setup-node (node-version: 20 or later) before this step"
  exit 2
fi
if ! node -e 'const [a, b] = process.versions.node.split(".").map(Number); process.exit(a > 20 || (a === 20 && b >= 19) ? 0 : 1)'; then
  echo "::error title=vmxlint::vmxlint needs Node.js 20.19 or later, the runner has $(node --version): add actions/setup-node (node-version: 20) before this step"
  exit 2
fi
if [ -f dist/vmxlint.mjs ] && [ -f dist/src/cli/main.js ]; then
  echo "vmxlint $(node bin/vmxlint.js --version) (already built)"
  exit 0
fi
npm ci --no-audit --no-fund --no-progress --loglevel=error
echo "vmxlint $(node bin/vmxlint.js --version), built with Node.js $(node --version)"
