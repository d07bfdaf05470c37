package com.subscriptions.platform.boundary;

import com.subscriptions.platform.control.StatementLog;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.Provider;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.Collection;
import java.util.Locale;

/**
 * Profiling of a request, on demand ({@code ?_debug=true}) when the configuration allows it
 * ({@code profiling.enabled}, off by default): {@code X-Query-Count}, {@code Server-Timing} (database and
 * application time) and, in a JSON object answer, a {@code _debug} member listing each SQL statement with its time
 * and rows. Status and payload are otherwise unchanged.
 */
@Provider
@PreMatching
@Priority(Priorities.USER - 100)
public class ProfilingFilter implements ContainerRequestFilter, ContainerResponseFilter {

    public static final String QUERY_COUNT = "X-Query-Count";
    private static final String STARTED = ProfilingFilter.class.getName() + ".started";
    private static final String LOG = ProfilingFilter.class.getName() + ".log";

    @Inject
    @ConfigProperty(name = "profiling.enabled", defaultValue = "false")
    boolean enabled;

    @Override
    public void filter(ContainerRequestContext request) {
        if (enabled && "true".equalsIgnoreCase(request.getUriInfo().getQueryParameters().getFirst("_debug"))) {
            request.setProperty(STARTED, System.nanoTime());
            request.setProperty(LOG, StatementLog.start());
        }
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        if (!(request.getProperty(LOG) instanceof StatementLog log)) {
            return;
        }
        StatementLog.stop();
        double totalMs = (System.nanoTime() - (Long) request.getProperty(STARTED)) / 1e6;
        double databaseMs = log.databaseNanos() / 1e6;
        response.getHeaders().putSingle(QUERY_COUNT, log.statements().size());
        response.getHeaders().putSingle("Server-Timing", String.format(Locale.ROOT, "db;dur=%.2f, app;dur=%.2f",
                databaseMs, Math.max(0, totalMs - databaseMs)));
        if (response.hasEntity() && MediaType.APPLICATION_JSON_TYPE.isCompatible(response.getMediaType())
                && !(response.getEntity() instanceof Collection<?>)) {
            JsonObject body = JsonbConfigurator.toJsonObject(response.getEntity());
            response.setEntity(Json.createObjectBuilder(body).add("_debug", debug(log, totalMs, databaseMs)).build());
        }
    }

    private static JsonObject debug(StatementLog log, double totalMs, double databaseMs) {
        JsonArrayBuilder statements = Json.createArrayBuilder();
        log.statements().forEach(s -> statements.add(Json.createObjectBuilder()
                .add("sql", s.sql()).add("ms", s.nanos() / 1e6).add("rows", s.rows())));
        return Json.createObjectBuilder().add("query_count", log.statements().size())
                .add("db_ms", databaseMs).add("total_ms", totalMs).add("statements", statements).build();
    }
}
