#!/usr/bin/env bash
# Same-run comparison of this tree's local host with another build of it (e.g. a worktree of main) and the ceiling
# app, for a shared machine where absolute figures drift with other people's work: every round starts the base host,
# this host and the ceiling app in turn, each under wrk -t1 -c32 -d$DURATION --latency after a 5 s warm-up, posting
# the 1.6 KB and the 30 KB baked PNG of scripts/bench-http.sh to the same LoadKit issuer (documents cached after the
# warm-up). Prints one line per round, app and body: req/s, ratio to the same round's ceiling, p50, p99, load average.
#   scripts/bench-http-compare.sh BASE_TREE [DURATION] [ROUNDS]    (BASE_TREE already built in Release)
set -euo pipefail
cd "$(dirname "$0")/.."
base=$(cd "$1" && pwd); duration=${2:-15s}; rounds=${3:-2}
issuer_port=5912; port=7182
work=$(mktemp -d)
pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; rm -rf "$work"; }
trap cleanup EXIT
command -v wrk >/dev/null || (apt-get install -y wrk || (apt-get update && apt-get install -y wrk)) >/dev/null

for p in benchmarks/LoadKit/LoadKit.csproj benchmarks/CeilingApp/CeilingApp.csproj functions/Verifier.Local/Verifier.Local.csproj; do
  dotnet build -c Release -nologo -v q "$p" >/dev/null
done
kit="dotnet benchmarks/LoadKit/bin/Release/net10.0/LoadKit.dll"
$kit fixtures "$work" >/dev/null
$kit issuer "$work" "$issuer_port" & pids+=($!)
export Verifier__Fetch__AllowLoopback=true
map="Verifier__Fetch__HostMap__issuer.example=http://127.0.0.1:$issuer_port"
declare -A dll=(
  [base]="$base/functions/Verifier.Local/bin/Release/net10.0/Verifier.Local.dll"
  [new]="functions/Verifier.Local/bin/Release/net10.0/Verifier.Local.dll"
  [ceiling]="benchmarks/CeilingApp/bin/Release/net10.0/CeilingApp.dll")

wait_up() { for _ in $(seq 1 500); do curl -sf "$1" >/dev/null && return 0; sleep 0.01; done; return 1; }
load() { cut -d' ' -f1 /proc/loadavg; }

echo "round app body req/s ratio p50 p99 load(before-after)"
for round in $(seq 1 "$rounds"); do
  declare -A rps=()
  lines=()
  for app in base new ceiling; do
    env "$map" dotnet "${dll[$app]}" --urls "http://127.0.0.1:$port" >/dev/null 2>&1 & p=$!
    wait_up "http://127.0.0.1:$port/api/health"
    for body in small.png baked.png; do
      url="http://127.0.0.1:$port/api/verify"
      BODY_FILE="$work/$body" BODY_TYPE=image/png wrk -t1 -c32 -d5s -s scripts/post.lua "$url" >/dev/null
      before=$(load)
      out=$(BODY_FILE="$work/$body" BODY_TYPE=image/png wrk -t1 -c32 -d"$duration" --latency -s scripts/post.lua "$url")
      if grep -q "Non-2xx\|Socket errors" <<<"$out"; then echo "$app $body: errors"; grep "Non-2xx\|Socket errors" <<<"$out"; fi
      r=$(awk '/Requests\/sec/ {print $2}' <<<"$out")
      rps[$app.$body]=$r
      lines+=("$round $app $body $r $(awk '$1=="50%" {print $2}' <<<"$out") $(awk '$1=="99%" {print $2}' <<<"$out") $before-$(load)")
    done
    kill "$p"; wait "$p" 2>/dev/null || true
  done
  for l in "${lines[@]}"; do
    set -- $l
    printf '%s %s %s %s %.2f %s %s %s\n' "$1" "$2" "$3" "$4" "$(echo "$4 / ${rps[ceiling.$3]}" | bc -l)" "$5" "$6" "$7"
  done
done
