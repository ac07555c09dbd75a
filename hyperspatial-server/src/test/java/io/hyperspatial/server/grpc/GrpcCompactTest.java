package io.hyperspatial.server.grpc;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.hyperspatial.grpc.v1.CompactCollectionRequest;
import io.hyperspatial.grpc.v1.CompactCollectionResponse;
import io.hyperspatial.grpc.v1.Entity;
import io.hyperspatial.grpc.v1.EntityInput;
import io.hyperspatial.grpc.v1.GetEntityRequest;
import io.hyperspatial.manifold.store.ColumnFamilies;
import io.hyperspatial.server.SharedServer;
import io.hyperspatial.server.StorageLayout;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static io.hyperspatial.server.grpc.GrpcTestClient.failure;
import static org.assertj.core.api.Assertions.assertThat;

/** CompactCollection through grpc-java, as HTTP's POST .../compact: done when it answers, every entity kept. (Roles: GrpcAuthenticationTest.) */
class GrpcCompactTest extends SharedServer {
    private GrpcTestClient grpc;

    @BeforeEach
    void client() {
        grpc = new GrpcTestClient(s.server().port());
        grpc.collections.createCollection(GrpcCollectionsTest.people("people"));
    }

    @Test
    void compactionFlushesTheWritesAndKeepsEveryEntity() {
        Random random = new Random(9);
        List<EntityInput> people = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            people.add(GrpcEntitiesTest.person("p" + i, random.nextInt(100)));
        }
        grpc.upsert(List.of(GrpcEntitiesTest.batch(people.toArray(EntityInput[]::new))));
        List<Entity> before = entities();
        assertThat(StorageLayout.memtableEntries(s, "people", ColumnFamilies.ENTITIES)).isPositive();

        CompactCollectionResponse done = grpc.collections.compactCollection(compact("people"));

        assertThat(done.getCollection()).isEqualTo("people");
        assertThat(done.getSeconds()).isNotNegative();
        assertThat(done.getDiskBytesAfter()).isPositive();
        assertThat(StorageLayout.memtableEntries(s, "people", ColumnFamilies.ENTITIES)).as("flushed before the answer").isZero();
        assertThat(entities()).isEqualTo(before);
    }

    @Test
    void anUnknownCollectionIsNotFoundAndAMissingNameIsInvalid() {
        failure(() -> grpc.collections.compactCollection(compact("elsewhere")), Status.Code.NOT_FOUND, "collection.not_found");
        StatusRuntimeException empty = failure(() -> grpc.collections.compactCollection(CompactCollectionRequest.getDefaultInstance()),
                Status.Code.INVALID_ARGUMENT, "request.invalid");
        assertThat(empty.getTrailers().get(GrpcErrors.FIELD)).isEqualTo("name");
    }

    private static CompactCollectionRequest compact(String name) {
        return CompactCollectionRequest.newBuilder().setName(name).build();
    }

    private List<Entity> entities() {
        List<Entity> out = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            out.add(grpc.entities.getEntity(GetEntityRequest.newBuilder().setCollection("people").setKey("p" + i).build()));
        }
        return out;
    }
}
