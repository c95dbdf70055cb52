#!/usr/bin/env bash
# Lints and compiles infra/main.bicep with the Bicep CLI from NuGet (no network beyond the NuGet feed).
# Any warning fails CI: Bicep reports type mismatches only as warnings.
set -euo pipefail
dotnet restore tests/Verifier.Infra.Tests/Verifier.Infra.Tests.csproj -nologo -v q
packages=$(dotnet nuget locals global-packages --list | sed 's/^global-packages: //')
bicep="$packages/azure.bicep.commandline.linux-x64/0.49.2/tools/bicep"
[ -x "$bicep" ] || chmod +x "$bicep"
log=$(mktemp)
"$bicep" lint infra/main.bicep 2>&1 | tee "$log"
"$bicep" build infra/main.bicep --outfile .ci/out/main.json 2>&1 | tee -a "$log"
if grep -qE ': (Warning|Error) ' "$log"; then
  echo "bicep reported warnings or errors"
  exit 1
fi
echo "bicep lint + build: clean"
