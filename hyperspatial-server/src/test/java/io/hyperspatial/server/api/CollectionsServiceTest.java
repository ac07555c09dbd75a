package io.hyperspatial.server.api;

import io.hyperspatial.server.SharedServer;
import io.hyperspatial.server.TestServer;
import io.hyperspatial.server.TestServer.Reply;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CollectionsServiceTest extends SharedServer {
    static final String PEOPLE = """
            {"name": "people", "entity_types": {"Person": {"name": "string", "age": "int64"}},
             "vector_fields": {"emb": {"dimension": 3, "metric": "cosine"},
                               "tags": {"dimension": 100, "metric": "dot", "kind": "sparse"}},
             "edge_types": ["knows"], "measures": {"steps": {"retention_seconds": 3600}}}""";

    @Test
    void createDescribesTheSchemaAndTheIndexOfEachDenseField() {
        Reply r = s.post("/v1/collections", PEOPLE);
        assertThat(r.status()).as(r.text()).isEqualTo(201);
        assertThat(r.json().at("/schema/entity_types/Person/age").asText()).isEqualTo("int64");
        assertThat(r.json().at("/schema/vector_fields/emb/metric").asText()).isEqualTo("cosine");
        assertThat(r.json().at("/schema/vector_fields/tags/kind").asText()).isEqualTo("sparse");
        assertThat(r.json().at("/schema/edge_types/0").asText()).isEqualTo("knows");
        assertThat(r.json().at("/schema/measures/steps/retention_seconds").asLong()).isEqualTo(3600);
        assertThat(r.json().at("/schema/entity_types/Person").properties()).as("declaration order")
                .extracting(java.util.Map.Entry::getKey).containsExactly("name", "age");
        assertThat(r.json().at("/schema/position_spaces").isEmpty()).isTrue();
        assertThat(r.json().at("/schema/property_indexes").isEmpty()).isTrue();
        assertThat(r.json().at("/indexes/0/field").asText()).isEqualTo("emb");
        assertThat(r.json().at("/indexes").size()).isEqualTo(1);
        assertThat(r.json().at("/stats/disk_bytes").asLong()).isPositive();

        Reply list = s.get("/v1/collections");
        assertThat(list.json().at("/collections/0/name").asText()).isEqualTo("people");
        assertThat(s.get("/v1/collections/people").json().at("/indexes/0/backlog").asLong()).isZero();
    }

    @Test
    void aTakenNameIsAConflictAndABadSchemaCreatesNothing() {
        s.post("/v1/collections", PEOPLE);
        assertThat(s.post("/v1/collections", PEOPLE).code()).isEqualTo("collection.exists");

        Reply badMetric = s.post("/v1/collections", """
                {"name": "c2", "vector_fields": {"v": {"dimension": 3, "metric": "manhattan"}}}""");
        assertThat(badMetric.status()).isEqualTo(400);
        assertThat(badMetric.json().at("/error/field").asText()).isEqualTo("vector_fields.v.metric");
        Reply badType = s.post("/v1/collections", """
                {"name": "c2", "entity_types": {"T": {"p": "decimal"}}}""");
        assertThat(badType.json().at("/error/field").asText()).isEqualTo("entity_types.T.p");
        Reply badName = s.post("/v1/collections", """
                {"name": "c2", "entity_types": {"not a name": {}}}""");
        assertThat(badName.code()).isEqualTo("invalid_argument");
        assertThat(s.post("/v1/collections", "{\"name\": \"bad name!\"}").code()).isEqualTo("invalid_argument");
        assertThat(s.get("/v1/collections").json().at("/collections").size()).isEqualTo(1);
    }

    @Test
    void schemaChangesAreAdditiveAndARedefinitionIsAConflict() {
        s.post("/v1/collections", PEOPLE);
        Reply added = s.post("/v1/collections/people/schema", """
                {"entity_types": {"Person": {"email": "string"}, "City": {"name": "string"}}}""");
        assertThat(added.status()).as(added.text()).isEqualTo(200);
        assertThat(added.json().at("/schema/entity_types/Person/email").asText()).isEqualTo("string");
        assertThat(added.json().at("/schema/entity_types/Person/age").asText()).isEqualTo("int64");

        Reply conflict = s.post("/v1/collections/people/schema", """
                {"vector_fields": {"emb": {"dimension": 4, "metric": "cosine"}}}""");
        assertThat(conflict.status()).isEqualTo(409);
        assertThat(conflict.code()).isEqualTo("schema.conflict");
    }

    @Test
    void dropRemovesTheCollectionAndUnknownNamesAre404() {
        s.post("/v1/collections", PEOPLE);
        assertThat(s.delete("/v1/collections/people").status()).isEqualTo(200);
        assertThat(s.get("/v1/collections").json().at("/collections").size()).isZero();
        Reply missing = s.get("/v1/collections/people");
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.code()).isEqualTo("collection.not_found");
        assertThat(s.delete("/v1/collections/people").status()).isEqualTo(404);
    }

    @Test
    void aFrozenCollectionRefusesWritesSchemaChangesAndDropUntilUnfrozen() {
        s.post("/v1/collections", PEOPLE);
        String one = """
                {"entities": [{"key": "ann", "type": "Person", "properties": {"name": "Ann"}}]}""";
        assertThat(s.post("/v1/collections/people/freeze", null).json().get("frozen").asBoolean()).isTrue();

        for (Reply r : new Reply[]{s.post("/v1/collections/people/entities", one),
                s.post("/v1/collections/people/edges", "{\"edges\": [{\"from\": \"a\", \"type\": \"knows\", \"to\": \"b\"}]}"),
                s.post("/v1/collections/people/schema", "{\"edge_types\": [\"likes\"]}"),
                s.delete("/v1/collections/people")}) {
            assertThat(r.status()).as(r.text()).isEqualTo(409);
            assertThat(r.code()).isEqualTo("collection.frozen");
        }
        assertThat(s.get("/v1/collections").json().at("/collections/0/frozen").asBoolean()).isTrue();
        assertThat(s.post("/v1/collections/people/search", "{\"field\": \"emb\", \"vector\": [1, 0, 0]}").status())
                .isEqualTo(200);

        assertThat(s.post("/v1/collections/people/unfreeze", null).json().get("frozen").asBoolean()).isFalse();
        assertThat(s.post("/v1/collections/people/entities", one).status()).isEqualTo(200);
    }

    @Test
    void freezingSurvivesARestart() {
        s.post("/v1/collections", PEOPLE);
        s.post("/v1/collections/people/freeze", null);
        s.close();
        s = TestServer.start(dir);
        assertThat(s.get("/v1/collections/people").json().get("frozen").asBoolean()).isTrue();
        assertThat(s.post("/v1/collections/people/entities", """
                {"entities": [{"key": "ann", "type": "Person"}]}""").code()).isEqualTo("collection.frozen");
    }
}
