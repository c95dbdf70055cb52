#!/usr/bin/env bash
# Installs obverify from this checkout into DEST and prints, on its last line, the command that runs it.
# Native AOT (one self-contained native executable; BENCHMARKS.md) where the machine can link it (clang and zlib,
# Linux or macOS); otherwise a framework-dependent build run with `dotnet`, so the action still works elsewhere.
#   scripts/install-obverify.sh DEST
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
dest=${1:?usage: scripts/install-obverify.sh DEST}
project=$repo/functions/Verifier.Cli/Verifier.Cli.csproj

case "$(uname -s)-$(uname -m)" in
  Linux-x86_64) rid=linux-x64 ;;
  Linux-aarch64) rid=linux-arm64 ;;
  Darwin-arm64) rid=osx-arm64 ;;
  Darwin-x86_64) rid=osx-x64 ;;
  *) rid= ;;
esac

if [ -n "$rid" ] && command -v clang >/dev/null 2>&1; then
  if dotnet publish "$project" -c Release -r "$rid" -p:PublishAot=true -o "$dest" -nologo -v quiet >&2; then
    echo "install-obverify: Native AOT build for $rid in $dest" >&2
    echo "$dest/obverify"
    exit 0
  fi
  echo "install-obverify: the Native AOT build failed (clang, zlib1g-dev?); using a framework-dependent build" >&2
fi

dotnet publish "$project" -c Release -o "$dest" -nologo -v quiet >&2
echo "install-obverify: framework-dependent build in $dest (runs with dotnet)" >&2
echo "dotnet $dest/obverify.dll"
