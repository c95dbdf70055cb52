#!/usr/bin/env bash
# Same-run comparison of this tree's local host with another build of it (e.g. a worktree of main) and the ceiling
# app, for a shared machine where absolute figures drift with other people's work within seconds: the three run side
# by side, each warmed up (5 s of wrk -t1 -c32 per body), and every round visits base, this host and the ceiling in
# turn under the same wrk -t1 -c32 -d$DURATION --latency, posting the 1.6 KB and the 30 KB baked PNG of
# scripts/bench-http.sh to the same LoadKit issuer (documents cached after the warm-up). Prints one line per round,
# body and app: req/s, ratio to the ceiling of the same round, p50, p99, load average before and after.
#   scripts/bench-http-compare.sh BASE_TREE [DURATION] [ROUNDS]    (BASE_TREE already built in Release)
set -euo pipefail
cd "$(dirname "$0")/.."
base=$(cd "$1" && pwd); duration=${2:-15s}; rounds=${3:-2}
issuer_port=5912
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

# All three run side by side (an idle host costs nothing) and stay warm; wrk visits them in turn.
declare -A port=([base]=7182 [new]=7183 [ceiling]=7184)
for app in base new ceiling; do
  env "$map" dotnet "${dll[$app]}" --urls "http://127.0.0.1:${port[$app]}" >/dev/null 2>&1 & pids+=($!)
  wait_up "http://127.0.0.1:${port[$app]}/api/health"
  for body in small.png baked.png; do
    BODY_FILE="$work/$body" BODY_TYPE=image/png wrk -t1 -c32 -d5s -s scripts/post.lua "http://127.0.0.1:${port[$app]}/api/verify" >/dev/null # warm-up
  done
done

echo "round body app req/s ratio-to-ceiling p50 p99 load(before-after)"
for round in $(seq 1 "$rounds"); do
  for body in small.png baked.png; do
    declare -A rps=()
    lines=()
    for app in base new ceiling; do
      before=$(load)
      out=$(BODY_FILE="$work/$body" BODY_TYPE=image/png wrk -t1 -c32 -d"$duration" --latency -s scripts/post.lua "http://127.0.0.1:${port[$app]}/api/verify")
      if grep -q "Non-2xx\|Socket errors" <<<"$out"; then echo "$app $body: errors"; grep "Non-2xx\|Socket errors" <<<"$out"; fi
      rps[$app]=$(awk '/Requests\/sec/ {print $2}' <<<"$out")
      lines+=("$round $body $app ${rps[$app]} $(awk '$1=="50%" {print $2}' <<<"$out") $(awk '$1=="99%" {print $2}' <<<"$out") $before-$(load)")
    done
    for l in "${lines[@]}"; do
      set -- $l
      printf '%s %s %s %s %.2f %s %s %s\n' "$1" "$2" "$3" "$4" "$(echo "$4 / ${rps[ceiling]}" | bc -l)" "$5" "$6" "$7"
    done
  done
done
