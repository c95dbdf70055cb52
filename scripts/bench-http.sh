#!/usr/bin/env bash
# HTTP host benchmarks (issues 3 and 13). Installs wrk and hyperfine from Debian if missing, builds in Release, then:
#  1. the local host under wrk -t1 -c32 -d15s --latency (after a 5 s warm-up), posting a PNG that holds a signed
#     OB 2.0 assertion whose issuer documents are cached after the warm-up (served by LoadKit's issuer on loopback):
#     the ~30 KB one (baked.png) and the ~1.6 KB one (small.png), where per-request work dominates; then
#     POST /api/verify/batch with 50 small PNGs per request (-c8), in items/s beside the single requests;
#  2. in the same run, the machine's ceiling: benchmarks/CeilingApp (read body, one RS256 verify, parse 2 KB JSON),
#     posting the same two bodies;
#  3. start to first answered request (median of 5) for both;
#  4. obverify verify on the same PNG with hyperfine, beside the CeilingApp "once" console baseline.
# Prints the figures docs/benchmarks/hosts.md records.   scripts/bench-http.sh [DURATION]
# WRK_ONLY=1 stops after the wrk runs (no start-up or CLI timing).
set -euo pipefail
cd "$(dirname "$0")/.."
duration=${1:-15s}
issuer_port=5902; host_port=7172; ceiling_port=7173
work=$(mktemp -d)
pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; rm -rf "$work"; }
trap cleanup EXIT

if ! command -v wrk >/dev/null || ! command -v hyperfine >/dev/null; then
  (apt-get install -y wrk hyperfine || (apt-get update && apt-get install -y wrk hyperfine)) >/dev/null
fi

for p in benchmarks/LoadKit/LoadKit.csproj benchmarks/CeilingApp/CeilingApp.csproj functions/Verifier.Local/Verifier.Local.csproj functions/Verifier.Cli/Verifier.Cli.csproj; do
  dotnet build -c Release -nologo -v q "$p" >/dev/null
done
kit="dotnet benchmarks/LoadKit/bin/Release/net10.0/LoadKit.dll"
local_dll=functions/Verifier.Local/bin/Release/net10.0/Verifier.Local.dll
ceiling_dll=benchmarks/CeilingApp/bin/Release/net10.0/CeilingApp.dll
cli_dll=functions/Verifier.Cli/bin/Release/net10.0/obverify.dll

$kit fixtures "$work" >/dev/null
$kit issuer "$work" "$issuer_port" & pids+=($!)
export Verifier__Fetch__AllowLoopback=true
map="Verifier__Fetch__HostMap__issuer.example=http://127.0.0.1:$issuer_port"

wait_up() { for _ in $(seq 1 300); do curl -sf "$1" >/dev/null && return 0; sleep 0.01; done; return 1; }

# Start to first answer: launch, poll /api/health every 10 ms, stop; median of 5 (milliseconds).
startup() {
  local dll=$1 port=$2 times=()
  for _ in 1 2 3 4 5; do
    local t0; t0=$(date +%s%N)
    env "$map" dotnet "$dll" --urls "http://127.0.0.1:$port" >/dev/null 2>&1 & local p=$!
    wait_up "http://127.0.0.1:$port/api/health"
    times+=($(( ($(date +%s%N) - t0) / 1000000 )))
    kill "$p"; wait "$p" 2>/dev/null || true
  done
  printf '%s\n' "${times[@]}" | sort -n | sed -n 3p
}

load() {
  local url=$1 body=$2
  BODY_FILE="$work/$body" BODY_TYPE=image/png wrk -t1 -c32 -d5s -s scripts/post.lua "$url" >/dev/null # warm-up
  BODY_FILE="$work/$body" BODY_TYPE=image/png wrk -t1 -c32 -d"$duration" --latency -s scripts/post.lua "$url"
}

echo "== fixtures: $(stat -c %s "$work/baked.png") and $(stat -c %s "$work/small.png") byte baked PNGs (signed OB 2.0 assertion, RS256); load average $(cut -d' ' -f1-3 /proc/loadavg)"
env "$map" dotnet "$local_dll" --urls "http://127.0.0.1:$host_port" >/dev/null 2>&1 & host=$!; pids+=($host)
wait_up "http://127.0.0.1:$host_port/api/health"
outcome=$(curl -s -H 'Content-Type: image/png' --data-binary "@$work/baked.png" "http://127.0.0.1:$host_port/api/verify" | grep -o -m1 '"outcome": *"[a-z]*"' | head -n1)
echo "== local host: the fixture verifies as $outcome"
for body in baked.png small.png; do
  echo "== local host under wrk, $body"
  load "http://127.0.0.1:$host_port/api/verify" "$body"
done
# The batch route beside single requests, same host, same run: 50 small PNGs (base64) per request; items/s = req/s × 50.
echo "== local host under wrk, POST /api/verify/batch with 50 × small.png (items/s = Requests/sec × 50)"
BODY_FILE="$work/batch.json" BODY_TYPE=application/json wrk -t1 -c8 -d5s -s scripts/post.lua "http://127.0.0.1:$host_port/api/verify/batch" >/dev/null
BODY_FILE="$work/batch.json" BODY_TYPE=application/json wrk -t1 -c8 -d"$duration" --latency -s scripts/post.lua "http://127.0.0.1:$host_port/api/verify/batch"
kill "$host"; wait "$host" 2>/dev/null || true

dotnet "$ceiling_dll" --urls "http://127.0.0.1:$ceiling_port" >/dev/null 2>&1 & ceiling=$!; pids+=($ceiling)
wait_up "http://127.0.0.1:$ceiling_port/api/health"
for body in baked.png small.png; do
  echo "== ceiling (bare minimal API) under wrk, $body"
  load "http://127.0.0.1:$ceiling_port/api/verify" "$body"
done
echo "== load average after the wrk runs: $(cut -d' ' -f1-3 /proc/loadavg)"
kill "$ceiling"; wait "$ceiling" 2>/dev/null || true

[ "${WRK_ONLY:-0}" = 1 ] && exit 0

echo "== start to first answer (median of 5)"
echo "local host: $(startup "$local_dll" "$host_port") ms"
echo "ceiling app: $(startup "$ceiling_dll" "$ceiling_port") ms"

echo "== CLI wall time"
bash scripts/publish-cli.sh "$work/obverify" >/dev/null # self-contained, composite ReadyToRun
hyperfine -N --warmup 3 --runs 20 --ignore-failure \
  "env $map Verifier__Fetch__AllowLoopback=true dotnet $cli_dll verify $work/baked.png" \
  "env $map Verifier__Fetch__AllowLoopback=true $work/obverify/obverify verify $work/baked.png" \
  "dotnet $ceiling_dll once $work/baked.png"
