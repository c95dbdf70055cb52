#!/usr/bin/env bash
# Installs Debian's Chromium for tests/Verifier.Ui.Tests (Playwright drives it through ExecutablePath; see
# docs/ui.md). Does nothing when /usr/bin/chromium is already there; without it the browser tests skip.
set -euo pipefail

if [ -x /usr/bin/chromium ]; then
  echo "chromium: $(/usr/bin/chromium --version 2>/dev/null || echo present)"
  exit 0
fi

echo "chromium: installing from apt"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq chromium >/dev/null
echo "chromium: $(/usr/bin/chromium --version 2>/dev/null || echo installed)"
