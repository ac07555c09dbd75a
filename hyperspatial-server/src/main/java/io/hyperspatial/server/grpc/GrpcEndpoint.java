package io.hyperspatial.server.grpc;

import com.linecorp.armeria.server.HttpService;
import com.linecorp.armeria.server.grpc.GrpcService;
import io.grpc.protobuf.services.ProtoReflectionServiceV1;
import io.grpc.reflection.v1.ServerReflectionGrpc;
import io.hyperspatial.core.HyperspatialDatabase;
import io.hyperspatial.server.auth.Authenticator;
import io.hyperspatial.server.auth.Role;
import io.hyperspatial.server.collection.FrozenCollections;
import io.hyperspatial.server.operation.CollectionCatalog;
import io.hyperspatial.server.operation.EntityStore;
import io.hyperspatial.server.operation.HyperQlQueries;
import io.hyperspatial.server.operation.KnnSearch;

import java.util.HashMap;
import java.util.Map;

/**
 * The server's gRPC services as one Armeria service, mounted beside the HTTP API on the same
 * port (gRPC over HTTP/2, cleartext or TLS, and gRPC-Web): collections, entities, search, HyperQL queries, and
 * server reflection (so that tools such as grpcurl can list and call the services without the
 * proto files; it needs the read role). Calls run on the blocking executor (each service is
 * {@code @Blocking}), except a single search, which starts on the event loop (see
 * {@link SearchGrpcService}) as does reflection; all are authenticated by
 * {@link GrpcAuthenticator} and with failures mapped by {@link GrpcErrors}. One message may be as
 * large as the server's request size limit; a client stream's total is not limited.
 */
public final class GrpcEndpoint {
    private GrpcEndpoint() {
    }

    /**
     * The decorator to mount {@link #service} with: the server's request size limit would count a
     * client stream's messages together, so it is lifted for gRPC calls, whose messages are each
     * limited instead.
     */
    public static HttpService limitPerMessage(HttpService grpc) {
        return grpc.decorate((delegate, ctx, req) -> {
            ctx.setMaxRequestLength(0);
            return delegate.serve(ctx, req);
        });
    }

    /** The gRPC service over {@code db}; mount it with {@link #limitPerMessage}. */
    public static GrpcService service(HyperspatialDatabase db, FrozenCollections frozen, HyperQlQueries queries,
                                      Authenticator authenticator, long maxMessageBytes) {
        Map<String, Role> roles = new HashMap<>();
        roles.putAll(CollectionGrpcService.ROLES);
        roles.putAll(EntityGrpcService.ROLES);
        roles.putAll(SearchGrpcService.ROLES);
        roles.putAll(QueryGrpcService.ROLES);
        roles.put(ServerReflectionGrpc.getServerReflectionInfoMethod().getFullMethodName(), Role.READ);
        return GrpcService.builder()
                .addService(new CollectionGrpcService(new CollectionCatalog(db, frozen)))
                .addService(new EntityGrpcService(db, new EntityStore(db, frozen)))
                .addService(new SearchGrpcService(new KnnSearch(db)))
                .addService(new QueryGrpcService(queries))
                .addService(ProtoReflectionServiceV1.newInstance())
                .intercept(new GrpcAuthenticator(authenticator, roles))
                .exceptionHandler(new GrpcErrors())
                .useBlockingTaskExecutor(false)
                .maxRequestMessageLength((int) Math.min(maxMessageBytes, Integer.MAX_VALUE))
                .build();
    }
}
