# Build the WAR, then run it on Payara Micro with the container pool of server-config/ (server-config/docker-start.sh).
# Alone, the instance keeps its Data Grid on loopback; CLUSTER_MEMBERS=host:6900,... makes it one of several
# instances (docker-compose.yml, profile "cluster").
# docker build -t subscriptions . && docker run -e DB_HOST=... -e DB_USER=... -e DB_PASSWORD=... -p 8080:8080 subscriptions
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
COPY pom.xml .
RUN mvn -B -q dependency:go-offline -DexcludeArtifactIds=payara-micro || true
COPY src src
COPY liquibase liquibase
COPY server-config server-config
RUN mvn -B -q package -DskipTests

FROM payara/micro:6.2025.10-jdk17
COPY --from=build /src/target/runtime/mysql-connector-j.jar /opt/payara/libs/mysql-connector-j.jar
COPY --from=build /src/server-config/pre-boot-commands.asadmin /opt/payara/config/pre-boot-commands.asadmin
COPY --from=build /src/server-config/post-boot-commands.asadmin /opt/payara/config/post-boot-commands.asadmin
COPY --from=build /src/server-config/docker-start.sh /opt/payara/config/docker-start.sh
COPY --from=build /src/target/subscriptions.war /opt/payara/deployments/subscriptions.war
# Payara's probe agent, so that the admin console's pool statistics count (JDK_JAVA_OPTIONS reaches the JVM).
COPY --from=build /src/target/runtime/MICRO-INF/runtime/flashlight-agent.jar /src/target/runtime/MICRO-INF/runtime/management-api.jar /opt/payara/agent/
# The token signing key: generated at the first start into JWT_KEYS_DIR (owner-only), unless JWT_SIGNING_KEY gives
# it. Mount a volume there (docker-compose.yml does), or every new container logs everyone out.
RUN mkdir -p /opt/payara/data/keys
VOLUME /opt/payara/data/keys
# DB_HOST, DB_USER and DB_PASSWORD have no default: give them at run time (see docker-compose.yml).
ENV JWT_KEYS_DIR=/opt/payara/data/keys \
    DB_PORT=3306 \
    DB_NAME=subscriptions \
    DB_SSL_MODE=REQUIRED \
    JDK_JAVA_OPTIONS=-javaagent:/opt/payara/agent/flashlight-agent.jar
EXPOSE 8080 6900
ENTRYPOINT ["/bin/sh", "/opt/payara/config/docker-start.sh"]
CMD []
