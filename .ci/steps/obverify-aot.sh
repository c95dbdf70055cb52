#!/usr/bin/env bash
# Builds the Native AOT obverify the way the GitHub Action does (scripts/install-obverify.sh) into .ci/out/obverify-aot,
# for tests/Verifier.Cli.Tests/NativeAotTests (same reports as the JIT build) and the benchmark in BENCHMARKS.md.
# Installs the native toolchain (clang, zlib1g-dev) from apt when it is missing. A fallback to the framework-dependent
# build is a failure here: CI must prove the native build works.
set -euo pipefail
cd "$(dirname "$0")/../.."

if ! command -v clang >/dev/null 2>&1 || ! dpkg -s zlib1g-dev >/dev/null 2>&1; then
  echo "obverify-aot: installing clang and zlib1g-dev from apt"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq clang zlib1g-dev >/dev/null
fi

command=$(bash scripts/install-obverify.sh .ci/out/obverify-aot | tail -n 1)
if [ "$command" != ".ci/out/obverify-aot/obverify" ]; then
  echo "obverify-aot: expected the native executable, got: $command"
  exit 1
fi
.ci/out/obverify-aot/obverify verify samples/ob3-did-key.png >/dev/null
echo "obverify-aot: $(du -h .ci/out/obverify-aot/obverify | cut -f1) native executable, verifies samples/ob3-did-key.png"
