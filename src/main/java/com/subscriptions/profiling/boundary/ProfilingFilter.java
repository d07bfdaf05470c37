package com.subscriptions.profiling.boundary;

import com.subscriptions.platform.boundary.JsonbConfigurator;
import com.subscriptions.platform.boundary.RequestIdFilter;
import com.subscriptions.platform.entity.JsonP;
import com.subscriptions.platform.entity.Roles;
import com.subscriptions.profiling.control.ProfiledJdbc;
import com.subscriptions.profiling.control.QueryPlans;
import com.subscriptions.profiling.control.RequestMetrics;
import com.subscriptions.profiling.control.SlowQueries;
import com.subscriptions.profiling.control.StatementLog;
import com.subscriptions.versioning.boundary.VersionedPaths;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.Provider;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.lang.reflect.Method;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Every API request's SQL statements are logged on its thread ({@link StatementLog}), for the per-route metrics and
 * the slow query list. On an admin's demand ({@code ?_debug=true}) and when the configuration allows it
 * ({@code profiling.enabled}, off by default), the answer also carries {@code X-Query-Count}, {@code Server-Timing}
 * (database and application time) and, in a JSON object, a {@code _debug} member listing each statement with its
 * time, rows and (on a GET) parameters; {@code ?_debug=explain} adds each statement's plan (EXPLAIN, run with the
 * same parameters). Status and payload are otherwise unchanged.
 */
@Provider
@PreMatching
@Priority(Priorities.USER - 100)
public class ProfilingFilter implements ContainerRequestFilter, ContainerResponseFilter {

    public static final String QUERY_COUNT = "X-Query-Count";
    private static final String STARTED = ProfilingFilter.class.getName() + ".started";
    private static final String LOG = ProfilingFilter.class.getName() + ".log";
    private static final String DEBUG = ProfilingFilter.class.getName() + ".debug";
    private static final Map<Method, String> ROUTES = new ConcurrentHashMap<>();

    @Inject
    @ConfigProperty(name = "profiling.enabled", defaultValue = "false")
    boolean enabled;

    @Inject
    QueryPlans plans;

    @Inject
    RequestMetrics metrics;

    @Inject
    SlowQueries slowQueries;

    @Context
    ResourceInfo resource;

    @Context
    HttpServletRequest servletRequest;

    @Override
    public void filter(ContainerRequestContext request) {
        request.setProperty(STARTED, System.nanoTime());
        request.setProperty(LOG, StatementLog.start());
        String debug = request.getUriInfo().getQueryParameters().getFirst("_debug");
        if (enabled && debug != null) {
            request.setProperty(DEBUG, debug.toLowerCase(Locale.ROOT));
        }
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        if (!(request.getProperty(LOG) instanceof StatementLog log)) {
            return;
        }
        StatementLog.stop();
        long totalNanos = System.nanoTime() - (Long) request.getProperty(STARTED);
        String route = route(request.getMethod());
        metrics.record(route, totalNanos, log.statements().size());
        slowQueries.consider(log, route, RequestIdFilter.requestIdOf(servletRequest));
        Object debug = request.getProperty(DEBUG);
        // SQL text, table sizes and plans are for admins only, whatever the configuration.
        if (("true".equals(debug) || "explain".equals(debug))
                && request.getSecurityContext().isUserInRole(Roles.ADMIN)) {
            answerWithProfile(response, log, totalNanos / 1e6, "explain".equals(debug),
                    HttpMethod.GET.equals(request.getMethod()));
        }
    }

    private void answerWithProfile(ContainerResponseContext response, StatementLog log, double totalMs,
                                   boolean explain, boolean withParameters) {
        double databaseMs = log.databaseNanos() / 1e6;
        response.getHeaders().putSingle(QUERY_COUNT, log.statements().size());
        response.getHeaders().putSingle("Server-Timing", String.format(Locale.ROOT, "db;dur=%.2f, app;dur=%.2f",
                databaseMs, Math.max(0, totalMs - databaseMs)));
        if (response.hasEntity() && MediaType.APPLICATION_JSON_TYPE.isCompatible(response.getMediaType())
                && json(response.getEntity()) instanceof JsonObject body) {
            response.setEntity(JsonP.object(body)
                    .add("_debug", debug(log, totalMs, databaseMs, explain, withParameters)).build());
        }
    }

    /** A JSON answer's body: a DTO, or the JSON text of one that was serialized already (ETags). */
    private static JsonValue json(Object entity) {
        return entity instanceof String text ? JsonP.parse(text) : JsonbConfigurator.toJsonValue(entity);
    }

    /**
     * Parameters are shown for reads only (so that the benchmark can run a route's statements as the server did): a
     * write's may carry a password hash or a token's digest.
     */
    private JsonObject debug(StatementLog log, double totalMs, double databaseMs, boolean explain,
                             boolean withParameters) {
        JsonArrayBuilder statements = JsonP.array();
        for (StatementLog.Statement s : log.statements()) {
            JsonObjectBuilder statement = JsonP.object()
                    .add("sql", s.sql()).add("ms", s.nanos() / 1e6).add("rows", s.rows());
            if (withParameters) {
                statement.add("parameters", parameters(s.parameters()));
            }
            if (explain) {
                statement.add("plan", JsonbConfigurator.toJsonValue(plans.explain(s)));
            }
            statements.add(statement);
        }
        return JsonP.object().add("query_count", log.statements().size())
                .add("db_ms", databaseMs).add("total_ms", totalMs).add("statements", statements).build();
    }

    /** Numbers and booleans as JSON's, NULL as null, anything else (text, times) as its text. */
    private static JsonArrayBuilder parameters(List<Object> values) {
        JsonArrayBuilder parameters = JsonP.array();
        for (Object value : values) {
            if (value == ProfiledJdbc.NULL) {
                parameters.addNull();
            } else if (value instanceof Long || value instanceof Integer || value instanceof Short) {
                parameters.add(((Number) value).longValue());
            } else if (value instanceof Boolean bool) {
                parameters.add(bool);
            } else {
                parameters.add(String.valueOf(value));
            }
        }
        return parameters;
    }

    /**
     * The matched route, e.g. {@code GET /api/{version}/plans/{id}}; "unmatched" for whatever matched no resource
     * method (a 404, a made-up HTTP method), so that no request can add a metric series of its own.
     */
    private String route(String httpMethod) {
        Method method = resource == null ? null : resource.getResourceMethod();
        return method == null ? "unmatched"
                : httpMethod + " " + ROUTES.computeIfAbsent(method, ProfilingFilter::template);
    }

    private static String template(Method method) {
        Path type = method.getDeclaringClass().getAnnotation(Path.class);
        Path path = method.getAnnotation(Path.class);
        String template = "/api/" + (type == null ? "" : type.value()) + (path == null ? "" : "/" + path.value());
        return VersionedPaths.plainTemplate(template).replaceAll("/+", "/");
    }
}
