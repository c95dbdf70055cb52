#!/usr/bin/env bash
# obverify wall time per badge (issue 12): the Native AOT build (scripts/install-obverify.sh, what the action uses)
# beside the previous CI-image build (scripts/publish-cli.sh: self-contained, composite ReadyToRun) and bare Native AOT
# consoles (benchmarks/CeilingApp published with PublishAot: "bare" starts, reads the badge file and exits; "once" also
# parses 2 KB of JSON and verifies one RS256 signature, after generating its RSA key), all in one hyperfine run so the
# machine's load is shared. Two badges: the LoadKit baked PNG whose issuer documents are fetched
# from a loopback issuer (as docs/benchmarks/hosts.md has always timed), and samples/ob3-did-key.png (no fetch).
#   scripts/bench-cli.sh [RUNS=30]
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-30}
issuer_port=5903
work=$(mktemp -d)
pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; rm -rf "$work"; }
trap cleanup EXIT

command -v hyperfine >/dev/null || (apt-get install -y hyperfine || (apt-get update && apt-get install -y hyperfine)) >/dev/null

dotnet build -c Release -nologo -v q benchmarks/LoadKit/LoadKit.csproj >/dev/null
bash scripts/publish-cli.sh "$work/r2r" >/dev/null
aot=$(bash scripts/install-obverify.sh "$work/aot" 2>/dev/null | tail -n 1)
[ "$aot" = "$work/aot/obverify" ] || { echo "bench-cli: the Native AOT build failed (got '$aot')"; exit 1; }
dotnet publish benchmarks/CeilingApp -c Release -r linux-x64 -p:PublishAot=true -o "$work/console" -nologo -v q >/dev/null

kit="dotnet benchmarks/LoadKit/bin/Release/net10.0/LoadKit.dll"
$kit fixtures "$work" >/dev/null
$kit issuer "$work" "$issuer_port" & pids+=($!)
for _ in $(seq 1 300); do curl -s -o /dev/null "http://127.0.0.1:$issuer_port/" && break; sleep 0.01; done

env="env Verifier__Fetch__AllowLoopback=true Verifier__Fetch__HostMap__issuer.example=http://127.0.0.1:$issuer_port"
echo "== both builds agree on the fetched badge: $($env "$work/aot/obverify" verify "$work/baked.png" | head -n 1)"
echo "== load average: $(cut -d' ' -f1-3 /proc/loadavg), $(nproc) cores"
hyperfine -N --warmup 3 --runs "$runs" --export-markdown "$work/table.md" --export-json "$work/runs.json" \
  -n "AOT obverify, fetched badge" "$env $work/aot/obverify verify $work/baked.png" \
  -n "R2R obverify, fetched badge" "$env $work/r2r/obverify verify $work/baked.png" \
  -n "AOT obverify, samples/ob3-did-key.png" "$work/aot/obverify verify samples/ob3-did-key.png" \
  -n "R2R obverify, samples/ob3-did-key.png" "$work/r2r/obverify verify samples/ob3-did-key.png" \
  -n "bare AOT console (CeilingApp bare)" "$work/console/CeilingApp bare $work/baked.png" \
  -n "AOT console, RSA key generation + RS256 (CeilingApp once)" "$work/console/CeilingApp once $work/baked.png"
cat "$work/table.md"
# Medians too: on a shared machine a few runs that waited for a core pull the mean far from the typical run.
grep -o '"command": *"[^"]*"\|"median": *[0-9.e-]*' "$work/runs.json" | sed 's/"command": *//; s/"median": *//' | paste - - |
  awk -F'\t' '{ printf "median %7.1f ms  %s\n", $2 * 1000, $1 }'

