package io.hyperspatial.server.ws;

import com.fasterxml.jackson.databind.JsonNode;
import io.hyperspatial.server.http.Json;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A change-feed client over a real socket (java.net.http's WebSocket, as a program would use
 * one): collects the JSON messages and how the server closed the socket.
 */
final class FeedClient implements AutoCloseable {
    /** How the server closed the socket. */
    record Closed(int code, String reason) {
    }

    private final WebSocket socket;
    private final BlockingQueue<JsonNode> messages = new LinkedBlockingQueue<>();
    final CompletableFuture<Closed> closed = new CompletableFuture<>();

    private FeedClient(URI uri, String header, String value) {
        WebSocket.Builder b = HttpClient.newHttpClient().newWebSocketBuilder().connectTimeout(Duration.ofSeconds(10));
        if (header != null) {
            b.header(header, value);
        }
        socket = b.buildAsync(uri, new WebSocket.Listener() {
            private final StringBuilder text = new StringBuilder();

            @Override
            public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
                text.append(data);
                if (last) {
                    try {
                        messages.add(Json.MAPPER.readTree(text.toString()));
                    } catch (IOException e) {
                        closed.completeExceptionally(e);
                    }
                    text.setLength(0);
                }
                ws.request(1);
                return null;
            }

            @Override
            public CompletionStage<?> onClose(WebSocket ws, int code, String reason) {
                closed.complete(new Closed(code, reason));
                return null;
            }

            @Override
            public void onError(WebSocket ws, Throwable error) {
                closed.completeExceptionally(error);
            }
        }).join();
    }

    /** Connects to {@code path} (with its query) on the port; a refused handshake throws {@link WebSocketHandshakeException}. */
    static FeedClient connect(int port, String path, String header, String value) {
        try {
            return new FeedClient(URI.create("ws://127.0.0.1:" + port + path), header, value);
        } catch (CompletionException e) {
            if (e.getCause() instanceof WebSocketHandshakeException h) {
                throw new RefusedHandshake(h.getResponse().statusCode(), String.valueOf(h.getResponse().body()));
            }
            throw e;
        }
    }

    static FeedClient connect(int port, String path) {
        return connect(port, path, null, null);
    }

    /** The status and body of a refused handshake. */
    static final class RefusedHandshake extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final int status;
        final String body;

        RefusedHandshake(int status, String body) {
            super(status + " " + body);
            this.status = status;
            this.body = body;
        }
    }

    /** The next {@code n} messages, waiting up to 30 s for them. */
    List<JsonNode> take(int n) throws InterruptedException {
        List<JsonNode> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            JsonNode m = messages.poll(30, TimeUnit.SECONDS);
            if (m == null) {
                throw new AssertionError("only " + out.size() + " of " + n + " messages arrived: " + out);
            }
            out.add(m);
        }
        return out;
    }

    /** Whether a message arrives within {@code millis}. */
    boolean quietFor(long millis) throws InterruptedException {
        return messages.poll(millis, TimeUnit.MILLISECONDS) == null;
    }

    @Override
    public void close() {
        socket.sendClose(WebSocket.NORMAL_CLOSURE, "done").orTimeout(10, TimeUnit.SECONDS).exceptionally(e -> null).join();
        socket.abort();
    }
}
