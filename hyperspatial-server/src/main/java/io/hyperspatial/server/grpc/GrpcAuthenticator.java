package io.hyperspatial.server.grpc;

import com.linecorp.armeria.common.HttpStatus;
import com.linecorp.armeria.server.ServiceRequestContext;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.hyperspatial.server.auth.Authenticator;
import io.hyperspatial.server.auth.Role;
import io.hyperspatial.server.auth.RoleCheck;
import io.hyperspatial.server.http.ApiException;

import java.util.Map;

/**
 * API keys for gRPC: the key is read from the metadata ({@code x-api-key: KEY} or
 * {@code authorization: Bearer KEY}) and checked by the HTTP API's {@link Authenticator}; each
 * method's required role comes from a table, and a method missing from it is refused, so a new
 * method cannot be served unchecked. A refused call is closed before the service sees it, with
 * the same codes as HTTP ({@code auth.missing_key}, {@code auth.unknown_key}, {@code auth.forbidden}).
 * An admitted call's role is in the request context ({@link Authenticator#ROLE}), as for HTTP, for
 * services whose needs depend on the request (a HyperQL write needs more than a query). Thread-safe.
 */
final class GrpcAuthenticator implements ServerInterceptor {
    private static final Metadata.Key<String> API_KEY =
            Metadata.Key.of(Authenticator.API_KEY_HEADER, Metadata.ASCII_STRING_MARSHALLER);
    private static final Metadata.Key<String> AUTHORIZATION =
            Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER);

    private final Authenticator authenticator;
    private final Map<String, Role> roles;

    /** @param roles the role each method needs, by full method name ({@code hyperspatial.v1.SearchService/Search}) */
    GrpcAuthenticator(Authenticator authenticator, Map<String, Role> roles) {
        this.authenticator = authenticator;
        this.roles = Map.copyOf(roles);
    }

    @Override
    public <Q, R> ServerCall.Listener<Q> interceptCall(ServerCall<Q, R> call, Metadata headers, ServerCallHandler<Q, R> next) {
        String method = call.getMethodDescriptor().getFullMethodName();
        try {
            Role role = authenticator.roleOf(Authenticator.presentedKey(headers.get(API_KEY), headers.get(AUTHORIZATION)));
            Role required = roles.get(method);
            if (required == null) {
                throw new ApiException(HttpStatus.FORBIDDEN, ApiException.FORBIDDEN, "method " + method + " is not open to API keys");
            }
            RoleCheck.require(role, required);
            ServiceRequestContext.current().setAttr(Authenticator.ROLE, role);
        } catch (ApiException e) {
            Metadata trailers = new Metadata();
            call.close(GrpcErrors.describe(e, e.getMessage(), trailers), trailers);
            return new ServerCall.Listener<>() {
            };
        }
        return next.startCall(call, headers);
    }
}
