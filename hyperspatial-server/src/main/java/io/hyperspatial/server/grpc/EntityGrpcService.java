package io.hyperspatial.server.grpc;

import com.linecorp.armeria.server.annotation.Blocking;
import io.grpc.stub.StreamObserver;
import io.hyperspatial.core.HyperspatialDatabase;
import io.hyperspatial.grpc.v1.DeleteEntityRequest;
import io.hyperspatial.grpc.v1.DeleteEntityResponse;
import io.hyperspatial.grpc.v1.Entity;
import io.hyperspatial.grpc.v1.EntityServiceGrpc;
import io.hyperspatial.grpc.v1.GetEntityRequest;
import io.hyperspatial.grpc.v1.UpsertEntitiesRequest;
import io.hyperspatial.grpc.v1.UpsertEntitiesResponse;
import io.hyperspatial.manifold.Collection;
import io.hyperspatial.manifold.Durability;
import io.hyperspatial.server.auth.Role;
import io.hyperspatial.server.codec.BatchReader;
import io.hyperspatial.server.codec.EntityItem;
import io.hyperspatial.server.http.ApiException;
import io.hyperspatial.server.operation.EntityStore;

import java.util.List;
import java.util.Map;

import static io.hyperspatial.server.grpc.CollectionGrpcService.finish;
import static io.hyperspatial.server.grpc.CollectionGrpcService.required;

/**
 * {@code hyperspatial.v1.EntityService} over the {@link EntityStore}: get (read), delete (write)
 * and the client-streaming batch upsert (write). Each upsert batch is read against the schema by
 * the HTTP API's {@link BatchReader} and committed as one transaction as it arrives; the first bad
 * batch ends the call with an error naming the batch (trailer {@code hs-error-batch}), the item
 * and the field, the batches before it staying committed. Runs on the blocking executor, which
 * also receives a stream's messages one at a time; thread-safe.
 */
@Blocking
final class EntityGrpcService extends EntityServiceGrpc.EntityServiceImplBase {
    static final Map<String, Role> ROLES = Map.of(
            EntityServiceGrpc.getGetEntityMethod().getFullMethodName(), Role.READ,
            EntityServiceGrpc.getDeleteEntityMethod().getFullMethodName(), Role.WRITE,
            EntityServiceGrpc.getUpsertEntitiesMethod().getFullMethodName(), Role.WRITE);

    private final HyperspatialDatabase db;
    private final EntityStore entities;

    EntityGrpcService(HyperspatialDatabase db, EntityStore entities) {
        this.db = db;
        this.entities = entities;
    }

    @Override
    public void getEntity(GetEntityRequest request, StreamObserver<Entity> reply) {
        String collection = required("collection", request.getCollection());
        String key = required("key", request.getKey());
        finish(reply, entities.get(collection, key, (view, e) -> ProtoReplies.entity(view, e, request.getWithVectors())));
    }

    @Override
    public void deleteEntity(DeleteEntityRequest request, StreamObserver<DeleteEntityResponse> reply) {
        String collection = required("collection", request.getCollection());
        String key = required("key", request.getKey());
        long sequence = entities.delete(collection, key, durability(request.getDurability()));
        finish(reply, DeleteEntityResponse.newBuilder().setDeleted(key).setSequence(sequence).build());
    }

    @Override
    public StreamObserver<UpsertEntitiesRequest> upsertEntities(StreamObserver<UpsertEntitiesResponse> reply) {
        return new StreamObserver<>() {
            private int batches;
            private long upserted;
            private long lastSequence;
            private boolean failed;

            @Override
            public void onNext(UpsertEntitiesRequest batch) {
                if (failed) {
                    return;
                }
                try {
                    Collection c = db.collection(required("collection", batch.getCollection()));
                    List<EntityItem> items = BatchReader.entities(ProtoJson.entities(batch.getEntitiesList()), c.schema());
                    lastSequence = entities.upsert(c, durability(batch.getDurability()), items);
                    upserted += items.size();
                    batches++;
                } catch (RuntimeException e) {
                    failed = true;
                    reply.onError(new GrpcErrors.BatchFailure(batches, e));
                }
            }

            @Override
            public void onError(Throwable t) {
                failed = true;
            }

            @Override
            public void onCompleted() {
                if (!failed) {
                    finish(reply, UpsertEntitiesResponse.newBuilder().setBatches(batches).setUpserted(upserted)
                            .setLastSequence(lastSequence).build());
                }
            }
        };
    }

    private static Durability durability(io.hyperspatial.grpc.v1.Durability d) {
        return switch (d) {
            case DURABILITY_UNSPECIFIED, DURABILITY_STRICT -> Durability.STRICT;
            case DURABILITY_BATCH -> Durability.BATCH;
            case DURABILITY_ASYNC -> Durability.ASYNC;
            case UNRECOGNIZED -> throw ApiException.invalid("durability", "'durability' is not a known durability");
        };
    }
}
