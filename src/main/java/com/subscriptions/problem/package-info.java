/**
 * Problem details (RFC 9457): how every failure of a request is answered. {@code ProblemMappers} is the one place
 * where the domain exceptions of {@code platform.entity} (not found, conflict, stale version, rule violated, too many
 * attempts…) and JAX-RS/Bean Validation/JSON errors become {@code application/problem+json} with the field names, the
 * original service's {@code message} and the request id; {@code ErrorPageServlet} does the same for what the
 * container answers itself.
 */
package com.subscriptions.problem;
