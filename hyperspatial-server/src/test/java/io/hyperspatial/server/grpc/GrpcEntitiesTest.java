package io.hyperspatial.server.grpc;

import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Timestamp;
import com.google.rpc.ErrorInfo;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;
import io.hyperspatial.grpc.v1.DeleteEntityRequest;
import io.hyperspatial.grpc.v1.Durability;
import io.hyperspatial.grpc.v1.EdgeInput;
import io.hyperspatial.grpc.v1.Entity;
import io.hyperspatial.grpc.v1.EntityInput;
import io.hyperspatial.grpc.v1.GetEntityRequest;
import io.hyperspatial.grpc.v1.PropertyList;
import io.hyperspatial.grpc.v1.PropertyValue;
import io.hyperspatial.grpc.v1.UpsertEntitiesRequest;
import io.hyperspatial.grpc.v1.UpsertEntitiesResponse;
import io.hyperspatial.server.SharedServer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static io.hyperspatial.server.grpc.GrpcTestClient.dense;
import static io.hyperspatial.server.grpc.GrpcTestClient.failure;
import static io.hyperspatial.server.grpc.GrpcTestClient.integer;
import static io.hyperspatial.server.grpc.GrpcTestClient.string;
import static org.assertj.core.api.Assertions.assertThat;

/** The gRPC EntityService over a real socket: the client-streaming batch upsert, get, delete, and bad input. */
class GrpcEntitiesTest extends SharedServer {
    private GrpcTestClient grpc;

    @BeforeEach
    void people() {
        grpc = new GrpcTestClient(s.server().port());
        grpc.collections.createCollection(GrpcCollectionsTest.people("people"));
    }

    static EntityInput person(String key, long age) {
        return EntityInput.newBuilder().setKey(key).setType("Person")
                .putProperties("name", string(key.toUpperCase())).putProperties("age", integer(age)).build();
    }

    static UpsertEntitiesRequest batch(EntityInput... entities) {
        return UpsertEntitiesRequest.newBuilder().setCollection("people").addAllEntities(List.of(entities)).build();
    }

    private Entity get(String key, boolean vectors) {
        return grpc.entities.getEntity(GetEntityRequest.newBuilder().setCollection("people").setKey(key)
                .setWithVectors(vectors).build());
    }

    @Test
    void aStreamOfBatchesIsCommittedBatchByBatchAndSummedUp() {
        Random random = new Random(6);
        List<UpsertEntitiesRequest> batches = new ArrayList<>();
        int n = 0;
        for (int b = 0; b < 5; b++) {
            UpsertEntitiesRequest.Builder batch = UpsertEntitiesRequest.newBuilder().setCollection("people")
                    .setDurability(b % 2 == 0 ? Durability.DURABILITY_ASYNC : Durability.DURABILITY_STRICT);
            for (int i = 0; i < 1 + random.nextInt(20); i++, n++) {
                batch.addEntities(EntityInput.newBuilder(person("p" + n, random.nextLong()))
                        .putVectors("emb", dense(random.nextFloat() + 0.1f, random.nextFloat(), random.nextFloat()))
                        .addEdges(EdgeInput.newBuilder().setType("knows").setTo("p" + random.nextInt(n + 1))));
            }
            batches.add(batch.build());
        }
        UpsertEntitiesResponse reply = grpc.upsert(batches);
        assertThat(reply.getBatches()).isEqualTo(5);
        assertThat(reply.getUpserted()).isEqualTo(n);
        assertThat(reply.getLastSequence()).isEqualTo(s.get("/v1/collections/people").json().at("/stats/last_sequence").asLong());
        for (int i = 0; i < n; i++) {
            assertThat(s.get("/v1/collections/people/entities/p" + i).status()).isEqualTo(200);
        }
        assertThat(grpc.upsert(List.of()).getBatches()).isZero();
    }

    @Test
    void getReturnsExactlyTypedPropertiesAndVectors() {
        long big = (1L << 60) + 1;
        Timestamp born = Timestamp.newBuilder().setSeconds(1_700_000_000L).setNanos(123_000).build();
        PropertyValue tags = PropertyValue.newBuilder().setListValue(PropertyList.newBuilder()
                .addValues(string("a")).addValues(integer(2))).build();
        grpc.upsert(List.of(batch(EntityInput.newBuilder(person("ann", big))
                .putProperties("photo", PropertyValue.newBuilder().setBytesValue(ByteString.copyFrom(new byte[]{0, 1, -1})).build())
                .putProperties("born", PropertyValue.newBuilder().setTimestampValue(born).build())
                .putProperties("tags", tags)
                .putVectors("emb", dense(1, 2, 3)).build())));

        Entity ann = get("ann", true);
        assertThat(ann.getKey()).isEqualTo("ann");
        assertThat(ann.getType()).isEqualTo("Person");
        assertThat(ann.getPropertiesMap().get("age").getIntValue()).isEqualTo(big);
        assertThat(ann.getPropertiesMap().get("name").getStringValue()).isEqualTo("ANN");
        assertThat(ann.getPropertiesMap().get("photo").getBytesValue().toByteArray()).containsExactly(0, 1, -1);
        assertThat(ann.getPropertiesMap().get("born").getTimestampValue()).isEqualTo(born);
        assertThat(ann.getPropertiesMap().get("tags")).isEqualTo(tags);
        assertThat(ann.getVectorsMap().get("emb").getDense().getValuesList()).containsExactly(1f, 2f, 3f);
        assertThat(get("ann", false).getVectorsMap()).isEmpty();
        assertThat(s.get("/v1/collections/people/entities/ann").json().at("/properties/age").asLong()).isEqualTo(big);

        PropertyValue removed = PropertyValue.newBuilder().setNullValue(com.google.protobuf.NullValue.NULL_VALUE).build();
        grpc.upsert(List.of(batch(EntityInput.newBuilder().setKey("ann").setType("Person").putProperties("tags", removed).build())));
        assertThat(get("ann", false).getPropertiesMap()).doesNotContainKey("tags").containsKey("age");
    }

    @Test
    void deleteRemovesAndMissingEntitiesAreNotFound() {
        grpc.upsert(List.of(batch(person("bob", 40))));
        assertThat(grpc.entities.deleteEntity(DeleteEntityRequest.newBuilder().setCollection("people").setKey("bob").build())
                .getDeleted()).isEqualTo("bob");
        failure(() -> get("bob", false), Status.Code.NOT_FOUND, "entity.not_found");
        failure(() -> grpc.entities.deleteEntity(DeleteEntityRequest.newBuilder().setCollection("people").setKey("bob").build()),
                Status.Code.NOT_FOUND, "entity.not_found");
        failure(() -> grpc.entities.getEntity(GetEntityRequest.newBuilder().setCollection("nope").setKey("bob").build()),
                Status.Code.NOT_FOUND, "collection.not_found");
        failure(() -> grpc.entities.getEntity(GetEntityRequest.newBuilder().setCollection("people").build()),
                Status.Code.INVALID_ARGUMENT, "request.invalid");
    }

    @Test
    void aBadBatchEndsTheStreamNamingBatchItemAndFieldAndKeepsTheBatchesBefore() throws InvalidProtocolBufferException {
        List<UpsertEntitiesRequest> batches = List.of(
                batch(person("a", 1)),
                batch(person("b", 2), EntityInput.newBuilder().setKey("c").setType("Person")
                        .putProperties("age", string("old")).build()),
                batch(person("d", 4)));
        StatusRuntimeException e = failure(() -> grpc.upsert(batches), Status.Code.INVALID_ARGUMENT, "request.invalid");
        assertThat(e.getTrailers().get(GrpcErrors.BATCH)).isEqualTo("1");
        assertThat(e.getTrailers().get(GrpcErrors.INDEX)).isEqualTo("1");
        assertThat(e.getTrailers().get(GrpcErrors.FIELD)).isEqualTo("entities[1].properties.age");
        assertThat(e.getStatus().getDescription()).startsWith("batch 1: ").contains("entities[1].properties.age");
        ErrorInfo info = StatusProto.fromThrowable(e).getDetails(0).unpack(ErrorInfo.class);
        assertThat(info.getReason()).isEqualTo("request.invalid");
        assertThat(info.getMetadataMap()).containsEntry("field", "entities[1].properties.age");

        assertThat(s.get("/v1/collections/people/entities/a").status()).isEqualTo(200);
        assertThat(s.get("/v1/collections/people/entities/b").status()).isEqualTo(404);
        assertThat(s.get("/v1/collections/people/entities/d").status()).isEqualTo(404);
    }

    @Test
    void schemaAndStorageChecksAreTheHttpApis() {
        failure(() -> grpc.upsert(List.of(batch(EntityInput.newBuilder().setKey("x").setType("Robot").build()))),
                Status.Code.INVALID_ARGUMENT, "schema.unknown_field");
        StatusRuntimeException dim = failure(() -> grpc.upsert(List.of(batch(EntityInput.newBuilder(person("x", 1))
                .putVectors("emb", dense(1, 2)).build()))), Status.Code.INVALID_ARGUMENT, "schema.dimension_mismatch");
        assertThat(dim.getTrailers().get(GrpcErrors.FIELD)).isEqualTo("entities[0].vectors.emb");
        failure(() -> grpc.upsert(List.of(batch(EntityInput.newBuilder(person("x", 1))
                .putProperties("nick", PropertyValue.getDefaultInstance()).build()))), Status.Code.INVALID_ARGUMENT, "request.invalid");
        failure(() -> grpc.upsert(List.of(UpsertEntitiesRequest.newBuilder().setCollection("nope")
                .addEntities(person("x", 1)).build())), Status.Code.NOT_FOUND, "collection.not_found");
        failure(() -> grpc.upsert(List.of(UpsertEntitiesRequest.newBuilder().setCollection("people").build())),
                Status.Code.INVALID_ARGUMENT, "request.invalid");
        assertThat(s.post("/v1/collections/people/freeze", null).status()).isEqualTo(200);
        failure(() -> grpc.upsert(List.of(batch(person("x", 1)))), Status.Code.FAILED_PRECONDITION, "collection.frozen");
        assertThat(s.get("/v1/collections/people/entities/x").status()).isEqualTo(404);
    }
}
