#!/usr/bin/env bash
# Validates docker-compose.yml against the Compose specification's schema, with dclint's rules on what matters
# (ports bound to an interface, no duplicate ports or names...); its purely stylistic rules (key order, alphabetical
# services, quotes, a project name) are off. No Docker engine needed. Needs Node 20+ and the npm registry; run by
# .ci/run. Fails on any error or warning.
set -euo pipefail
cd "$(dirname "$0")/../.."
npx --yes dclint@3.1.0 docker-compose.yml --max-warnings 0 \
    --disable-rule service-keys-order services-alphabetical-order require-project-name-field require-quotes-in-ports
