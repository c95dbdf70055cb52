#!/usr/bin/env bash
# Starts the Azurite blob and queue emulators for tests/Verifier.Storage.Tests (docs/fetching.md, "Blob cache") and the
# job tests in tests/Verifier.Hosts.Tests (docs/jobs.md). Installs azurite@3.37.0 from npm into a folder outside the
# repository (AZURITE_HOME, default ~/.cache/verifier-azurite), starts azurite-blob on 127.0.0.1:10000 and azurite-queue
# on 127.0.0.1:10001 and waits until both answer. Their PIDs go to .ci/out/azurite.pid and .ci/out/azurite-queue.pid
# (override with AZURITE_PID_FILE, AZURITE_QUEUE_PID_FILE); stop them with: kill "$(cat .ci/out/azurite.pid)" …
set -euo pipefail
cd "$(dirname "$0")/../.."

version=3.37.0
home=${AZURITE_HOME:-${HOME:-/root}/.cache/verifier-azurite}
pid_file=${AZURITE_PID_FILE:-.ci/out/azurite.pid}
queue_pid_file=${AZURITE_QUEUE_PID_FILE:-.ci/out/azurite-queue.pid}
log_file=$home/azurite-blob.log
queue_log_file=$home/azurite-queue.log
endpoint=http://127.0.0.1:10000/
queue_endpoint=http://127.0.0.1:10001/

answers() { curl -s -o /dev/null --max-time 2 "${1:-$endpoint}"; }

if answers "$endpoint" && answers "$queue_endpoint"; then
  echo "azurite: something already answers on $endpoint and $queue_endpoint; using them"
  exit 0
fi

mkdir -p "$home" "$(dirname "$pid_file")"
installed=$(node -p "require('$home/node_modules/azurite/package.json').version" 2>/dev/null || true)
if [ "$installed" != "$version" ]; then
  echo "azurite: installing azurite@$version into $home"
  npm install --prefix "$home" --no-audit --no-fund --loglevel=error "azurite@$version" >/dev/null
fi

# Started directly (not through npx) so the PID is the node process itself; setsid detaches it from this step.
# --skipApiVersionCheck: Azure.Storage.Blobs 12.30.1 and Queues 12.28.1 send service versions newer than Azurite 3.37.0 knows.
start() { # service port pid-file log-file
  rm -rf "$home/data-$1" && mkdir -p "$home/data-$1"
  setsid "$home/node_modules/.bin/azurite-$1" "--$1Host" 127.0.0.1 "--$1Port" "$2" --location "$home/data-$1" \
    --silent --skipApiVersionCheck >"$4" 2>&1 < /dev/null &
  echo $! >"$3"
}

wait_for() { # service endpoint pid-file log-file
  for _ in $(seq 1 60); do
    if answers "$2"; then
      echo "azurite: $1 service up on $2 (pid $(cat "$3"))"
      return 0
    fi
    if ! kill -0 "$(cat "$3")" 2>/dev/null; then
      echo "azurite: $1 exited during start-up"; cat "$4"; return 1
    fi
    sleep 0.5
  done
  echo "azurite: no answer on $2 after 30 s"; cat "$4"; return 1
}

answers "$endpoint" || start blob 10000 "$pid_file" "$log_file"
answers "$queue_endpoint" || start queue 10001 "$queue_pid_file" "$queue_log_file"
wait_for blob "$endpoint" "$pid_file" "$log_file"
wait_for queue "$queue_endpoint" "$queue_pid_file" "$queue_log_file"
