package io.hyperspatial.server.auth;

import com.linecorp.armeria.common.HttpHeaderNames;
import com.linecorp.armeria.common.HttpRequest;
import com.linecorp.armeria.common.HttpResponse;
import com.linecorp.armeria.common.HttpStatus;
import com.linecorp.armeria.server.DecoratingHttpServiceFunction;
import com.linecorp.armeria.server.HttpService;
import com.linecorp.armeria.server.ServiceRequestContext;
import io.hyperspatial.server.http.ApiException;
import io.netty.util.AttributeKey;

import java.util.Set;

/**
 * Finds who is calling: the API key sent as {@code x-api-key} or {@code Authorization: Bearer},
 * looked up in the server's {@link ApiKeys}; its role is put on the request context for
 * {@link RoleCheck}. A missing or unknown key is a 401 before any handler runs. Without keys
 * (authentication off, loopback only) every caller is {@link Role#ADMIN}. The open paths (health)
 * need no key. Thread-safe.
 */
public final class Authenticator implements DecoratingHttpServiceFunction {
    /** The caller's role, set on every request that reaches a handler. */
    public static final AttributeKey<Role> ROLE = AttributeKey.valueOf(Authenticator.class, "ROLE");
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
        if (keys == null) {
            ctx.setAttr(ROLE, Role.ADMIN);
            return delegate.serve(ctx, req);
        }
        if (openPaths.contains(ctx.path())) {
            return delegate.serve(ctx, req);
        }
        String presented = presentedKey(req);
        if (presented == null) {
            throw new ApiException(HttpStatus.UNAUTHORIZED, ApiException.MISSING_KEY,
                    "an API key is required: send it as 'x-api-key: KEY' or 'Authorization: Bearer KEY'");
        }
        ApiKey key = keys.find(presented).orElseThrow(() -> new ApiException(HttpStatus.UNAUTHORIZED,
                ApiException.UNKNOWN_KEY, "the API key is not known to this server"));
        ctx.setAttr(ROLE, key.role());
        return delegate.serve(ctx, req);
    }

    private static String presentedKey(HttpRequest req) {
        String header = req.headers().get("x-api-key");
        if (header != null && !header.isBlank()) {
            return header.strip();
        }
        String auth = req.headers().get(HttpHeaderNames.AUTHORIZATION);
        if (auth != null && auth.length() > BEARER.length() && auth.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return auth.substring(BEARER.length()).strip();
        }
        return null;
    }
}
