package io.hyperspatial.cli;

import io.hyperspatial.server.auth.ApiKeys;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class ServeCommandTest {
    @TempDir Path tmp;

    @Test
    void keysAddPrintsAKeyOnceAndStoresOnlyItsHash() throws Exception {
        Path file = tmp.resolve("keys");
        Cli added = Cli.run("keys", "add", "--role", "write", "--name", "loader", "--file", file.toString());
        assertThat(added.exitCode()).as(added.toString()).isZero();
        String key = added.out().strip();
        assertThat(key).startsWith("hs_");
        assertThat(added.err()).contains("not shown again");
        assertThat(Files.readString(file)).doesNotContain(key).contains(ApiKeys.sha256Hex(key) + " write loader");
        Cli listed = Cli.run("keys", "list", "--file", file.toString());
        assertThat(listed.out()).contains("loader").contains("write").doesNotContain(key);
        assertThat(Cli.run("keys", "add", "--role", "owner", "--name", "x", "--file", file.toString()).exitCode()).isEqualTo(2);
    }

    @Test
    void serveRefusesANonLoopbackAddressWithoutKeysAndAMissingKeyFile() {
        Cli open = Cli.run("serve", "--data", tmp.resolve("d").toString(), "--bind", "0.0.0.0", "--port", "0");
        assertThat(open.exitCode()).isEqualTo(2);
        assertThat(open.err()).contains("without API keys");
        assertThat(Files.exists(tmp.resolve("d"))).as("nothing opened").isFalse();
        Cli missing = Cli.run("serve", "--data", tmp.resolve("d").toString(), "--api-keys", tmp.resolve("none").toString());
        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.err()).contains("cannot read API key file");
    }

    @Test
    void sigtermDrainsAndWritesIndexSnapshotsBeforeExiting() throws Exception {
        Path data = tmp.resolve("data");
        try (ServerProcess server = ServerProcess.start(data, tmp, "serve")) {
            assertThat(server.send("GET", "/v1/health", null).statusCode()).isEqualTo(200);
            HttpResponse<String> created = server.send("POST", "/v1/collections",
                    "{\"name\": \"c\", \"entity_types\": {\"T\": {}}, \"vector_fields\": {\"v\": {\"dimension\": 2, \"metric\": \"l2\"}}}");
            assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
            assertThat(server.send("POST", "/v1/collections/c/entities",
                    "{\"entities\": [{\"key\": \"a\", \"type\": \"T\", \"vectors\": {\"v\": [1, 2]}}]}").statusCode()).isEqualTo(200);
            int exit = server.terminate();
            assertThat(data.resolve("indexes").resolve("c")).as("exit " + exit).isDirectoryContaining(p -> true);
            assertThat(exit).as("exit status after SIGTERM: 128 + 15").isEqualTo(143);
            assertThat(server.stderr()).contains("hyperspatial: stopping").contains("hyperspatial: stopped");
        }
    }
}
