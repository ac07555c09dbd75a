package io.hyperspatial.server.grpc;

import io.grpc.Status;
import io.hyperspatial.grpc.v1.CompactCollectionRequest;
import io.hyperspatial.grpc.v1.CreateCollectionRequest;
import io.hyperspatial.grpc.v1.DeleteCollectionRequest;
import io.hyperspatial.grpc.v1.GetEntityRequest;
import io.hyperspatial.grpc.v1.ListCollectionsRequest;
import io.hyperspatial.grpc.v1.QueryRequest;
import io.hyperspatial.grpc.v1.SearchRequest;
import io.hyperspatial.grpc.v1.UpdateVectorIndexRequest;
import io.hyperspatial.grpc.v1.VectorIndexDef;
import io.hyperspatial.server.ServerConfig;
import io.hyperspatial.server.TestServer;
import io.hyperspatial.server.auth.ApiKeys;
import io.hyperspatial.server.auth.Role;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static io.hyperspatial.server.grpc.GrpcTestClient.failure;
import static org.assertj.core.api.Assertions.assertThat;

/** gRPC with API keys: the HTTP API's keys and roles, sent as {@code x-api-key} or {@code authorization: Bearer} metadata. */
class GrpcAuthenticationTest {
    @TempDir static Path dir;
    static TestServer s;
    static String admin;
    static String writer;
    static String reader;

    @BeforeAll
    static void start() {
        Path keys = dir.resolve("keys");
        admin = ApiKeys.add(keys, Role.ADMIN, "admin");
        writer = ApiKeys.add(keys, Role.WRITE, "writer");
        reader = ApiKeys.add(keys, Role.READ, "reader");
        s = TestServer.start(dir.resolve("db"), ServerConfig.loopback(0).withApiKeys(ApiKeys.load(keys)));
        new GrpcTestClient(s.server().port(), "x-api-key", admin).collections
                .createCollection(GrpcCollectionsTest.people("people"));
    }

    @AfterAll
    static void stop() {
        s.close();
    }

    @Test
    void withoutAKnownKeyNothingIsServed() {
        GrpcTestClient anonymous = new GrpcTestClient(s.server().port());
        failure(() -> anonymous.collections.listCollections(ListCollectionsRequest.getDefaultInstance()),
                Status.Code.UNAUTHENTICATED, "auth.missing_key");
        failure(() -> anonymous.upsert(List.of(GrpcEntitiesTest.batch(GrpcEntitiesTest.person("a", 1)))),
                Status.Code.UNAUTHENTICATED, "auth.missing_key");
        GrpcTestClient guess = new GrpcTestClient(s.server().port(), "x-api-key", "hs_guess");
        failure(() -> guess.collections.listCollections(ListCollectionsRequest.getDefaultInstance()),
                Status.Code.UNAUTHENTICATED, "auth.unknown_key");
    }

    @Test
    void eachRoleMayDoItsOwnAndLowerOperations() {
        GrpcTestClient read = new GrpcTestClient(s.server().port(), "x-api-key", reader);
        assertThat(read.collections.listCollections(ListCollectionsRequest.getDefaultInstance()).getCollectionsCount()).isOne();
        failure(() -> read.entities.getEntity(GetEntityRequest.newBuilder().setCollection("people").setKey("w").build()),
                Status.Code.NOT_FOUND, "entity.not_found");
        assertThat(failure(() -> read.upsert(List.of(GrpcEntitiesTest.batch(GrpcEntitiesTest.person("w", 1)))),
                Status.Code.PERMISSION_DENIED, "auth.forbidden").getStatus().getDescription()).contains("'write'", "'read'");

        QueryRequest.Builder query = QueryRequest.newBuilder().setCollection("people");
        assertThat(read.query.query(query.setQuery("SELECT 6 * 7").build()).getRows(0).getValues(0).getIntValue()).isEqualTo(42);
        assertThat(failure(() -> read.query.query(query.setQuery("CREATE TABLE t(x INTEGER)").build()),
                Status.Code.PERMISSION_DENIED, "auth.forbidden").getStatus().getDescription()).contains("'write'", "'read'");

        GrpcTestClient write = new GrpcTestClient(s.server().port(), "authorization", "Bearer " + writer);
        assertThat(write.query.query(query.setQuery("CREATE TABLE t(x INTEGER)").build()).getSchemaChange()).isEqualTo("created table t");
        assertThat(write.upsert(List.of(GrpcEntitiesTest.batch(GrpcEntitiesTest.person("w", 1)))).getUpserted()).isOne();
        assertThat(read.entities.getEntity(GetEntityRequest.newBuilder().setCollection("people").setKey("w").build())
                .getKey()).isEqualTo("w");
        assertThat(read.search.search(SearchRequest.newBuilder().setCollection("people").setField("emb")
                .setVector(GrpcTestClient.dense(1, 2, 3).getDense()).build()).getResultsCount()).isZero();
        failure(() -> write.collections.createCollection(CreateCollectionRequest.newBuilder().setName("d").build()),
                Status.Code.PERMISSION_DENIED, "auth.forbidden");
        failure(() -> write.collections.deleteCollection(DeleteCollectionRequest.newBuilder().setName("people").build()),
                Status.Code.PERMISSION_DENIED, "auth.forbidden");

        UpdateVectorIndexRequest efSearch = UpdateVectorIndexRequest.newBuilder().setCollection("people").setField("emb")
                .setIndex(VectorIndexDef.newBuilder().setEfSearch(100)).build();
        failure(() -> write.collections.updateVectorIndex(efSearch), Status.Code.PERMISSION_DENIED, "auth.forbidden");
        CompactCollectionRequest compact = CompactCollectionRequest.newBuilder().setName("people").build();
        failure(() -> write.collections.compactCollection(compact), Status.Code.PERMISSION_DENIED, "auth.forbidden");

        GrpcTestClient adm = new GrpcTestClient(s.server().port(), "authorization", "bearer " + admin);
        assertThat(adm.collections.compactCollection(compact).getCollection()).isEqualTo("people");
        assertThat(adm.collections.updateVectorIndex(efSearch).getSchema().getVectorFieldsMap().get("emb").getIndex()
                .getEfSearch()).isEqualTo(100);
        assertThat(adm.collections.createCollection(CreateCollectionRequest.newBuilder().setName("d").build()).getName())
                .isEqualTo("d");
        assertThat(adm.collections.deleteCollection(DeleteCollectionRequest.newBuilder().setName("d").build()).getDropped())
                .isEqualTo("d");
    }
}
