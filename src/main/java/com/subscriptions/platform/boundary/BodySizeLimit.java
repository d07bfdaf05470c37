package com.subscriptions.platform.boundary;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.ext.Provider;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Request bodies are bounded, whoever reads them (JSON-B, the idempotency filter): a declared length over
 * {@link #MAX_BYTES} is refused before anything is read, and a body without one (chunked) fails as soon as it has
 * said more. Either way the answer is 413 problem+json ({@code ProblemMappers}).
 */
@Provider
@PreMatching
@Priority(Priorities.AUTHENTICATION - 100)
public class BodySizeLimit implements ContainerRequestFilter {

    /** Far above any request of this API (a plan with its features is under 4 KiB). */
    public static final int MAX_BYTES = 64 * 1024;

    @Override
    public void filter(ContainerRequestContext request) {
        if (request.getLength() > MAX_BYTES) {
            throw new WebApplicationException(new BodyTooLarge(), 413);
        }
        if (request.hasEntity()) {
            request.setEntityStream(new Bounded(request.getEntityStream()));
        }
    }

    /** The body said more than {@link #MAX_BYTES}. */
    public static final class BodyTooLarge extends IOException {
        BodyTooLarge() {
            super("The request body is over " + MAX_BYTES + " bytes");
        }
    }

    /** Counts what is read; past the limit, the read fails. */
    private static final class Bounded extends FilterInputStream {
        private long read;

        Bounded(InputStream body) {
            super(body);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            count(b < 0 ? 0 : 1);
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            count(Math.max(n, 0));
            return n;
        }

        private void count(int bytes) throws BodyTooLarge {
            read += bytes;
            if (read > MAX_BYTES) {
                throw new BodyTooLarge();
            }
        }
    }
}
