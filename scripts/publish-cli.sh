#!/usr/bin/env bash
# Publishes obverify for CI images: self-contained with one composite ReadyToRun image of the app and the framework,
# so nothing is JIT-compiled at start (≈ 120 ms for a signed badge whose issuer documents are fetched, against
# ≈ 236 ms for the plain build; docs/benchmarks/hosts.md). Where clang is installed, scripts/install-obverify.sh makes
# the faster Native AOT build instead (≈ 27 ms per badge, BENCHMARKS.md); this one needs no native toolchain.
#   scripts/publish-cli.sh [OUT=artifacts/obverify] [RID=linux-x64]
set -euo pipefail
cd "$(dirname "$0")/.."
out=${1:-artifacts/obverify}
rid=${2:-linux-x64}
dotnet publish functions/Verifier.Cli -c Release -r "$rid" --self-contained true -p:PublishReadyToRunComposite=true -o "$out" -nologo
echo "obverify: $out/obverify"
