#!/usr/bin/env bash
# Installs Debian's Chromium for the browser tests of the local host's page (tests/Verifier.Hosts.Tests/Local/PageTests.cs;
# Microsoft.Playwright drives /usr/bin/chromium, no `playwright install`). Without it those tests skip.
set -euo pipefail
if [ -x /usr/bin/chromium ]; then
  echo "chromium: already installed"
  exit 0
fi
export DEBIAN_FRONTEND=noninteractive
apt-get install -y chromium >/dev/null 2>&1 || { apt-get update >/dev/null && apt-get install -y chromium >/dev/null; }
[ -x /usr/bin/chromium ] && echo "chromium: installed"
