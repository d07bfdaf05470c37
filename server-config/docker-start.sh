#!/bin/sh
# The container's start (Dockerfile): Payara Micro with the WAR and the container pool of server-config/.
# CLUSTER_MEMBERS (host:port,... of the Data Grid, port 6900): the instances this one forms a cluster with, as in
# docker-compose.yml's "cluster" profile; unset, the instance runs alone with its grid on loopback.
set -e
if [ -n "$CLUSTER_MEMBERS" ]; then
  cluster="--startport 6900 --clustermode tcpip:$CLUSTER_MEMBERS --clustername ${CLUSTER_NAME:-subscriptions}"
else
  cluster="--startport 6900 --clustermode tcpip:127.0.0.1:6900 --interfaces 127.0.0.1"
fi
# $cluster is split into words on purpose.
# shellcheck disable=SC2086
exec java -XX:+UseContainerSupport -XX:MaxRAMPercentage=70 -XX:+ExitOnOutOfMemoryError \
  -jar /opt/payara/payara-micro.jar \
  --deploy /opt/payara/deployments/subscriptions.war --contextroot / \
  --prebootcommandfile /opt/payara/config/pre-boot-commands.asadmin \
  --postbootcommandfile /opt/payara/config/post-boot-commands.asadmin \
  --addlibs /opt/payara/libs/mysql-connector-j.jar \
  $cluster --disablephonehome "$@"
