#!/bin/sh
# Run by `mvn verify` (pom.xml, execution ensure-browser, phase pre-integration-test) before the integration tests:
# the browser tests need Debian's Chromium and ChromeDriver, at /usr/bin/chromium and /usr/bin/chromedriver (the
# build's properties chromium.binary and chromedriver, passed here as CHROMIUM_BINARY and CHROMEDRIVER).
#   - both there: nothing to do;
#   - else, as root with apt-get (a fresh Debian machine, CI) and unless -Dbrowser.install=false: installs
#     Debian's chromium and chromium-driver;
#   - else: fails with one message saying how to install them, or how to leave the browser tests out.
# Nothing to check when the integration tests, or only the browser tests, are skipped. The build passes the
# switches as environment variables: SKIP_TESTS (-DskipTests), SKIP_ITS (-DskipITs), MAVEN_TEST_SKIP
# (-Dmaven.test.skip), SKIP_BROWSER_TESTS (-DskipBrowserTests), BROWSER_INSTALL (-Dbrowser.install).
set -u

for skipped in "${SKIP_TESTS:-false}" "${SKIP_ITS:-false}" "${MAVEN_TEST_SKIP:-false}" "${SKIP_BROWSER_TESTS:-false}"; do
  if [ "$skipped" = true ]; then
    exit 0
  fi
done

chromium=${CHROMIUM_BINARY:-/usr/bin/chromium}
chromedriver=${CHROMEDRIVER:-/usr/bin/chromedriver}

present() {
  [ -x "$chromium" ] && [ -x "$chromedriver" ]
}

if present; then
  exit 0
fi

if [ "${BROWSER_INSTALL:-true}" != false ] && [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
  echo "[ensure-browser] The browser tests need Chromium and ChromeDriver: installing Debian's chromium and" \
       "chromium-driver (-Dbrowser.install=false turns this off)"
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver
  if present; then
    exit 0
  fi
fi

echo "[ensure-browser] ERROR: the browser tests need $chromium and $chromedriver, which are missing." \
     "Install them with: sudo apt-get install chromium chromium-driver" \
     "-- or leave the browser tests out: mvn verify -DskipBrowserTests" >&2
exit 1
