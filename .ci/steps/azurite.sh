#!/usr/bin/env bash
# Starts the Azurite blob emulator for tests/Verifier.Storage.Tests (see docs/fetching.md, "Blob cache").
# Installs azurite@3.37.0 from npm into a folder outside the repository (AZURITE_HOME, default ~/.cache/verifier-azurite),
# starts azurite-blob on 127.0.0.1:10000 and waits until it answers. Its PID goes to .ci/out/azurite.pid (override with
# AZURITE_PID_FILE); stop it with: kill "$(cat .ci/out/azurite.pid)".
set -euo pipefail
cd "$(dirname "$0")/../.."

version=3.37.0
home=${AZURITE_HOME:-${HOME:-/root}/.cache/verifier-azurite}
pid_file=${AZURITE_PID_FILE:-.ci/out/azurite.pid}
log_file=$home/azurite-blob.log
endpoint=http://127.0.0.1:10000/

answers() { curl -s -o /dev/null --max-time 2 "$endpoint"; }

if answers; then
  echo "azurite: something already answers on $endpoint; using it"
  exit 0
fi

mkdir -p "$home" "$(dirname "$pid_file")"
installed=$(node -p "require('$home/node_modules/azurite/package.json').version" 2>/dev/null || true)
if [ "$installed" != "$version" ]; then
  echo "azurite: installing azurite@$version into $home"
  npm install --prefix "$home" --no-audit --no-fund --loglevel=error "azurite@$version" >/dev/null
fi

rm -rf "$home/data" && mkdir -p "$home/data"
# Started directly (not through npx) so the PID is the node process itself; setsid detaches it from this step.
# --skipApiVersionCheck: Azure.Storage.Blobs 12.30.1 sends a service version newer than Azurite 3.37.0 knows.
setsid "$home/node_modules/.bin/azurite-blob" --blobHost 127.0.0.1 --blobPort 10000 --location "$home/data" \
  --silent --skipApiVersionCheck >"$log_file" 2>&1 < /dev/null &
echo $! >"$pid_file"

for _ in $(seq 1 60); do
  if answers; then
    echo "azurite: blob service up on $endpoint (pid $(cat "$pid_file"))"
    exit 0
  fi
  if ! kill -0 "$(cat "$pid_file")" 2>/dev/null; then
    echo "azurite: exited during start-up"; cat "$log_file"; exit 1
  fi
  sleep 0.5
done
echo "azurite: no answer on $endpoint after 30 s"; cat "$log_file"; exit 1
