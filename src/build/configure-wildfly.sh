#!/bin/sh
# Makes the WildFly that the build unpacked ready for the service, once: server-config/wildfly/configure.cli (the
# same script a user runs on an existing server) with the JDBC driver that the build copied.
# Arguments: the WildFly directory, the MySQL driver jar. A half-configured server is removed, not configured twice.
set -eu
home=$1
driver=$2
# The WildFly run command deploys through the scanner's folder of this same server; left there, its WAR would take
# the context root that the integration tests deploy to (and the run command copies it again when it starts).
rm -f "$home"/standalone/deployments/subscriptions.war "$home"/standalone/deployments/subscriptions.war.*
if [ -f "$home/.configured-for-subscriptions" ]; then
    exit 0
fi
"$home/bin/jboss-cli.sh" -Ddriver.jar="$driver" --file=server-config/wildfly/configure.cli > "$home/configure.log" 2>&1 || {
    cat "$home/configure.log" >&2
    echo "configure-wildfly: server-config/wildfly/configure.cli failed on $home; removed it, the next build unpacks it again" >&2
    rm -rf "$home"
    exit 1
}
touch "$home/.configured-for-subscriptions"
