package io.hyperspatial.server.grpc;

import com.linecorp.armeria.client.grpc.GrpcClientBuilder;
import com.linecorp.armeria.client.grpc.GrpcClients;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.StreamObserver;
import io.hyperspatial.grpc.v1.CollectionServiceGrpc;
import io.hyperspatial.grpc.v1.DenseVector;
import io.hyperspatial.grpc.v1.EntityServiceGrpc;
import io.hyperspatial.grpc.v1.PropertyValue;
import io.hyperspatial.grpc.v1.QueryServiceGrpc;
import io.hyperspatial.grpc.v1.SearchServiceGrpc;
import io.hyperspatial.grpc.v1.UpsertEntitiesRequest;
import io.hyperspatial.grpc.v1.UpsertEntitiesResponse;
import io.hyperspatial.grpc.v1.Vector;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Blocking gRPC stubs for a test server over a real socket (Armeria's gRPC client, HTTP/2 cleartext), and error helpers. */
final class GrpcTestClient {
    final CollectionServiceGrpc.CollectionServiceBlockingStub collections;
    final EntityServiceGrpc.EntityServiceBlockingStub entities;
    final EntityServiceGrpc.EntityServiceStub entitiesAsync;
    final SearchServiceGrpc.SearchServiceBlockingStub search;
    final QueryServiceGrpc.QueryServiceBlockingStub query;

    /** @param header an extra header sent with every call ({@code x-api-key}, {@code authorization}), or null */
    GrpcTestClient(int port, String header, String value) {
        collections = builder(port, header, value).build(CollectionServiceGrpc.CollectionServiceBlockingStub.class);
        entities = builder(port, header, value).build(EntityServiceGrpc.EntityServiceBlockingStub.class);
        entitiesAsync = builder(port, header, value).build(EntityServiceGrpc.EntityServiceStub.class);
        search = builder(port, header, value).build(SearchServiceGrpc.SearchServiceBlockingStub.class);
        query = builder(port, header, value).build(QueryServiceGrpc.QueryServiceBlockingStub.class);
    }

    GrpcTestClient(int port) {
        this(port, null, null);
    }

    private static GrpcClientBuilder builder(int port, String header, String value) {
        GrpcClientBuilder b = GrpcClients.builder("http://127.0.0.1:" + port);
        if (header != null) {
            b.addHeader(header, value);
        }
        return b;
    }

    /** Streams the batches to UpsertEntities and returns its reply, or throws its error. */
    UpsertEntitiesResponse upsert(List<UpsertEntitiesRequest> batches) {
        CompletableFuture<UpsertEntitiesResponse> reply = new CompletableFuture<>();
        StreamObserver<UpsertEntitiesRequest> stream = entitiesAsync.upsertEntities(new StreamObserver<>() {
            @Override
            public void onNext(UpsertEntitiesResponse value) {
                reply.complete(value);
            }

            @Override
            public void onError(Throwable t) {
                reply.completeExceptionally(t);
            }

            @Override
            public void onCompleted() {
                reply.complete(null);
            }
        });
        batches.forEach(stream::onNext);
        stream.onCompleted();
        try {
            return reply.get(60, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw (RuntimeException) e.getCause();
        } catch (InterruptedException | TimeoutException e) {
            throw new AssertionError(e);
        }
    }

    /** The failure of {@code call}, checked to have {@code code} and the stable error code {@code errorCode}. */
    static StatusRuntimeException failure(Runnable call, Status.Code code, String errorCode) {
        StatusRuntimeException e = catchThrowableOfType(StatusRuntimeException.class, call::run);
        assertThat(e).as("the call should fail").isNotNull();
        assertThat(e.getStatus().getCode()).as(e.getStatus().toString()).isEqualTo(code);
        assertThat(e.getTrailers().get(GrpcErrors.CODE)).as(e.getStatus().toString()).isEqualTo(errorCode);
        return e;
    }

    static PropertyValue string(String s) {
        return PropertyValue.newBuilder().setStringValue(s).build();
    }

    static PropertyValue integer(long v) {
        return PropertyValue.newBuilder().setIntValue(v).build();
    }

    static Vector dense(float... v) {
        DenseVector.Builder b = DenseVector.newBuilder();
        for (float x : v) {
            b.addValues(x);
        }
        return Vector.newBuilder().setDense(b).build();
    }
}
