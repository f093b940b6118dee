#!/usr/bin/env bash
# .ci/web.sh installs what the web explorer's browser tests need on a bare
# Debian machine with Go and Node.js: Debian's Chromium (npm packages that
# download their own browser cannot reach it here), the npm packages from
# web/package-lock.json, and the bundle the Go binary embeds. .ci/run calls
# it before the tests; with CI set, the browser tests fail when any of this
# is missing instead of skipping.
set -euo pipefail
cd "$(dirname "$0")/.."

if ! command -v chromium >/dev/null 2>&1 && [ -z "${CHRONICLE_CHROMIUM:-}" ]; then
  echo "== web: installing chromium (Debian)"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends chromium fonts-dejavu-core >/dev/null
fi
"${CHRONICLE_CHROMIUM:-chromium}" --version 2>/dev/null | head -1 || true

echo "== web: node $(node --version), npm $(npm --version)"
make web
