#!/bin/sh
# Run by `mvn verify` (pom.xml, execution ensure-tools, phase pre-integration-test) before the integration tests:
# ReadmeExamplesIT runs the README's examples as a reader would, which needs curl and jq.
#   - both there: nothing to do;
#   - else, as root with apt-get (a fresh Debian machine, CI) and unless -Dbrowser.install=false (the one switch
#     that stops the build from installing anything): installs Debian's curl and jq;
#   - else: fails with one message saying how to install them.
# Nothing to check when the integration tests are skipped: the build passes SKIP_TESTS (-DskipTests), SKIP_ITS
# (-DskipITs), MAVEN_TEST_SKIP (-Dmaven.test.skip) and INSTALL (-Dbrowser.install) as environment variables.
set -u

for skipped in "${SKIP_TESTS:-false}" "${SKIP_ITS:-false}" "${MAVEN_TEST_SKIP:-false}"; do
  if [ "$skipped" = true ]; then
    exit 0
  fi
done

present() {
  command -v curl >/dev/null 2>&1 && command -v jq >/dev/null 2>&1
}

if present; then
  exit 0
fi

if [ "${INSTALL:-true}" != false ] && [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
  echo "[ensure-tools] The README's examples need curl and jq: installing Debian's curl and jq" \
       "(-Dbrowser.install=false turns this off)"
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq curl jq
  if present; then
    exit 0
  fi
fi

echo "[ensure-tools] ERROR: ReadmeExamplesIT runs the README's examples, which need curl and jq." \
     "Install them with: sudo apt-get install curl jq" >&2
exit 1
