#!/usr/bin/env bash
# The verifying step of the GitHub Action (action.yml), runnable anywhere (CI runs it on samples/ through
# tests/Verifier.Cli.Tests/ActionScriptTests): verifies the badges once, writes the report files, prints the counts,
# sets outputs (appended to $GITHUB_OUTPUT when it is set) and fails according to fail-on.
#
#   OBVERIFY         the command that runs obverify (scripts/install-obverify.sh prints it)
#   INPUT_BADGES     files, directories or quoted globs, one or more per line ('badges/**/*.png')
#   INPUT_FORMAT     report files to write: comma-separated sarif, junit, json (default sarif,junit)
#   INPUT_PROFILE    conformance (default: every specification MUST is an error) | authenticity
#   INPUT_STRICT     true: strict issuer-binding policy (default false)
#   INPUT_RECIPIENT  the expected earner of every badge (optional)
#   INPUT_FAIL_ON    invalid (default; unreadable inputs too) | indeterminate (also network failures) | warning (also warnings)
#   INPUT_OUTPUT_DIR where the files go (default obverify-results)
set -uo pipefail

fail() { echo "obverify-action: $*" >&2; exit 2; }

read -r -a obverify <<<"${OBVERIFY:?set OBVERIFY to the obverify command (scripts/install-obverify.sh prints it)}"
badges=${INPUT_BADGES:-}
formats=${INPUT_FORMAT:-sarif,junit}
fail_on=${INPUT_FAIL_ON:-invalid}
profile=${INPUT_PROFILE:-conformance}
out=${INPUT_OUTPUT_DIR:-obverify-results}

case "$fail_on" in invalid | indeterminate | warning) ;; *) fail "fail-on must be invalid, indeterminate or warning, not '$fail_on'" ;; esac
case "$profile" in conformance | authenticity) ;; *) fail "profile must be conformance or authenticity, not '$profile'" ;; esac

args=(verify)
# Split on whitespace without letting this shell expand the globs: obverify expands them itself (** included).
set -f
for item in $badges; do args+=("$item"); done
set +f
[ "${#args[@]}" -gt 1 ] || fail "badges is empty: give files, directories or globs"

mkdir -p "$out"
declare -A files=()
IFS=',' read -r -a wanted <<<"$formats"
for format in "${wanted[@]}"; do
  format=${format// /}
  case "$format" in
    sarif) files[sarif]=$out/obverify.sarif ;;
    junit) files[junit]=$out/obverify-junit.xml ;;
    json) files[json]=$out/obverify.json ;;
    "") ;;
    *) fail "format must list sarif, junit or json, not '$format'" ;;
  esac
done
for format in "${!files[@]}"; do args+=(--report "$format=${files[$format]}"); done
[ "$profile" = conformance ] && args+=(--conformance)
[ "${INPUT_STRICT:-false}" = "true" ] && args+=(--strict)
[ -n "${INPUT_RECIPIENT:-}" ] && args+=(--recipient "$INPUT_RECIPIENT")
summary=$out/summary.txt
rm -f "$summary"
args+=(--summary "$summary")

# The text report goes to the log; the verdict comes from the counts, not from obverify's exit code.
"${obverify[@]}" "${args[@]}"
status=$?
[ -s "$summary" ] || fail "obverify stopped before verifying (exit $status)"

declare -A count=()
while IFS='=' read -r key value; do count[$key]=$value; done <"$summary"

failing=$(( count[invalid] + count[error] ))
[ "$fail_on" != invalid ] && failing=$(( failing + count[indeterminate] ))
[ "$fail_on" = warning ] && failing=$(( failing + count[warnings] ))

line="${count[total]} badge(s): ${count[valid]} valid, ${count[invalid]} invalid, ${count[indeterminate]} could not be checked, ${count[error]} unreadable, ${count[warnings]} with warnings"
echo "obverify-action: $line"

if [ -n "${GITHUB_OUTPUT:-}" ]; then
  {
    cat "$summary"
    for format in "${!files[@]}"; do echo "$format=${files[$format]}"; done
  } >>"$GITHUB_OUTPUT"
fi
if [ -n "${GITHUB_STEP_SUMMARY:-}" ]; then
  echo "### Open Badges: $line" >>"$GITHUB_STEP_SUMMARY"
fi

if [ "$failing" -gt 0 ]; then
  echo "obverify-action: failing (fail-on: $fail_on)" >&2
  exit 1
fi
exit 0
