package io.hyperspatial.server.ws;

import com.linecorp.armeria.common.HttpHeaderNames;
import com.linecorp.armeria.common.HttpRequest;
import com.linecorp.armeria.common.HttpResponse;
import com.linecorp.armeria.common.HttpStatus;
import com.linecorp.armeria.common.websocket.WebSocket;
import com.linecorp.armeria.common.websocket.WebSocketCloseStatus;
import com.linecorp.armeria.common.websocket.WebSocketFrame;
import com.linecorp.armeria.common.websocket.WebSocketFrameType;
import com.linecorp.armeria.common.websocket.WebSocketWriter;
import com.linecorp.armeria.server.HttpService;
import com.linecorp.armeria.server.ServiceRequestContext;
import com.linecorp.armeria.server.websocket.WebSocketService;
import com.linecorp.armeria.server.websocket.WebSocketServiceHandler;
import io.hyperspatial.core.HyperspatialDatabase;
import io.hyperspatial.manifold.Collection;
import io.hyperspatial.manifold.error.FeedTruncatedException;
import io.hyperspatial.manifold.feed.ChangeEvent;
import io.hyperspatial.manifold.feed.ChangeListener;
import io.hyperspatial.manifold.feed.Subscription;
import io.hyperspatial.server.auth.Authenticator;
import io.hyperspatial.server.auth.Role;
import io.hyperspatial.server.auth.RoleCheck;
import io.hyperspatial.server.http.ApiException;
import io.hyperspatial.server.http.Json;
import io.netty.util.AttributeKey;
import org.reactivestreams.Subscriber;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * {@code GET /v1/collections/{c}/changes} upgraded to a WebSocket: the collection's change feed,
 * one JSON message per committed operation ({@link ChangeEventJson}), in sequence order, from
 * {@code ?after=SEQ} on (every retained event after SEQ, then live), or from now on without it.
 * The handshake is checked before the upgrade and refused as an ordinary HTTP error: the read
 * role ({@code ?api_key=} is accepted here, see {@link Authenticator}), an existing collection
 * (404 {@code collection.not_found}), a valid {@code after} (400) that the feed still holds
 * (410 {@code feed.truncated}: the client must re-read the collection and resume from now), and
 * without API keys a same-origin page or a program ({@link #checkOrigin}).
 *
 * <p>Each client has its own subscription thread reading the stored feed and a bounded send queue
 * ({@link BoundedSender}): a client that stops reading is closed with 1013 and told where to
 * resume, so nothing is lost and the server's memory stays bounded. The socket is not subject
 * to the request timeout. Thread-safe.
 */
public final class ChangeFeedSocket implements WebSocketServiceHandler {
    public static final String PATH = "/v1/collections/{collection}/changes";
    private static final Logger LOG = Logger.getLogger(ChangeFeedSocket.class.getName());
    private static final AttributeKey<Start> START = AttributeKey.valueOf(ChangeFeedSocket.class, "START");
    private static final String ANY_ORIGIN = "*";

    /**
     * How far a client may fall behind.
     *
     * @param maxPending   messages written to a socket but not yet taken by the connection
     * @param stallTimeout how long a full queue may wait for room before the client is closed
     */
    public record Limits(int maxPending, Duration stallTimeout) {
        public static final Limits DEFAULT = new Limits(1024, Duration.ofSeconds(10));
    }

    /** Where a checked handshake starts following the feed. */
    private record Start(Collection collection, long after) {
    }

    private final HyperspatialDatabase db;
    private final Limits limits;
    private final boolean keysRequired;

    private ChangeFeedSocket(HyperspatialDatabase db, Limits limits, boolean keysRequired) {
        this.db = db;
        this.limits = limits;
        this.keysRequired = keysRequired;
    }

    /**
     * The service to mount at {@link #PATH}: handshake checks (on the blocking executor), then the
     * WebSocket.
     *
     * @param keysRequired whether the server authenticates with API keys; without them only
     *                     same-origin pages and programs (which send no {@code Origin}) may connect
     */
    public static HttpService service(HyperspatialDatabase db, Limits limits, boolean keysRequired) {
        ChangeFeedSocket socket = new ChangeFeedSocket(db, limits, keysRequired);
        WebSocketService ws = WebSocketService.builder(socket).allowedOrigins(ANY_ORIGIN).build();
        return ws.decorate((delegate, ctx, req) -> HttpResponse.of(
                CompletableFuture.runAsync(() -> socket.check(ctx), ctx.blockingTaskExecutor())
                        .thenApplyAsync(ignored -> serve(delegate, ctx, req), ctx.eventLoop())));
    }

    private static HttpResponse serve(HttpService delegate, ServiceRequestContext ctx, HttpRequest req) {
        try {
            return delegate.serve(ctx, req);
        } catch (Exception e) {
            return HttpResponse.ofFailure(e);
        }
    }

    private void check(ServiceRequestContext ctx) {
        RoleCheck.require(ctx.attr(Authenticator.ROLE), Role.READ);
        checkOrigin(ctx);
        Collection c = db.collection(ctx.pathParam("collection"));
        String after = ctx.queryParam("after");
        long start;
        if (after == null || after.isEmpty()) {
            start = c.changes().lastSequence();
        } else {
            try {
                start = Long.parseLong(after);
            } catch (NumberFormatException e) {
                start = -1;
            }
            if (start < 0) {
                throw ApiException.invalid("after", "query parameter 'after' must be a sequence number (0 or more), got '"
                        + after + "'");
            }
            if (start < c.changes().oldestResumable()) {
                throw new FeedTruncatedException(start, c.changes().oldestResumable() + 1);
            }
        }
        ctx.setAttr(START, new Start(c, start));
    }

    /**
     * Without API keys a web page from any site could otherwise read the feed of a server on the
     * user's loopback (browsers do not apply the same-origin policy to WebSockets), so a browser's
     * {@code Origin} must then be the server itself. With keys, the key is the credential.
     */
    private void checkOrigin(ServiceRequestContext ctx) {
        String origin = ctx.request().headers().get(HttpHeaderNames.ORIGIN);
        if (keysRequired || origin == null) {
            return;
        }
        String authority = ctx.request().authority();
        URI uri;
        try {
            uri = URI.create(origin);
        } catch (IllegalArgumentException e) {
            uri = null;
        }
        if (uri == null || authority == null || !authority.equalsIgnoreCase(uri.getRawAuthority())) {
            throw new ApiException(HttpStatus.FORBIDDEN, ApiException.FORBIDDEN, "a web page from " + origin
                    + " may not open this server's change feeds: without API keys only same-origin pages may");
        }
    }

    @Override
    public WebSocket handle(ServiceRequestContext ctx, WebSocket in) {
        Start start = ctx.attr(START);
        WebSocketWriter out = WebSocket.streaming();
        BoundedSender sender = new BoundedSender(out, limits.maxPending(), limits.stallTimeout(), start.after());
        Collection c = start.collection();
        Subscription subscription = c.changes().subscribe(start.after(), new ChangeListener() {
            @Override
            public void onEvent(ChangeEvent event) throws InterruptedException {
                String text = new String(Json.bytes(c.read(view -> ChangeEventJson.write(event, view))), StandardCharsets.UTF_8);
                if (!sender.send(event.sequence(), text)) {
                    throw new InterruptedException("the socket is closed");
                }
            }

            @Override
            public void onError(Throwable error) {
                if (out.isOpen()) {
                    LOG.log(Level.WARNING, "change feed of '" + c.name() + "' failed", error);
                    out.close(WebSocketCloseStatus.INTERNAL_SERVER_ERROR,
                            "the change feed failed; resume with after=" + sender.lastTaken());
                }
            }
        });
        out.whenComplete().handle((ignored, error) -> {
            ctx.blockingTaskExecutor().execute(subscription::close);
            return null;
        });
        in.subscribe(closeWhenClientCloses(out));
        return out;
    }

    /** Reads the client's frames (it sends none but pings and a close) and ends the stream when it closes. */
    private static Subscriber<WebSocketFrame> closeWhenClientCloses(WebSocketWriter out) {
        return new Subscriber<>() {
            @Override
            public void onSubscribe(org.reactivestreams.Subscription s) {
                s.request(Long.MAX_VALUE);
            }

            @Override
            public void onNext(WebSocketFrame frame) {
                try (frame) {
                    if (frame.type() == WebSocketFrameType.CLOSE) {
                        out.close();
                    }
                }
            }

            @Override
            public void onError(Throwable t) {
                out.close();
            }

            @Override
            public void onComplete() {
                out.close();
            }
        };
    }
}
