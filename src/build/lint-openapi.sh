#!/usr/bin/env bash
# Lints the OpenAPI documents that the integration tests saved (target/openapi-payara.json, target/openapi-wildfly.json,
# written by OpenApiDocumentIT from the live /openapi) with Redocly's recommended rules and Spectral's oas ruleset, as
# a consumer would. Needs Node 20+ and the npm registry; run by .ci/run after `mvn verify`. Fails on any error or
# warning.
set -euo pipefail
cd "$(dirname "$0")/../.."
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
echo 'extends: ["spectral:oas"]' > "$work/.spectral.yaml"
for document in target/openapi-payara.json target/openapi-wildfly.json; do
    [ -f "$document" ] || { echo "lint-openapi: $document is missing (did the integration tests run?)" >&2; exit 1; }
    echo "== $document"
    npx --yes @redocly/cli@2.77.0 lint --max-problems=50 "$document"
    npx --yes @stoplight/spectral-cli@6.16.3 lint --ruleset "$work/.spectral.yaml" --fail-severity=warn "$document"
done
