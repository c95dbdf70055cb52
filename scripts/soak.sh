#!/usr/bin/env bash
# Soak (issue 6): drive the local host for SECONDS (default 60) at RATE requests/s (default 100) with a mix of valid,
# invalid and hostile inputs (benchmarks/LoadKit/Soak.cs lists them); print status counts, the 5xx count (must be 0),
# p50/p99 latency and the host's RSS at start and end. Exits non-zero on any 5xx or transport error.
#   scripts/soak.sh [SECONDS] [RATE]
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-60}
rate=${2:-100}
issuer_port=${ISSUER_PORT:-5901}
host_port=${HOST_PORT:-7171}
work=$(mktemp -d)
pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; rm -rf "$work"; }
trap cleanup EXIT

dotnet build -c Release -nologo -v q benchmarks/LoadKit/LoadKit.csproj >/dev/null
dotnet build -c Release -nologo -v q functions/Verifier.Local/Verifier.Local.csproj >/dev/null
kit="dotnet benchmarks/LoadKit/bin/Release/net10.0/LoadKit.dll"

$kit fixtures "$work"
$kit issuer "$work" "$issuer_port" & pids+=($!)

# The issuer is reached as https://issuer.example through the fetcher's test seam; production defaults stay closed.
# (env, not a shell assignment: the variable name holds a dot.)
env Verifier__Fetch__AllowLoopback=true "Verifier__Fetch__HostMap__issuer.example=http://127.0.0.1:$issuer_port" \
  dotnet functions/Verifier.Local/bin/Release/net10.0/Verifier.Local.dll --urls "http://127.0.0.1:$host_port" \
  >"$work/host.log" 2>&1 & host=$!; pids+=($host)

up=no
for _ in $(seq 1 100); do
  if curl -sf "http://127.0.0.1:$host_port/api/health" >/dev/null; then up=yes; break; fi
  sleep 0.1
done
[ "$up" = yes ] || { echo "soak: the local host did not answer"; cat "$work/host.log"; exit 1; }

echo "soak: ${seconds}s at ${rate} req/s against pid $host"
$kit soak "http://127.0.0.1:$host_port" "$work" "$host" "$seconds" "$rate"
