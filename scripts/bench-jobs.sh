#!/usr/bin/env bash
# A whole job end to end on Azurite (issue 13): JobFunctionTests' end-to-end test with VERIFIER_JOB_ITEMS items (default
# 10000, 20 per message): created through the HTTP function, drained from the Azurite queue through JobBatchFunction
# as the Functions host would (16 messages at once), checked for no loss and no duplicate; prints items/s and the
# load average. Starts Azurite (blob + queue) with .ci/steps/azurite.sh when it is not running.
#   scripts/bench-jobs.sh [ITEMS]
set -euo pipefail
cd "$(dirname "$0")/.."
items=${1:-10000}
AZURITE_PID_FILE=${AZURITE_PID_FILE:-/tmp/verifier-bench-azurite.pid} AZURITE_QUEUE_PID_FILE=${AZURITE_QUEUE_PID_FILE:-/tmp/verifier-bench-azurite-queue.pid} \
  bash .ci/steps/azurite.sh
dotnet build -c Release -nologo -v q tests/Verifier.Hosts.Tests >/dev/null
echo "== load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
VERIFIER_JOB_ITEMS=$items dotnet test tests/Verifier.Hosts.Tests -c Release --no-build \
  --filter "FullyQualifiedName~JobFunctionTests.Job_CreatedAndDrainedFromTheQueue" --logger "console;verbosity=detailed" \
  | grep -E "job of|Passed|Failed|Error" | sort -u
echo "== load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
