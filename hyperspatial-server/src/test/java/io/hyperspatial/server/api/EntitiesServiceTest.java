package io.hyperspatial.server.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.hyperspatial.server.SharedServer;
import io.hyperspatial.server.TestServer.Reply;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class EntitiesServiceTest extends SharedServer {
    private static final String ENTITIES = "/v1/collections/people/entities";

    @BeforeEach
    void people() {
        createPeople();
    }

    @Test
    void aBatchUpsertWritesPropertiesVectorsAndEdgesThatGetReturns() {
        Reply r = s.post(ENTITIES, """
                {"entities": [
                  {"key": "ann", "type": "Person",
                   "properties": {"name": "Ann", "age": 31, "score": 4, "tags": ["a", 1, true],
                                  "born": "1990-05-01T10:00:00Z", "photo": "AQID"},
                   "vectors": {"emb": [1, 0, 0], "words": {"indices": [3, 7], "values": [0.5, 1.5]}},
                   "edges": [{"type": "knows", "to": "bob", "weight": 0.5}, {"type": "lives_in", "to": "paris"}]},
                  {"key": "bob", "type": "Person", "properties": {"name": "Bob"}},
                  {"key": "paris", "type": "City", "properties": {"name": "Paris"}}]}""");
        assertThat(r.status()).as(r.text()).isEqualTo(200);
        assertThat(r.json().get("upserted").asInt()).isEqualTo(3);
        assertThat(r.json().get("sequence").asLong()).isPositive();

        JsonNode ann = s.get(ENTITIES + "/ann?vectors=true").json();
        assertThat(ann.get("type").asText()).isEqualTo("Person");
        assertThat(ann.at("/properties/age").asLong()).isEqualTo(31);
        assertThat(ann.at("/properties/score").isDouble()).isTrue();
        assertThat(ann.at("/properties/tags").toString()).isEqualTo("[\"a\",1,true]");
        assertThat(ann.at("/properties/born").asText()).isEqualTo("1990-05-01T10:00:00Z");
        assertThat(ann.at("/properties/photo").asText()).isEqualTo("AQID");
        assertThat(ann.at("/vectors/emb").toString()).isEqualTo("[1.0,0.0,0.0]");
        assertThat(ann.at("/vectors/words/indices").toString()).isEqualTo("[3,7]");
        assertThat(s.get(ENTITIES + "/ann").json().has("vectors")).isFalse();

        JsonNode edges = s.get(ENTITIES + "/ann/edges?direction=out").json();
        assertThat(edges.get("outgoing")).hasSize(2);
        assertThat(edges.has("incoming")).isFalse();
        JsonNode knows = s.get(ENTITIES + "/bob/edges?type=knows").json();
        assertThat(knows.at("/incoming/0/from").asText()).isEqualTo("ann");
        assertThat(knows.at("/incoming/0/weight").asDouble()).isEqualTo(0.5);
        assertThat(knows.get("outgoing")).isEmpty();
    }

    @Test
    void upsertMergesPropertiesPatchSetsAndRemovesDeleteRemovesEverything() {
        s.post(ENTITIES, """
                {"entities": [{"key": "ann", "type": "Person", "properties": {"name": "Ann", "age": 31},
                               "edges": [{"type": "knows", "to": "bob"}]},
                              {"key": "bob", "type": "Person"}]}""");
        s.post(ENTITIES, """
                {"entities": [{"key": "ann", "type": "Person", "properties": {"score": 2.5}}]}""");
        assertThat(s.get(ENTITIES + "/ann").json().get("properties").toString())
                .isEqualTo("{\"name\":\"Ann\",\"age\":31,\"score\":2.5}");

        Reply patched = s.patch(ENTITIES + "/ann", "{\"properties\": {\"age\": 32, \"score\": null}}");
        assertThat(patched.status()).as(patched.text()).isEqualTo(200);
        JsonNode ann = s.get(ENTITIES + "/ann").json();
        assertThat(ann.get("properties").toString()).isEqualTo("{\"name\":\"Ann\",\"age\":32}");
        assertThat(ann.get("version").asLong()).isEqualTo(3);

        assertThat(s.delete(ENTITIES + "/ann").status()).isEqualTo(200);
        assertThat(s.get(ENTITIES + "/ann").code()).isEqualTo("entity.not_found");
        assertThat(s.get(ENTITIES + "/bob/edges").json().get("incoming")).isEmpty();
        assertThat(s.delete(ENTITIES + "/ann").status()).isEqualTo(404);
        assertThat(s.patch(ENTITIES + "/ann", "{\"properties\": {\"age\": 1}}").status()).isEqualTo(404);
    }

    @Test
    void aBadItemRejectsTheWholeBatchNamingItsIndexAndField() {
        Reply r = s.post(ENTITIES, """
                {"entities": [{"key": "a", "type": "Person", "properties": {"name": "A"}},
                              {"key": "b", "type": "Person", "vectors": {"emb": [0, 1, 0]}},
                              {"key": "c", "type": "Person", "vectors": {"emb": [0, 1]}}]}""");
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.code()).isEqualTo("schema.dimension_mismatch");
        assertThat(r.json().at("/error/index").asInt()).isEqualTo(2);
        assertThat(r.json().at("/error/field").asText()).isEqualTo("entities[2].vectors.emb");
        assertThat(s.get(ENTITIES + "/a").status()).isEqualTo(404);
        assertThat(s.get(ENTITIES + "/b").status()).isEqualTo(404);
        assertThat(s.get("/v1/collections/people").json().at("/stats/last_sequence").asLong()).isEqualTo(1);
    }

    @Test
    void wrongTypesUnknownNamesAndNonFiniteNumbersAreRejectedWithTheirField() {
        assertRejected("{\"key\": \"x\", \"type\": \"Person\", \"properties\": {\"age\": \"old\"}}",
                "request.invalid", "entities[0].properties.age");
        assertRejected("{\"key\": \"x\", \"type\": \"Person\", \"properties\": {\"age\": 1.5}}",
                "request.invalid", "entities[0].properties.age");
        assertRejected("{\"key\": \"x\", \"type\": \"Person\", \"properties\": {\"born\": \"yesterday\"}}",
                "request.invalid", "entities[0].properties.born");
        assertRejected("{\"key\": \"x\", \"type\": \"Person\", \"properties\": {\"agee\": 1}}",
                "schema.unknown_field", "entities[0].properties.agee");
        assertRejected("{\"key\": \"x\", \"type\": \"Robot\"}", "schema.unknown_field", "entities[0].type");
        assertRejected("{\"key\": \"x\", \"type\": \"Person\", \"vectors\": {\"nope\": [1]}}",
                "schema.unknown_field", "entities[0].vectors.nope");
        assertRejected("{\"key\": \"x\", \"type\": \"Person\", \"vectors\": {\"emb\": [1e39, 0, 0]}}",
                "schema.non_finite_value", "entities[0].vectors.emb");
        assertRejected("{\"key\": \"x\", \"type\": \"Person\", \"vectors\": {\"emb\": [1, \"a\", 0]}}",
                "request.invalid", "entities[0].vectors.emb[1]");
        assertRejected("{\"key\": \"x\", \"type\": \"Person\", \"edges\": [{\"type\": \"hates\", \"to\": \"y\"}]}",
                "schema.unknown_field", "entities[0].edges[0].type");
        assertRejected("{\"key\": \"\", \"type\": \"Person\"}", "request.invalid", "entities[0].key");
        assertRejected("{\"type\": \"Person\"}", "request.invalid", "entities[0].key");
        assertRejected("{\"key\": \"paris\", \"type\": \"City\", \"properties\": {\"name\": 5}}",
                "request.invalid", "entities[0].properties.name");
    }

    @Test
    void anEntityCannotChangeItsType() {
        s.post(ENTITIES, "{\"entities\": [{\"key\": \"x\", \"type\": \"Person\"}]}");
        Reply r = s.post(ENTITIES, "{\"entities\": [{\"key\": \"x\", \"type\": \"City\"}]}");
        assertThat(r.code()).isEqualTo("schema.type_mismatch");
        assertThat(r.json().at("/error/field").asText()).isEqualTo("entities[0].type");
    }

    @Test
    void durabilityIsChosenPerRequest() {
        for (String d : new String[]{"strict", "batch", "async"}) {
            Reply r = s.post(ENTITIES + "?durability=" + d, "{\"entities\": [{\"key\": \"" + d + "\", \"type\": \"Person\"}]}");
            assertThat(r.status()).as(d).isEqualTo(200);
        }
        Reply bad = s.post(ENTITIES + "?durability=never", "{\"entities\": [{\"key\": \"n\", \"type\": \"Person\"}]}");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().at("/error/field").asText()).isEqualTo("durability");
    }

    @Test
    void unknownCollectionsAndEntitiesAre404() {
        assertThat(s.post("/v1/collections/nope/entities", "{\"entities\": [{\"key\": \"x\", \"type\": \"T\"}]}").code())
                .isEqualTo("collection.not_found");
        assertThat(s.get(ENTITIES + "/nobody").code()).isEqualTo("entity.not_found");
        assertThat(s.get(ENTITIES + "/nobody/edges").code()).isEqualTo("entity.not_found");
    }

    @Test
    void edgesAreUpsertedInBatchesAndListedBothWays() {
        s.post(ENTITIES, "{\"entities\": [{\"key\": \"a\", \"type\": \"Person\"}, {\"key\": \"b\", \"type\": \"Person\"}]}");
        Reply r = s.post("/v1/collections/people/edges", """
                {"edges": [{"from": "a", "type": "knows", "to": "b", "weight": 2},
                           {"from": "b", "type": "knows", "to": "a"},
                           {"from": "a", "type": "knows", "to": "later"}]}""");
        assertThat(r.status()).as(r.text()).isEqualTo(200);
        JsonNode a = s.get(ENTITIES + "/a/edges").json();
        assertThat(a.get("outgoing")).hasSize(2);
        assertThat(a.get("incoming")).hasSize(1);
        assertThat(a.get("outgoing").toString()).contains("\"to\":null");

        Reply bad = s.post("/v1/collections/people/edges", """
                {"edges": [{"from": "a", "type": "knows", "to": "b"}, {"from": "a", "type": "knows", "to": "b", "weight": "x"}]}""");
        assertThat(bad.json().at("/error/field").asText()).isEqualTo("edges[1].weight");
        assertThat(bad.json().at("/error/index").asInt()).isEqualTo(1);
        assertThat(s.get(ENTITIES + "/a/edges?direction=sideways").status()).isEqualTo(400);
    }

    private void assertRejected(String item, String code, String field) {
        Reply r = s.post(ENTITIES, "{\"entities\": [" + item + "]}");
        assertThat(r.status()).as(item + " -> " + r.text()).isEqualTo(400);
        assertThat(r.code()).as(item + " -> " + r.text()).isEqualTo(code);
        assertThat(r.json().at("/error/field").asText()).as(item + " -> " + r.text()).isEqualTo(field);
        assertThat(r.json().at("/error/index").asInt()).isZero();
    }
}
