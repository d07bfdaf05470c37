package com.subscriptions.problem.boundary;

import com.subscriptions.platform.boundary.RequestIdFilter;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;

/**
 * The container's error page (web.xml): what fails outside JAX-RS, such as an unknown path, still answers
 * problem+json. A 500 says nothing about its cause.
 */
@WebServlet(name = "ErrorPage", urlPatterns = "/error")
public class ErrorPageServlet extends HttpServlet {

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        int status = code instanceof Integer given ? given : 404;
        if (status == 500 && tokenRefusedByTheServer(request)) {
            status = 401;
        }
        Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        String path = uri == null ? request.getRequestURI() : uri.toString();
        String detail = switch (status) {
            case 401 -> "The access token is invalid";
            case 404 -> "No resource at " + path;
            case 405 -> "Method " + request.getMethod() + " is not allowed on " + path;
            case 500 -> "An unexpected error occurred";
            default -> Problem.titleOf(status);
        };
        Problem.of(status, detail).writeTo(response, RequestIdFilter.requestIdOf(request));
    }

    /**
     * WildFly's MicroProfile JWT mechanism answers 500, before any filter or resource runs, to a bearer token for
     * which it finds no key (such as {@code alg: none}): a 500 that carries no exception on a request with a bearer
     * token is that refusal, and the caller's fault.
     */
    private static boolean tokenRefusedByTheServer(HttpServletRequest request) {
        String authorization = request.getHeader("Authorization");
        return request.getAttribute(RequestDispatcher.ERROR_EXCEPTION) == null && authorization != null
                && authorization.regionMatches(true, 0, "Bearer ", 0, 7);
    }
}
