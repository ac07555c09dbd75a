package io.hyperspatial.server.auth;

import com.linecorp.armeria.common.HttpHeaderNames;
import com.linecorp.armeria.common.HttpRequest;
import com.linecorp.armeria.common.HttpResponse;
import com.linecorp.armeria.common.HttpStatus;
import com.linecorp.armeria.common.RequestHeaders;
import com.linecorp.armeria.server.DecoratingHttpServiceFunction;
import com.linecorp.armeria.server.HttpService;
import com.linecorp.armeria.server.ServiceRequestContext;
import io.hyperspatial.server.http.ApiException;
import io.netty.util.AttributeKey;

import java.util.Set;

/**
 * Finds who is calling: the API key sent as {@code x-api-key} or {@code Authorization: Bearer},
 * looked up in the server's {@link ApiKeys}; its role is put on the request context for
 * {@link RoleCheck}. A WebSocket handshake may send it as {@code ?api_key=KEY} instead. A missing
 * or unknown key is a 401 before any handler runs. gRPC calls authenticate through
 * {@link #roleOf} too. Without keys
 * (authentication off, loopback only) every caller is {@link Role#ADMIN}. The open paths (health)
 * need no key. Thread-safe.
 */
public final class Authenticator implements DecoratingHttpServiceFunction {
    /** The caller's role, set on every request that reaches a handler. */
    public static final AttributeKey<Role> ROLE = AttributeKey.valueOf(Authenticator.class, "ROLE");
    /** The header that carries a key. */
    public static final String API_KEY_HEADER = "x-api-key";
    /**
     * The query parameter that carries a key on a WebSocket handshake only, since browsers cannot
     * set headers there. Query strings end up in logs and browser history more easily than headers.
     */
    public static final String API_KEY_PARAMETER = "api_key";
    private static final String BEARER = "bearer ";

    private final ApiKeys keys;
    private final Set<String> openPaths;

    /** @param keys the accepted keys, or null for no authentication */
    public Authenticator(ApiKeys keys, Set<String> openPaths) {
        this.keys = keys;
        this.openPaths = Set.copyOf(openPaths);
    }

    @Override
    public HttpResponse serve(HttpService delegate, ServiceRequestContext ctx, HttpRequest req) throws Exception {
        if (keys != null && openPaths.contains(ctx.path())) {
            return delegate.serve(ctx, req);
        }
        RequestHeaders headers = req.headers();
        String presented = presentedKey(headers.get(API_KEY_HEADER), headers.get(HttpHeaderNames.AUTHORIZATION));
        if (presented == null && isWebSocketUpgrade(headers)) {
            presented = ctx.queryParam(API_KEY_PARAMETER);
        }
        ctx.setAttr(ROLE, roleOf(presented));
        return delegate.serve(ctx, req);
    }

    /**
     * The role of a caller who presented {@code key} (null if none): {@link Role#ADMIN} when
     * authentication is off, else the key's role. Every protocol authenticates through here.
     *
     * @throws ApiException {@link ApiException#MISSING_KEY} or {@link ApiException#UNKNOWN_KEY} (401)
     */
    public Role roleOf(String key) {
        if (keys == null) {
            return Role.ADMIN;
        }
        if (key == null || key.isEmpty()) {
            throw new ApiException(HttpStatus.UNAUTHORIZED, ApiException.MISSING_KEY,
                    "an API key is required: send it as 'x-api-key: KEY' or 'Authorization: Bearer KEY'");
        }
        return keys.find(key).map(ApiKey::role).orElseThrow(() -> new ApiException(HttpStatus.UNAUTHORIZED,
                ApiException.UNKNOWN_KEY, "the API key is not known to this server"));
    }

    /** The key sent as {@code x-api-key: KEY} or {@code Authorization: Bearer KEY} (either may be null), or null. */
    public static String presentedKey(String apiKeyHeader, String authorization) {
        if (apiKeyHeader != null && !apiKeyHeader.isBlank()) {
            return apiKeyHeader.strip();
        }
        if (authorization != null && authorization.length() > BEARER.length()
                && authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return authorization.substring(BEARER.length()).strip();
        }
        return null;
    }

    /** A WebSocket handshake, over HTTP/1.1 ({@code Upgrade: websocket}) or HTTP/2 ({@code :protocol websocket}). */
    private static boolean isWebSocketUpgrade(RequestHeaders headers) {
        return "websocket".equalsIgnoreCase(headers.get(HttpHeaderNames.UPGRADE))
                || "websocket".equalsIgnoreCase(headers.get(HttpHeaderNames.PROTOCOL));
    }
}
