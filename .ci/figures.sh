#!/usr/bin/env bash
# Prints the conformance figures the tests wrote to their TRX output: fixture agreement per profile and policy
# (DataIntegrityFixtureTests) and the real-world verdicts (RealWorldTests). Usage: figures.sh DIR-WITH-TRX-FILES
set -uo pipefail
for trx in "$1"/*.trx; do
  [ -e "$trx" ] || continue
  awk '/<UnitTestResult[^>]*(AgreeAboveFloorsAndEveryDisagreementIsExplained|RealWorldFiles_EachVerdictAsReviewed)/ { inside = 1 }
       inside && /<StdOut>/ { printing = 1 }
       printing && / \| / { sub(/^[ \t]+/, ""); print }
       /<\/StdOut>/ { if (printing) { printing = 0; inside = 0; print "" } }' "$trx" |
    sed -e 's/<StdOut>//' -e 's/&lt;/</g' -e 's/&gt;/>/g' -e 's/&quot;/"/g' -e 's/&amp;/\&/g'
done
