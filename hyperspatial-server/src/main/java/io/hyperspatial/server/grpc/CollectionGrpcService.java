package io.hyperspatial.server.grpc;

import com.linecorp.armeria.server.annotation.Blocking;
import com.linecorp.armeria.server.annotation.decorator.RequestTimeout;
import io.grpc.stub.StreamObserver;
import io.hyperspatial.grpc.v1.CollectionDescription;
import io.hyperspatial.grpc.v1.CollectionServiceGrpc;
import io.hyperspatial.grpc.v1.CollectionSummary;
import io.hyperspatial.grpc.v1.CompactCollectionRequest;
import io.hyperspatial.grpc.v1.CompactCollectionResponse;
import io.hyperspatial.grpc.v1.CreateCollectionRequest;
import io.hyperspatial.grpc.v1.DeleteCollectionRequest;
import io.hyperspatial.grpc.v1.DeleteCollectionResponse;
import io.hyperspatial.grpc.v1.DescribeCollectionRequest;
import io.hyperspatial.grpc.v1.ListCollectionsRequest;
import io.hyperspatial.grpc.v1.ListCollectionsResponse;
import io.hyperspatial.grpc.v1.UpdateVectorIndexRequest;
import io.hyperspatial.server.auth.Role;
import io.hyperspatial.server.codec.IndexSettingsJson;
import io.hyperspatial.server.codec.SchemaJson;
import io.hyperspatial.server.http.ApiException;
import io.hyperspatial.server.operation.CollectionCatalog;
import io.hyperspatial.server.operation.Compaction;

import java.util.Map;

/**
 * {@code hyperspatial.v1.CollectionService} over the {@link CollectionCatalog}: create (admin),
 * list and describe (read), change a field's index settings (admin, as HTTP's PATCH), compact
 * (admin, as HTTP's POST .../compact), delete (admin). Runs on the blocking executor; thread-safe.
 */
@Blocking
final class CollectionGrpcService extends CollectionServiceGrpc.CollectionServiceImplBase {
    /** The role each method needs. */
    static final Map<String, Role> ROLES = Map.of(
            CollectionServiceGrpc.getCreateCollectionMethod().getFullMethodName(), Role.ADMIN,
            CollectionServiceGrpc.getListCollectionsMethod().getFullMethodName(), Role.READ,
            CollectionServiceGrpc.getDescribeCollectionMethod().getFullMethodName(), Role.READ,
            CollectionServiceGrpc.getDeleteCollectionMethod().getFullMethodName(), Role.ADMIN,
            CollectionServiceGrpc.getUpdateVectorIndexMethod().getFullMethodName(), Role.ADMIN,
            CollectionServiceGrpc.getCompactCollectionMethod().getFullMethodName(), Role.ADMIN);

    private final CollectionCatalog catalog;

    CollectionGrpcService(CollectionCatalog catalog) {
        this.catalog = catalog;
    }

    @Override
    public void createCollection(CreateCollectionRequest request, StreamObserver<CollectionDescription> reply) {
        String name = required("name", request.getName());
        finish(reply, ProtoReplies.description(catalog.create(name, SchemaJson.change(ProtoJson.schema(request.getSchema())))));
    }

    @Override
    public void listCollections(ListCollectionsRequest request, StreamObserver<ListCollectionsResponse> reply) {
        ListCollectionsResponse.Builder b = ListCollectionsResponse.newBuilder();
        catalog.list().forEach(c -> b.addCollections(CollectionSummary.newBuilder().setName(c.name()).setFrozen(c.frozen())));
        finish(reply, b.build());
    }

    @Override
    public void describeCollection(DescribeCollectionRequest request, StreamObserver<CollectionDescription> reply) {
        finish(reply, ProtoReplies.description(catalog.describe(required("name", request.getName()))));
    }

    @Override
    public void deleteCollection(DeleteCollectionRequest request, StreamObserver<DeleteCollectionResponse> reply) {
        String name = required("name", request.getName());
        catalog.drop(name);
        finish(reply, DeleteCollectionResponse.newBuilder().setDropped(name).build());
    }

    /**
     * The set members of {@code index} are read and checked as HTTP's PATCH body is
     * ({@link IndexSettingsJson}), errors naming them {@code index.m}, {@code index.quantization}….
     */
    @Override
    public void updateVectorIndex(UpdateVectorIndexRequest request, StreamObserver<CollectionDescription> reply) {
        String collection = required("collection", request.getCollection());
        String field = required("field", request.getField());
        finish(reply, ProtoReplies.description(catalog.changeIndex(collection, field,
                IndexSettingsJson.patch(ProtoJson.indexChange(request.getIndex())))));
    }

    /** No server request timeout, as over HTTP; a deadline the client sets still applies. */
    @Override
    @RequestTimeout(0)
    public void compactCollection(CompactCollectionRequest request, StreamObserver<CompactCollectionResponse> reply) {
        Compaction done = catalog.compact(required("name", request.getName()));
        finish(reply, CompactCollectionResponse.newBuilder().setCollection(done.collection()).setSeconds(done.seconds())
                .setDiskBytesBefore(done.diskBytesBefore()).setDiskBytesAfter(done.diskBytesAfter()).build());
    }

    /** A string member that proto3 sends as empty when unset. */
    static String required(String field, String value) {
        if (value.isEmpty()) {
            throw ApiException.invalid(field, "'" + field + "' is required");
        }
        return value;
    }

    static <T> void finish(StreamObserver<T> reply, T message) {
        reply.onNext(message);
        reply.onCompleted();
    }
}
