#!/usr/bin/env bash
# Fuzzes the badge readers and the engine with SharpFuzz + AFL++ for a fixed time per target.
#
#   fuzz/fuzz.sh [SECONDS_PER_TARGET=60] [TARGET...]      targets: png svg jws engine jsonld equivalence (default: all)
#
# The equivalence target signs credentials with the published contexts: VERIFIER_CONTEXTS, or ../shared/contexts
# beside the repository (without either it is left out of "all").
#
# Installs afl++ (apt-get) and SharpFuzz.CommandLine (to a local tool path) when missing, publishes the harness,
# instruments Verifier.Core.dll, writes the seed corpus from code (harness "seeds" mode), runs afl-fuzz per target,
# then replays every crash and hang with an uninstrumented build and prints a summary (execs, crashes, hangs).
# Output: fuzz/out/ (git-ignored). Not part of CI's test run; every crash found becomes a regression test.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-60}
shift || true
targets=("$@")
export VERIFIER_CONTEXTS=${VERIFIER_CONTEXTS:-$(cd .. && pwd)/shared/contexts}
if [ ${#targets[@]} -eq 0 ]; then
  targets=(png svg jws engine jsonld)
  [ -f "$VERIFIER_CONTEXTS/index.json" ] && targets+=(equivalence)
fi
out=${FUZZ_OUT:-fuzz/out}
tools=$out/tools
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

if ! command -v afl-fuzz >/dev/null; then
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq afl++ >/dev/null
fi
if [ ! -x "$tools/sharpfuzz" ]; then
  dotnet tool install --tool-path "$tools" SharpFuzz.CommandLine --version 2.3.0 >/dev/null
fi

# Two builds: an instrumented one for afl-fuzz, a plain one to replay findings (the instrumented library dies
# with an access violation outside afl-fuzz).
rm -rf "$out/pub" "$out/replay"
dotnet publish fuzz/Verifier.Fuzz/Verifier.Fuzz.csproj -c Release -o "$out/pub" -nologo -v q
cp -r "$out/pub" "$out/replay"
"$tools/sharpfuzz" "$out/pub/Verifier.Core.dll"
"$tools/sharpfuzz" "$out/pub/Verifier.LinkedData.dll"

rm -rf "$out/seeds"
dotnet "$out/replay/Verifier.Fuzz.dll" seeds "$out/seeds"
cat fuzz/dict/*.dict > "$out/all.dict"

# afl-fuzz refuses to start when cores go to a pipe (e.g. apport) unless told not to care.
if [[ "$(cat /proc/sys/kernel/core_pattern)" == \|* ]]; then
  export AFL_I_DONT_CARE_ABOUT_MISSING_CRASHES=1
fi

summary=()
for target in "${targets[@]}"; do
  dict=fuzz/dict/$target.dict
  [ -f "$dict" ] || dict=$out/all.dict
  findings=$out/findings/$target
  rm -rf "$findings"; mkdir -p "$out/findings"
  echo "== fuzzing $target for ${seconds}s"
  AFL_SKIP_BIN_CHECK=1 AFL_NO_UI=1 AFL_SKIP_CPUFREQ=1 timeout -s INT $((seconds + 60)) \
    afl-fuzz -V "$seconds" -i "$out/seeds/$target" -o "$findings" -t 5000 -m none -x "$dict" \
    -- dotnet "$out/pub/Verifier.Fuzz.dll" "$target" > "$out/$target.log" 2>&1 || true
  stats=$findings/default/fuzzer_stats
  if [ ! -f "$stats" ]; then
    echo "afl-fuzz did not start for $target; see $out/$target.log"; tail -n 20 "$out/$target.log"
    summary+=("$target: did not run")
    continue
  fi
  get() { sed -n "s/^$1 *: *//p" "$stats"; }
  crashes=$(find "$findings/default/crashes" -type f -name 'id:*' 2>/dev/null | wc -l)
  hangs=$(find "$findings/default/hangs" -type f -name 'id:*' 2>/dev/null | wc -l)
  summary+=("$target: $(get execs_done) execs, $(get execs_per_sec) execs/s, corpus $(get corpus_count), crashes $crashes, hangs $hangs")
  if [ "$crashes" -gt 0 ]; then
    echo "-- replaying $target crashes (uninstrumented)"
    dotnet "$out/replay/Verifier.Fuzz.dll" replay "$target" "$findings"/default/crashes/id:* || true
  fi
done

echo
echo "== fuzzing summary (${seconds}s per target)"
printf '%s\n' "${summary[@]}"
