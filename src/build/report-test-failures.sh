#!/usr/bin/env bash
# Lists every failed or broken test of the last build (unit, Payara and WildFly runs) with the first 400 characters of
# its message, so that the end of a long CI log names what failed. Run by .ci/run when `mvn verify` fails.
cd "$(dirname "$0")/../.."
shopt -s nullglob
reports=(target/surefire-reports/TEST-*.xml target/failsafe-reports/TEST-*.xml target/failsafe-reports-wildfly/TEST-*.xml)
echo "== Failed tests =="
[ ${#reports[@]} -eq 0 ] && { echo "(no test reports: the build failed before its tests)"; exit 0; }
awk '
/<testcase / {
    name = ""; class = ""
    if (match($0, /name="[^"]*"/)) name = substr($0, RSTART + 6, RLENGTH - 7)
    if (match($0, /classname="[^"]*"/)) class = substr($0, RSTART + 11, RLENGTH - 12)
}
/<(failure|error)[ >]/ {
    message = ""
    if (match($0, /message="[^"]*"/)) message = substr($0, RSTART + 9, RLENGTH - 10)
    gsub(/&lt;/, "<", message); gsub(/&gt;/, ">", message); gsub(/&quot;/, "\"", message); gsub(/&#10;/, " ", message)
    gsub(/&amp;/, "\\&", message)
    split(FILENAME, path, "/")
    printf "%s: %s.%s: %s\n", path[2], class, name, substr(message, 1, 400)
    failed++
}
END { if (!failed) print "(none in the reports)" }
' "${reports[@]}"
