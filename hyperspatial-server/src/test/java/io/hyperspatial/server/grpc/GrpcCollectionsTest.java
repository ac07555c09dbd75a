package io.hyperspatial.server.grpc;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.hyperspatial.grpc.v1.CollectionDescription;
import io.hyperspatial.grpc.v1.CollectionSummary;
import io.hyperspatial.grpc.v1.CreateCollectionRequest;
import io.hyperspatial.grpc.v1.DeleteCollectionRequest;
import io.hyperspatial.grpc.v1.DescribeCollectionRequest;
import io.hyperspatial.grpc.v1.EntityTypeDef;
import io.hyperspatial.grpc.v1.ListCollectionsRequest;
import io.hyperspatial.grpc.v1.Schema;
import io.hyperspatial.grpc.v1.VectorFieldDef;
import io.hyperspatial.server.SharedServer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static io.hyperspatial.server.grpc.GrpcTestClient.failure;
import static org.assertj.core.api.Assertions.assertThat;

/** The gRPC CollectionService over a real socket: every method, bad input, and agreement with the HTTP API. */
class GrpcCollectionsTest extends SharedServer {
    static final Schema PEOPLE = Schema.newBuilder()
            .putEntityTypes("Person", EntityTypeDef.newBuilder().putProperties("name", "string")
                    .putProperties("age", "int64").putProperties("photo", "bytes").putProperties("born", "timestamp")
                    .putProperties("tags", "list").build())
            .putVectorFields("emb", VectorFieldDef.newBuilder().setDimension(3).setMetric("cosine").build())
            .addEdgeTypes("knows")
            .build();

    private GrpcTestClient grpc;

    @BeforeEach
    void client() {
        grpc = new GrpcTestClient(s.server().port());
    }

    static CreateCollectionRequest people(String name) {
        return CreateCollectionRequest.newBuilder().setName(name).setSchema(PEOPLE).build();
    }

    @Test
    void createListDescribeAndDelete() {
        CollectionDescription created = grpc.collections.createCollection(people("people"));
        assertThat(created.getName()).isEqualTo("people");
        assertThat(created.getSchema().getEntityTypesMap().get("Person").getPropertiesMap())
                .containsEntry("age", "int64").containsEntry("tags", "list");
        assertThat(created.getSchema().getVectorFieldsMap().get("emb").getMetric()).isEqualTo("cosine");
        assertThat(created.getSchema().getVectorFieldsMap().get("emb").getKind()).isEqualTo("dense");
        assertThat(created.getSchema().getEdgeTypesList()).containsExactly("knows");
        assertThat(created.getIndexesList()).extracting(i -> i.getField()).contains("emb");

        assertThat(grpc.collections.listCollections(ListCollectionsRequest.getDefaultInstance()).getCollectionsList())
                .extracting(CollectionSummary::getName).containsExactly("people");
        CollectionDescription described = grpc.collections.describeCollection(
                DescribeCollectionRequest.newBuilder().setName("people").build());
        assertThat(described.getSchema()).isEqualTo(created.getSchema());
        assertThat(described.getStats().getOpen()).isTrue();
        assertThat(s.get("/v1/collections/people").json().at("/schema/entity_types/Person/age").asText()).isEqualTo("int64");

        assertThat(grpc.collections.deleteCollection(DeleteCollectionRequest.newBuilder().setName("people").build())
                .getDropped()).isEqualTo("people");
        assertThat(s.get("/v1/collections/people").status()).isEqualTo(404);
    }

    @Test
    void badInputIsRefusedWithTheHttpApisCodesAndNothingIsCreated() {
        StatusRuntimeException e = failure(() -> grpc.collections.createCollection(CreateCollectionRequest.newBuilder()
                        .setName("bad").setSchema(Schema.newBuilder().putVectorFields("emb",
                                VectorFieldDef.newBuilder().setDimension(3).setMetric("manhattan").build())).build()),
                Status.Code.INVALID_ARGUMENT, "request.invalid");
        assertThat(e.getTrailers().get(GrpcErrors.FIELD)).isEqualTo("vector_fields.emb.metric");
        failure(() -> grpc.collections.createCollection(CreateCollectionRequest.newBuilder().setName("bad").setSchema(
                        Schema.newBuilder().putEntityTypes("T", EntityTypeDef.newBuilder().putProperties("x", "decimal").build())).build()),
                Status.Code.INVALID_ARGUMENT, "request.invalid");
        failure(() -> grpc.collections.createCollection(CreateCollectionRequest.newBuilder().setSchema(PEOPLE).build()),
                Status.Code.INVALID_ARGUMENT, "request.invalid");
        assertThat(s.get("/v1/collections").json().get("collections")).isEmpty();

        grpc.collections.createCollection(people("people"));
        failure(() -> grpc.collections.createCollection(people("people")), Status.Code.ALREADY_EXISTS, "collection.exists");
        StatusRuntimeException missing = failure(() -> grpc.collections.describeCollection(
                DescribeCollectionRequest.newBuilder().setName("nope").build()), Status.Code.NOT_FOUND, "collection.not_found");
        assertThat(missing.getStatus().getDescription()).contains("nope");
        failure(() -> grpc.collections.deleteCollection(DeleteCollectionRequest.newBuilder().setName("nope").build()),
                Status.Code.NOT_FOUND, "collection.not_found");
    }

    @Test
    void aFrozenCollectionCannotBeDeleted() {
        grpc.collections.createCollection(people("people"));
        assertThat(s.post("/v1/collections/people/freeze", null).status()).isEqualTo(200);
        failure(() -> grpc.collections.deleteCollection(DeleteCollectionRequest.newBuilder().setName("people").build()),
                Status.Code.FAILED_PRECONDITION, "collection.frozen");
        assertThat(grpc.collections.describeCollection(DescribeCollectionRequest.newBuilder().setName("people").build())
                .getFrozen()).isTrue();
    }
}
