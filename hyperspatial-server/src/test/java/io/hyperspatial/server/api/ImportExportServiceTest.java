package io.hyperspatial.server.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.hyperspatial.server.ServerConfig;
import io.hyperspatial.server.SharedServer;
import io.hyperspatial.server.TestServer;
import io.hyperspatial.server.TestServer.Reply;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class ImportExportServiceTest extends SharedServer {
    @Test
    void exportThenImportIntoAnotherCollectionOverHttp() {
        createPeople();
        s.post("/v1/collections/people/entities", """
                {"entities": [{"key": "ann", "type": "Person", "properties": {"name": "Ann", "age": 31},
                               "vectors": {"emb": [1, 0, 0]}, "edges": [{"type": "knows", "to": "bob"}]},
                              {"key": "bob", "type": "Person", "properties": {"name": "Bob"}}]}""");
        Reply export = s.get("/v1/collections/people/export");
        assertThat(export.status()).as(export.text()).isEqualTo(200);
        assertThat(export.text().lines()).hasSize(3);
        assertThat(export.text().lines().findFirst().orElseThrow()).startsWith("{\"format\":\"hyperspatial.export\"");

        assertThat(s.post("/v1/collections", "{\"name\": \"copy\"}").status()).isEqualTo(201);
        Reply imported = s.post("/v1/collections/copy/import", export.text());
        assertThat(imported.status()).as(imported.text()).isEqualTo(200);
        assertThat(imported.json().get("imported").asInt()).isEqualTo(2);
        assertThat(imported.json().get("skipped")).isEmpty();
        assertThat(imported.json().get("compact_millis").asLong()).isNotNegative();
        JsonNode ann = s.get("/v1/collections/copy/entities/ann?vectors=true").json();
        assertThat(ann.at("/properties/age").asLong()).isEqualTo(31);
        assertThat(ann.at("/vectors/emb").toString()).isEqualTo("[1.0,0.0,0.0]");

        Reply csv = s.get("/v1/collections/copy/export?format=csv");
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.text().lines().findFirst().orElseThrow()).startsWith("key,id,type,");
    }

    @Test
    void csvWithAMappingSkipsAndReportsBadRowsOrFailsWithTheLine() {
        assertThat(s.post("/v1/collections", "{\"name\": \"csv\"}").status()).isEqualTo(201);
        String mapping = URLEncoder.encode("{\"key\": \"id\", \"type\": \"Row\", \"properties\": {\"n\": \"int64\"}}",
                StandardCharsets.UTF_8);
        String body = "id,n\na,1\nb,two\nc,3\n";

        Reply skip = s.send("POST", "/v1/collections/csv/import?format=csv&on_error=skip&mapping=" + mapping, body);
        assertThat(skip.status()).as(skip.text()).isEqualTo(200);
        assertThat(skip.json().get("imported").asInt()).isEqualTo(2);
        assertThat(skip.json().at("/skipped/0/line").asInt()).isEqualTo(3);
        assertThat(skip.json().at("/skipped/0/field").asText()).isEqualTo("n");

        Reply fail = s.send("POST", "/v1/collections/csv/import?format=csv&mapping=" + mapping, body.replace("a,", "x,"));
        assertThat(fail.status()).isEqualTo(400);
        assertThat(fail.code()).isEqualTo("invalid_argument");
        assertThat(fail.json().at("/error/line").asInt()).isEqualTo(3);
        assertThat(fail.json().at("/report/imported").asInt()).isZero();
        assertThat(s.get("/v1/collections/csv/entities/x").status()).isEqualTo(404);

        assertThat(s.send("POST", "/v1/collections/csv/import?format=csv", body).code()).isEqualTo("request.invalid");
        assertThat(s.send("POST", "/v1/collections/nope/import", "{}").status()).isEqualTo(404);
        assertThat(s.get("/v1/collections/csv/export?format=xml").code()).isEqualTo("request.invalid");
    }

    @Test
    void aBodySentAsFormDataAsCurlDoesIsStillTheUpload() throws Exception {
        assertThat(s.post("/v1/collections", "{\"name\": \"form\"}").status()).isEqualTo(201);
        String mapping = URLEncoder.encode("{\"key\": \"id\", \"type\": \"Row\"}", StandardCharsets.UTF_8);
        java.net.http.HttpRequest request = java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:"
                        + s.server().port() + "/v1/collections/form/import?format=csv&mapping=" + mapping))
                .header("content-type", "application/x-www-form-urlencoded")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("id\na\nb\n")).build();
        try (java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient()) {
            java.net.http.HttpResponse<String> r = http.send(request, java.net.http.HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
            assertThat(r.body()).contains("\"imported\":2");
        }
        Reply empty = s.get("/v1/collections/form/export?format=csv");
        assertThat(empty.text()).startsWith("key,id,type,vectors,edges,");
    }

    /** An import sent without a content length (chunked), so the server finds it too large only while reading it. */
    private static java.net.http.HttpResponse<String> chunkedImport(TestServer server, String csv) throws Exception {
        String mapping = URLEncoder.encode("{\"key\": \"id\", \"type\": \"T\"}", StandardCharsets.UTF_8);
        byte[] bytes = csv.getBytes(StandardCharsets.UTF_8);
        java.net.http.HttpRequest request = java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:"
                        + server.server().port() + "/v1/collections/c/import?format=csv&mapping=" + mapping))
                .POST(java.net.http.HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(bytes)))
                .build();
        try (java.net.http.HttpClient http = java.net.http.HttpClient.newBuilder()
                .version(java.net.http.HttpClient.Version.HTTP_1_1).build()) {
            java.net.http.HttpResponse<String> r = http.send(request, java.net.http.HttpResponse.BodyHandlers.ofString());
            assertThat(r.body()).as("status " + r.statusCode()).contains("\"code\":\"request.too_large\"");
            return r;
        }
    }

    @Test
    void importBodiesHaveTheirOwnLimit(@TempDir Path other) throws Exception {
        ServerConfig config = ServerConfig.loopback(0).withMaxRequestBytes(200).withMaxImportBytes(64 * 1024);
        try (TestServer small = TestServer.start(other, config)) {
            small.post("/v1/collections", "{\"name\": \"c\"}");
            StringBuilder csv = new StringBuilder("id\n");
            for (int i = 0; i < 1000; i++) {
                csv.append("k").append(i).append('\n');
            }
            Reply ok = small.send("POST", "/v1/collections/c/import?format=csv&mapping="
                    + URLEncoder.encode("{\"key\": \"id\", \"type\": \"T\"}", StandardCharsets.UTF_8), csv.toString());
            assertThat(ok.status()).as(ok.text()).isEqualTo(200);
            assertThat(ok.json().get("imported").asInt()).isEqualTo(1000);
            String big = "x".repeat(100 * 1024);
            Reply tooBig = small.send("POST", "/v1/collections/c/import", big);
            assertThat(tooBig.status()).as(tooBig.text()).isEqualTo(413);
            assertThat(tooBig.code()).isEqualTo("request.too_large");
            assertThat(tooBig.message()).contains("65536 bytes");
            Reply tooBigCsv = small.send("POST", "/v1/collections/c/import?format=csv&mapping="
                    + URLEncoder.encode("{\"key\": \"id\", \"type\": \"T\"}", StandardCharsets.UTF_8),
                    csv.toString().repeat(20));
            assertThat(tooBigCsv.status()).as(tooBigCsv.text()).isEqualTo(413);
            assertThat(tooBigCsv.code()).isEqualTo("request.too_large");
            assertThat(chunkedImport(small, csv.toString().repeat(20)).statusCode()).isEqualTo(413);
            assertThat(small.get("/v1/health").status()).isEqualTo(200);
        }
    }
}
