package com.subscriptions.problem.boundary;

import com.subscriptions.platform.boundary.BodySizeLimit;
import com.subscriptions.platform.control.JsonNames;
import com.subscriptions.platform.boundary.RequestIdFilter;
import com.subscriptions.platform.entity.Conflict;
import com.subscriptions.platform.entity.DatabaseUnavailable;
import com.subscriptions.platform.entity.DomainException;
import com.subscriptions.platform.entity.InconsistentRequest;
import com.subscriptions.platform.entity.InvalidInput;
import com.subscriptions.platform.entity.LockConflict;
import com.subscriptions.platform.entity.NotAuthenticated;
import com.subscriptions.platform.entity.NotFound;
import com.subscriptions.platform.entity.NotPermitted;
import com.subscriptions.platform.entity.NotSupportedHere;
import com.subscriptions.platform.entity.StaleVersion;
import com.subscriptions.platform.entity.TooManyAttempts;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.json.JsonException;
import jakarta.json.bind.JsonbException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Path;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Every failure of a JAX-RS request becomes problem+json. JAX-RS picks the mapper of the closest exception
 * type, so the {@link Throwable} mapper only sees what nothing more specific explains: those are the 500s,
 * logged with their stack trace and answered without it.
 */
public final class ProblemMappers {

    private ProblemMappers() {
    }

    abstract static class Base<E extends Throwable> implements ExceptionMapper<E> {
        @Context
        HttpServletRequest request;

        Response answer(Problem problem) {
            return problem.toResponse(RequestIdFilter.requestIdOf(request));
        }
    }

    /**
     * What a use case refused, answered with the status that says it over HTTP. The one place where domain
     * exceptions meet status codes.
     */
    @Provider
    public static class ForDomainExceptions extends Base<DomainException> {
        @Override
        public Response toResponse(DomainException e) {
            if (e instanceof InvalidInput invalid) {
                return answer(Problem.invalid(invalid.errors()));
            }
            Response.ResponseBuilder answer = Response.fromResponse(answer(Problem.of(statusOf(e), e.getMessage())));
            if (e instanceof TooManyAttempts tooMany) {
                answer.header("Retry-After", tooMany.retryAfterSeconds());
            }
            return answer.build();
        }

        static int statusOf(DomainException e) {
            if (e instanceof NotAuthenticated) {
                return 401;
            } else if (e instanceof NotPermitted) {
                return 403;
            } else if (e instanceof NotFound) {
                return 404;
            } else if (e instanceof Conflict) {
                return 409;
            } else if (e instanceof StaleVersion) {
                return 412;
            } else if (e instanceof InconsistentRequest) {
                return 422;
            } else if (e instanceof TooManyAttempts) {
                return 429;
            } else if (e instanceof NotSupportedHere) {
                return 501;
            }
            return 400; // RuleViolation and any other refusal of the request as it stands
        }
    }

    @Provider
    public static class ForBeanValidation extends Base<ConstraintViolationException> {
        @Override
        public Response toResponse(ConstraintViolationException e) {
            Map<String, String> errors = new TreeMap<>();
            for (ConstraintViolation<?> violation : e.getConstraintViolations()) {
                errors.merge(fieldOf(violation.getPropertyPath()), violation.getMessage(), (a, b) -> a + "; " + b);
            }
            return answer(Problem.invalid(errors));
        }

        /** The JSON name of the violated field: the last node of the path, in snake_case. */
        static String fieldOf(Path path) {
            String last = "request";
            for (Path.Node node : path) {
                if (node.getName() != null && !node.getName().startsWith("arg")) {
                    last = node.getName();
                }
            }
            return JsonNames.snakeCase(last);
        }
    }

    @Provider
    public static class ForWebErrors extends Base<WebApplicationException> {
        @Override
        public Response toResponse(WebApplicationException e) {
            int status = e.getResponse().getStatus();
            String detail;
            if (e instanceof NotFoundException) {
                detail = "No resource at " + request.getRequestURI();
            } else if (e instanceof NotAllowedException) {
                detail = "Method " + request.getMethod() + " is not allowed on " + request.getRequestURI();
            } else if (e instanceof NotSupportedException) {
                detail = "Content type " + request.getContentType() + " is not supported; send application/json";
            } else if (e.getCause() instanceof JsonbException || e.getCause() instanceof JsonException
                    || tooLarge(e).isPresent()) {
                return answer(MalformedJson.problem(e));
            } else {
                detail = e.getMessage() == null ? Problem.titleOf(status) : e.getMessage();
            }
            Response.ResponseBuilder answer = Response.fromResponse(answer(Problem.of(status, detail)));
            // Keep what the original response said about the resource (Allow on 405, for instance).
            e.getResponse().getHeaders().forEach((name, values) -> {
                if (!name.equalsIgnoreCase("Content-Type")) {
                    values.forEach(value -> answer.header(name, value));
                }
            });
            return answer.build();
        }
    }

    /** A request body that is not JSON, or not JSON of the expected shape. */
    @Provider
    public static class MalformedJson extends Base<JsonbException> {
        static final String DETAIL = "Malformed JSON request body";
        /** How JSON-B (Yasson) names the member it could not read. */
        private static final Pattern PROPERTY = Pattern.compile("property '?([A-Za-z0-9_]+)'?");

        @Override
        public Response toResponse(JsonbException e) {
            return answer(problem(e));
        }

        /** Names the field when the failure says which member had the wrong type. */
        public static Problem problem(Throwable failure) {
            Optional<Problem> tooLarge = tooLarge(failure);
            if (tooLarge.isPresent()) {
                return tooLarge.get();
            }
            for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
                Matcher property = cause.getMessage() == null ? null : PROPERTY.matcher(cause.getMessage());
                if (property != null && property.find()) {
                    String field = JsonNames.snakeCase(property.group(1));
                    return new Problem(400, Problem.titleOf(400), DETAIL + ": " + field + " has the wrong type",
                            Map.of(field, "has the wrong type"));
                }
            }
            return Problem.of(400, DETAIL);
        }
    }

    /** A body over the limit, wherever its read failed (JSON-B wraps the failure, a filter passes it on). */
    static Optional<Problem> tooLarge(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof BodySizeLimit.BodyTooLarge) {
                return Optional.of(Problem.of(413, cause.getMessage()));
            }
        }
        return Optional.empty();
    }

    @Provider
    public static class ForUnreadableBodies extends Base<ProcessingException> {
        @Override
        public Response toResponse(ProcessingException e) {
            return answer(MalformedJson.problem(e));
        }
    }

    @Provider
    public static class ForEverythingElse extends Base<Throwable> {
        static final int RETRY_AFTER_OUTAGE_SECONDS = 5;
        private static final Logger LOG = Logger.getLogger(ForEverythingElse.class.getName());

        @Override
        public Response toResponse(Throwable e) {
            Optional<Problem> tooLarge = tooLarge(e);
            if (tooLarge.isPresent()) {
                return answer(tooLarge.get());
            }
            if (DatabaseUnavailable.isCauseOf(e)) {
                CDI.current().getBeanManager().getEvent().fire(DatabaseUnavailable.of(e));
                return Response.fromResponse(answer(Problem.of(503,
                        "The database is not available; retry in a few seconds")))
                        .header("Retry-After", RETRY_AFTER_OUTAGE_SECONDS).build();
            }
            if (LockConflict.isCauseOf(e)) {
                return answer(Problem.of(409, "The resource was changed by a concurrent request; retry"));
            }
            String requestId = RequestIdFilter.requestIdOf(request);
            LOG.log(Level.SEVERE, "Unexpected failure of request " + requestId, e);
            return answer(Problem.of(500, "An unexpected error occurred; quote request id " + requestId));
        }
    }
}
