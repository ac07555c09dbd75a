package io.hyperspatial.server.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.hyperspatial.server.SharedServer;
import io.hyperspatial.server.TestServer.Reply;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class QueryServiceTest extends SharedServer {
    private static Reply query(String collection, String sql, String params) {
        String body = "{\"collection\": \"" + collection + "\", \"query\": " + quoted(sql)
                + (params == null ? "" : ", \"params\": " + params) + "}";
        return s.post("/v1/query", body);
    }

    private static String quoted(String sql) {
        return "\"" + sql.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    @Test
    void ddlWritesAndQueriesRoundTripOverHttp() {
        assertThat(s.post("/v1/collections", "{\"name\": \"shop\"}").status()).isEqualTo(201);

        Reply created = query("shop", "CREATE TABLE item(name TEXT, price REAL, emb VECTOR(2, l2))", null);
        assertThat(created.status()).as(created.text()).isEqualTo(200);
        Reply inserted = query("shop", "INSERT INTO item VALUES('a', 'apple', 1.5, '[0, 1]'), ('b', 'bread', 3, '[1, 0]'),"
                + " ('c', 'cheese', 9.25, NULL)", null);
        assertThat(inserted.json().get("rows_affected").asLong()).isEqualTo(3);
        assertThat(query("shop", "CREATE INDEX item_price ON item(price)", null).status()).isEqualTo(200);

        Reply rows = query("shop", "SELECT key, name, price FROM item WHERE price < $max ORDER BY price", "{\"max\": 5}");
        assertThat(rows.status()).as(rows.text()).isEqualTo(200);
        JsonNode json = rows.json();
        assertThat(json.get("columns").toString()).isEqualTo("[\"key\",\"name\",\"price\"]");
        assertThat(json.get("rows").toString()).isEqualTo("[[\"a\",\"apple\",1.5],[\"b\",\"bread\",3.0]]");
        assertThat(json.get("rows_affected").asLong()).isZero();
        assertThat(json.get("elapsed_ms").isNumber()).isTrue();

        Reply nearest = query("shop", "SELECT key, emb FROM item ORDER BY emb <-> $q LIMIT 1", "{\"q\": [0.9, 0.1]}");
        assertThat(nearest.json().get("rows").toString()).isEqualTo("[[\"b\",[1.0,0.0]]]");

        Reply explain = query("shop", "EXPLAIN SELECT name FROM item WHERE price = 3", null);
        assertThat(explain.json().get("rows").toString()).contains("KeyLookup item on price");

        Reply entity = s.get("/v1/collections/shop/entities/b");
        assertThat(entity.status()).as(entity.text()).isEqualTo(200);
        assertThat(entity.text()).contains("bread");
    }

    @Test
    void failuresAre400sWithTheHyperQlCodeAndPosition() {
        assertThat(s.post("/v1/collections", "{\"name\": \"shop\"}").status()).isEqualTo(201);

        Reply syntax = query("shop", "SELECT FROM", null);
        assertThat(syntax.status()).isEqualTo(400);
        assertThat(syntax.code()).isEqualTo("HQL_SYNTAX");
        assertThat(syntax.json().at("/error/line").asInt()).isEqualTo(1);
        assertThat(syntax.json().at("/error/column").asInt()).isPositive();
        assertThat(syntax.message()).doesNotContain("Exception");

        assertThat(query("shop", "SELECT * FROM nowhere", null).code()).isEqualTo("HQL_UNKNOWN_TABLE");
        assertThat(query("shop", "SELECT $x", "{\"y\": 1}").code()).isEqualTo("HQL_PARAMETER");
        assertThat(query("nope", "SELECT 1", null).code()).isEqualTo("collection.not_found");
        assertThat(s.post("/v1/query", "{\"collection\": \"shop\"}").code()).isEqualTo("request.invalid");
    }

    @Test
    void writesAreRefusedOnAFrozenCollectionButQueriesRun() {
        assertThat(s.post("/v1/collections", "{\"name\": \"shop\"}").status()).isEqualTo(201);
        assertThat(query("shop", "CREATE TABLE t(x INTEGER)", null).status()).isEqualTo(200);
        assertThat(s.post("/v1/collections/shop/freeze", null).status()).isEqualTo(200);

        assertThat(query("shop", "INSERT INTO t VALUES('k', 1)", null).code()).isEqualTo("collection.frozen");
        assertThat(query("shop", "SELECT count(*) FROM t", null).status()).isEqualTo(200);
    }

    private static void thousandRows() {
        assertThat(s.post("/v1/collections", "{\"name\": \"big\"}").status()).isEqualTo(201);
        for (String sql : THOUSAND_ROWS) {
            Reply r = query("big", sql, null);
            assertThat(r.status()).as(sql + ": " + r.text()).isEqualTo(200);
        }
    }

    @Test
    void aQueryPastItsTimeoutIsStoppedWith503AndFreesTheCollection() {
        thousandRows();

        Reply stopped = s.post("/v1/query", "{\"collection\": \"big\", \"query\": \"" + RUNAWAY + "\", \"timeout_ms\": 200}");

        assertThat(stopped.status()).as(stopped.text()).isEqualTo(503);
        assertThat(stopped.code()).isEqualTo("HQL_TIMEOUT");
        assertThat(stopped.message()).contains("timeout of 200 ms");
        Reply next = query("big", "SELECT count(*) FROM t", null);
        assertThat(next.json().get("rows").toString()).isEqualTo("[[1000]]");
    }

    @Test
    void aTimeoutOutsideItsRangeIsA400() {
        thousandRows();

        for (String bad : new String[]{"0", "-5", "\"soon\"", "1e20", "3600000"}) {
            Reply r = s.post("/v1/query", "{\"collection\": \"big\", \"query\": \"SELECT 1\", \"timeout_ms\": " + bad + "}");
            assertThat(r.status()).as(bad + ": " + r.text()).isEqualTo(400);
            assertThat(r.code()).isEqualTo("request.invalid");
            assertThat(r.message()).contains("timeout_ms");
        }
    }

    @Test
    void aClientThatGoesAwayCancelsItsQuery() {
        thousandRows();
        HttpClient impatient = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + s.server().port() + "/v1/query"))
                .timeout(Duration.ofMillis(500))
                .header("content-type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"collection\": \"big\", \"query\": \"" + RUNAWAY + "\"}"))
                .build();

        assertThatThrownBy(() -> impatient.send(request, HttpResponse.BodyHandlers.ofString())).isInstanceOf(HttpTimeoutException.class);
        impatient.close();

        // Without the cancel, the runaway statement would hold the collection until the server's 2-minute
        // request timeout, and this query (60 s client timeout) would fail.
        Reply next = query("big", "SELECT count(*) FROM t", null);
        assertThat(next.status()).as(next.text()).isEqualTo(200);
        assertThat(next.json().get("rows").toString()).isEqualTo("[[1000]]");
    }
}
