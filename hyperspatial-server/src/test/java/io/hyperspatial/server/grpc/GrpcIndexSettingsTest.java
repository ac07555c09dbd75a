package io.hyperspatial.server.grpc;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.hyperspatial.grpc.v1.CollectionDescription;
import io.hyperspatial.grpc.v1.CreateCollectionRequest;
import io.hyperspatial.grpc.v1.FieldIndex;
import io.hyperspatial.grpc.v1.Schema;
import io.hyperspatial.grpc.v1.SearchRequest;
import io.hyperspatial.grpc.v1.UpdateVectorIndexRequest;
import io.hyperspatial.grpc.v1.VectorFieldDef;
import io.hyperspatial.grpc.v1.VectorIndexDef;
import io.hyperspatial.server.SharedServer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static io.hyperspatial.server.grpc.GrpcTestClient.failure;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Index settings of vector fields through grpc-java: declared at create, described in schema and
 * index stats, changed by UpdateVectorIndex (as HTTP's PATCH), checked.
 */
class GrpcIndexSettingsTest extends SharedServer {
    private GrpcTestClient grpc;

    @BeforeEach
    void client() {
        grpc = new GrpcTestClient(s.server().port());
    }

    private static CreateCollectionRequest create(VectorIndexDef index) {
        return CreateCollectionRequest.newBuilder().setName("c").setSchema(Schema.newBuilder()
                .putVectorFields("emb", VectorFieldDef.newBuilder().setDimension(8).setMetric("l2").setIndex(index).build())
                .putVectorFields("plain", VectorFieldDef.newBuilder().setDimension(8).setMetric("l2").build())).build();
    }

    @Test
    void settingsAreCreatedAndDescribedWithTheIndexStats() {
        CollectionDescription d = grpc.collections.createCollection(
                create(VectorIndexDef.newBuilder().setM(24).setEfSearch(120).setQuantization("binary").build()));

        VectorIndexDef emb = d.getSchema().getVectorFieldsMap().get("emb").getIndex();
        assertThat(emb.getM()).isEqualTo(24);
        assertThat(emb.getEfConstruction()).as("unset: the default").isEqualTo(200);
        assertThat(emb.getEfSearch()).isEqualTo(120);
        assertThat(emb.getQuantization()).isEqualTo("binary");
        assertThat(d.getSchema().getVectorFieldsMap().get("plain").getIndex().getQuantization()).isEqualTo("none");
        FieldIndex stats = d.getIndexesList().stream().filter(i -> i.getField().equals("emb")).findFirst().orElseThrow();
        assertThat(stats.getM()).isEqualTo(24);
        assertThat(stats.getEfSearch()).isEqualTo(120);
        assertThat(stats.getQuantization()).isEqualTo("binary");
        assertThat(s.get("/v1/collections/c").json().at("/schema/vector_fields/emb/index/m").asInt()).isEqualTo(24);
    }

    @Test
    void mappedBytesAreReportedAsOverHttp() {
        grpc.collections.createCollection(create(VectorIndexDef.newBuilder().setQuantization("int8").build()));
        s.post("/v1/collections/c/schema", "{\"entity_types\": {\"P\": {}}}");
        s.post("/v1/collections/c/entities", "{\"entities\": [{\"key\": \"a\", \"type\": \"P\", \"vectors\": "
                + "{\"emb\": [1, 2, 3, 4, 5, 6, 7, 8], \"plain\": [1, 2, 3, 4, 5, 6, 7, 8]}}]}");
        assertThat(s.post("/v1/collections/c/search", "{\"field\": \"emb\", \"like\": \"a\", \"wait_for_index\": true}")
                .status()).isEqualTo(200);

        CollectionDescription d = grpc.collections.describeCollection(
                io.hyperspatial.grpc.v1.DescribeCollectionRequest.newBuilder().setName("c").build());
        FieldIndex emb = d.getIndexesList().stream().filter(i -> i.getField().equals("emb")).findFirst().orElseThrow();
        FieldIndex plain = d.getIndexesList().stream().filter(i -> i.getField().equals("plain")).findFirst().orElseThrow();
        assertThat(emb.getMappedBytes()).isPositive()
                .isEqualTo(s.get("/v1/collections/c").json().at("/indexes/0/mapped_bytes").asLong());
        assertThat(plain.getMappedBytes()).isZero();
    }

    @Test
    void badSettingsAreRefusedNamingTheMemberAndNothingIsCreated() {
        StatusRuntimeException m = failure(() -> grpc.collections.createCollection(
                create(VectorIndexDef.newBuilder().setM(0).build())), Status.Code.INVALID_ARGUMENT, "request.invalid");
        assertThat(m.getTrailers().get(GrpcErrors.FIELD)).isEqualTo("vector_fields.emb.index.m");
        StatusRuntimeException q = failure(() -> grpc.collections.createCollection(
                create(VectorIndexDef.newBuilder().setQuantization("int4").build())), Status.Code.INVALID_ARGUMENT,
                "request.invalid");
        assertThat(q.getTrailers().get(GrpcErrors.FIELD)).isEqualTo("vector_fields.emb.index.quantization");
        assertThat(s.get("/v1/collections").json().get("collections")).isEmpty();
    }

    @Test
    void updateVectorIndexChangesTheSetMembersAndAnswersWithTheIndexThatTookThem() {
        grpc.collections.createCollection(create(VectorIndexDef.newBuilder().setM(24).build()));
        s.post("/v1/collections/c/schema", "{\"entity_types\": {\"P\": {}}}");
        s.post("/v1/collections/c/entities", "{\"entities\": [{\"key\": \"a\", \"type\": \"P\", \"vectors\": "
                + "{\"emb\": [1, 2, 3, 4, 5, 6, 7, 8]}}, {\"key\": \"b\", \"type\": \"P\", \"vectors\": "
                + "{\"emb\": [8, 7, 6, 5, 4, 3, 2, 1]}}]}");

        CollectionDescription d = grpc.collections.updateVectorIndex(update("emb",
                VectorIndexDef.newBuilder().setEfSearch(128).build()));

        VectorIndexDef emb = d.getSchema().getVectorFieldsMap().get("emb").getIndex();
        assertThat(emb.getEfSearch()).isEqualTo(128);
        assertThat(emb.getM()).as("unset: kept").isEqualTo(24);
        assertThat(stats(d, "emb").getEfSearch()).as("the answer waits for the indexer").isEqualTo(128);
        assertThat(s.get("/v1/collections/c").json().at("/schema/vector_fields/emb/index/ef_search").asInt()).isEqualTo(128);

        CollectionDescription q = grpc.collections.updateVectorIndex(update("emb",
                VectorIndexDef.newBuilder().setQuantization("int8").setEfConstruction(100).build()));
        assertThat(q.getSchema().getVectorFieldsMap().get("emb").getIndex().getQuantization()).isEqualTo("int8");
        FieldIndex rebuilt = stats(q, "emb");
        assertThat(rebuilt.getQuantization()).as("rebuilt within the wait").isEqualTo("int8");
        assertThat(rebuilt.getEfConstruction()).isEqualTo(100);
        assertThat(rebuilt.getEfSearch()).isEqualTo(128);
        assertThat(rebuilt.getVectors()).isEqualTo(2);
        assertThat(grpc.search.search(SearchRequest.newBuilder().setCollection("c").setField("emb").setLike("a").setK(1)
                .build()).getResults(0).getKey()).isEqualTo("b");
        assertThat(stats(q, "plain").getQuantization()).as("other fields untouched").isEqualTo("none");
    }

    @Test
    void badUpdatesFailAsOverHttpAndChangeNothing() {
        grpc.collections.createCollection(create(VectorIndexDef.getDefaultInstance()));

        StatusRuntimeException m = failure(() -> grpc.collections.updateVectorIndex(update("emb",
                VectorIndexDef.newBuilder().setEfSearch(64).setM(1).build())), Status.Code.INVALID_ARGUMENT, "request.invalid");
        assertThat(m.getTrailers().get(GrpcErrors.FIELD)).isEqualTo("index.m");
        assertThat(m.getStatus().getDescription()).contains("m must be in 2..512, got 1");
        StatusRuntimeException q = failure(() -> grpc.collections.updateVectorIndex(update("emb",
                VectorIndexDef.newBuilder().setQuantization("int4").build())), Status.Code.INVALID_ARGUMENT, "request.invalid");
        assertThat(q.getTrailers().get(GrpcErrors.FIELD)).isEqualTo("index.quantization");
        failure(() -> grpc.collections.updateVectorIndex(update("nope", VectorIndexDef.newBuilder().setEfSearch(9).build())),
                Status.Code.INVALID_ARGUMENT, "schema.unknown_field");
        failure(() -> grpc.collections.updateVectorIndex(update("emb", VectorIndexDef.newBuilder().setEfSearch(9).build())
                .toBuilder().setCollection("elsewhere").build()), Status.Code.NOT_FOUND, "collection.not_found");
        StatusRuntimeException field = failure(() -> grpc.collections.updateVectorIndex(update("", VectorIndexDef.getDefaultInstance())),
                Status.Code.INVALID_ARGUMENT, "request.invalid");
        assertThat(field.getTrailers().get(GrpcErrors.FIELD)).isEqualTo("field");
        assertThat(s.post("/v1/collections/c/freeze", null).status()).isEqualTo(200);
        failure(() -> grpc.collections.updateVectorIndex(update("emb", VectorIndexDef.newBuilder().setEfSearch(9).build())),
                Status.Code.FAILED_PRECONDITION, "collection.frozen");

        assertThat(s.get("/v1/collections/c").json().at("/schema/vector_fields/emb/index").toString())
                .isEqualTo("{\"m\":16,\"ef_construction\":200,\"ef_search\":64,\"quantization\":\"none\"}");
    }

    private static UpdateVectorIndexRequest update(String field, VectorIndexDef index) {
        return UpdateVectorIndexRequest.newBuilder().setCollection("c").setField(field).setIndex(index).build();
    }

    private static FieldIndex stats(CollectionDescription d, String field) {
        return d.getIndexesList().stream().filter(i -> i.getField().equals(field)).findFirst().orElseThrow();
    }
}
