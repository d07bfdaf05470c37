package com.subscriptions.problem;

import com.subscriptions.IntegrationTest;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** What arrives on the raw connection: a request's body is never taken for another request. */
class HttpEdgesIT extends IntegrationTest {

    private static final int PORT = Integer.getInteger("it.http.port", 18080);
    /** More than either server's request threads (Payara Micro's listener: 200 at most; WildFly's: fewer). */
    private static final int REQUEST_THREADS_AND_MORE = 250;

    /**
     * A TRACE whose body is itself a complete GET: one answer (405 problem+json), not two; with the listener
     * refusing TRACE itself, the GET ran as a second request on the same connection.
     */
    @Test
    void traceIsRefusedAsProblemJsonAndItsBodyIsNeverARequest() throws IOException {
        String smuggled = "GET /api/ping HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n";
        String answers = exchange("TRACE /api/ping HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: text/plain\r\n"
                + "Content-Length: " + smuggled.length() + "\r\n\r\n" + smuggled);
        assertThat(answers).startsWith("HTTP/1.1 405").contains("application/problem+json");
        assertThat(Pattern.compile("^HTTP/1\\.1 ", Pattern.MULTILINE).matcher(answers).results().count())
                .as("answers on the connection:\n" + answers).isEqualTo(1);
    }

    /** Outside the API only reading is served; anything else is 405 problem+json, not the container's 501. */
    @Test
    void writesOutsideTheApiAre405ProblemJson() throws IOException {
        String answer = exchange("PATCH /admin/index.html HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 2\r\n"
                + "Content-Type: application/json\r\n\r\n{}");
        assertThat(answer).startsWith("HTTP/1.1 405").contains("application/problem+json");
        assertThat(exchange("PATCH /api/../admin/index.html HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 0\r\n\r\n"))
                .startsWith("HTTP/1.1 405").contains("application/problem+json");
    }

    /**
     * A CONNECT (this is no proxy) is refused at once. (Payara's listener answers 400 without a length and keeps
     * the connection for its keep-alive timeout, 30 s; shortening that timeout also cut requests that wait on a
     * frozen database, so it stays.)
     */
    @Test
    void connectIsRefusedAtOnce() throws IOException {
        assertThat(statusWithin2Seconds("CONNECT example.com:443 HTTP/1.1\r\nHost: example.com:443\r\n\r\n"))
                .matches("HTTP/1\\.1 4\\d\\d");
    }

    /**
     * What the listener keeps of a refused CONNECT is bounded: an idle socket until its keep-alive timeout, no request
     * thread. With more of them left open than the listener has request threads, a request is still answered at once.
     */
    @Test
    void refusedConnectsLeftOpenHoldNoRequestThread() throws IOException {
        List<Socket> tunnels = new ArrayList<>();
        try {
            for (int i = 0; i < REQUEST_THREADS_AND_MORE; i++) {
                Socket socket = new Socket("127.0.0.1", PORT);
                tunnels.add(socket);
                socket.getOutputStream().write(("CONNECT example.com:" + (1000 + i) + " HTTP/1.1\r\nHost: example.com\r\n\r\n")
                        .getBytes(StandardCharsets.ISO_8859_1));
            }
            for (Socket tunnel : tunnels) {
                tunnel.setSoTimeout(5_000);
                assertThat(new String(tunnel.getInputStream().readNBytes(12), StandardCharsets.ISO_8859_1))
                        .matches("HTTP/1\\.1 4\\d\\d");
            }
            assertThat(statusWithin2Seconds("GET /api/ping HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"))
                    .isEqualTo("HTTP/1.1 200");
        } finally {
            for (Socket tunnel : tunnels) {
                tunnel.close();
            }
        }
    }

    /**
     * A CONNECT to a path of the API is refused at once too, without reading its "body" (a tunnel's stream, no
     * length): it was let through to JAX-RS, whose request thread then waited on that stream for the listener's
     * timeout and answered 400 "Malformed JSON request body".
     */
    @Test
    void connectToAnApiPathIsRefusedAtOnceWithoutWaitingForABody() throws IOException {
        assertThat(statusWithin2Seconds("CONNECT /api/ping HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"))
                .isEqualTo("HTTP/1.1 405");
    }

    /** The first 12 bytes of the answer ({@code HTTP/1.1 nnn}); fails when they take longer than 2 s. */
    private static String statusWithin2Seconds(String request) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", PORT)) {
            socket.setSoTimeout(2_000);
            socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
            return new String(socket.getInputStream().readNBytes(12), StandardCharsets.ISO_8859_1);
        }
    }

    /** Everything the server sends on one connection until it closes it or stays silent for 5 s. */
    private static String exchange(String request) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", PORT)) {
            socket.setSoTimeout(5000);
            socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
            socket.getOutputStream().flush();
            ByteArrayOutputStream received = new ByteArrayOutputStream();
            InputStream in = socket.getInputStream();
            byte[] buffer = new byte[4096];
            try {
                for (int n; (n = in.read(buffer)) >= 0; ) {
                    received.write(buffer, 0, n);
                }
            } catch (SocketTimeoutException silence) {
                // the server keeps the connection open: what it sent is all there is
            }
            return received.toString(StandardCharsets.ISO_8859_1);
        }
    }
}
