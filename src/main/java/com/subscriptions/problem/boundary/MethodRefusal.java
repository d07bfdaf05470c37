package com.subscriptions.problem.boundary;

import com.subscriptions.platform.boundary.BodySizeLimit;
import com.subscriptions.platform.boundary.RequestIdFilter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.io.InputStream;
import java.util.Set;

/**
 * Methods that nothing here serves are refused as 405 problem+json before any servlet sees them: TRACE anywhere
 * (after reading its body, and closing the connection: refused by the HTTP listener itself, its unread body was
 * parsed as the next request — request smuggling behind a proxy that reuses connections; the listener lets TRACE
 * through for this, see server-config/pre-boot-commands.asadmin), CONNECT anywhere (its "body" is a tunnel's
 * stream without a length: JAX-RS waited on it for the listener's timeout), and outside the API anything but
 * reading (the container's static-content servlet answered 501 to a PATCH).
 */
@WebFilter(urlPatterns = "/*", asyncSupported = true)
public class MethodRefusal extends HttpFilter {

    private static final Set<String> READING = Set.of("GET", "HEAD", "OPTIONS");
    private static final Set<String> NEVER = Set.of("TRACE", "CONNECT");

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String method = request.getMethod();
        // The path as the container resolved it ("/api/../plans" is "/plans"), not as the client wrote it.
        String path = request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo());
        boolean api = path.startsWith("/api/");
        if (!NEVER.contains(method) && (api || READING.contains(method))) {
            chain.doFilter(request, response);
            return;
        }
        try (InputStream body = request.getInputStream()) {
            body.readNBytes((int) Math.min(Math.max(request.getContentLengthLong(), 0), BodySizeLimit.MAX_BYTES));
        }
        response.setHeader("Allow", api ? "GET, HEAD, POST, PUT, DELETE, OPTIONS" : "GET, HEAD, OPTIONS");
        response.setHeader("Connection", "close");
        Problem.of(405, "Method " + method + " is not allowed on " + path)
                .writeTo(response, RequestIdFilter.requestIdOf(request));
    }
}
