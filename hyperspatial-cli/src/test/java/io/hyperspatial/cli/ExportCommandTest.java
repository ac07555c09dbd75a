package io.hyperspatial.cli;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ExportCommandTest {
    @TempDir Path tmp;
    private String data;

    @BeforeEach
    void demo() {
        data = tmp.resolve("data").toString();
        assertThat(Cli.run("demo", "--data", data, "--entities", "120").exitCode()).isZero();
    }

    @SuppressWarnings("unchecked")
    @Test
    void writesOneJsonObjectPerEntityWithEverythingItHolds() {
        Cli export = Cli.run("export", "--data", data, "--collection", "demo", "--format", "jsonl");

        assertThat(export.exitCode()).as(export.toString()).isZero();
        List<String> lines = export.out().lines().toList();
        assertThat(lines).hasSize(121).allSatisfy(l -> assertThat(l).startsWith("{").endsWith("}"));
        List<Map<String, Object>> rows = lines.stream().skip(1).map(l -> (Map<String, Object>) MiniJson.parse(l)).toList();
        assertThat(rows).allSatisfy(r -> assertThat(r).containsKeys("key", "id", "type", "properties"));
        Map<String, Object> item = rows.stream().filter(r -> "Item".equals(r.get("type"))).findFirst().orElseThrow();
        assertThat((String) item.get("key")).startsWith("item:");
        assertThat((Map<String, Object>) item.get("vectors")).containsKey("embedding");
        assertThat((List<Object>) ((Map<String, Object>) item.get("vectors")).get("embedding")).hasSize(32);
        assertThat((List<Map<String, Object>>) item.get("edges")).anySatisfy(e -> {
            assertThat(e.get("type")).isEqualTo("in_category");
            assertThat((String) e.get("to")).startsWith("category:");
        });
    }

    @Test
    void aFileIsWrittenWholeOrNotAtAll() throws Exception {
        Path out = tmp.resolve("demo.jsonl");

        Cli ok = Cli.run("export", "--data", data, "--collection", "demo", "--out", out.toString());
        assertThat(ok.exitCode()).as(ok.toString()).isZero();
        assertThat(ok.err()).contains("exported 120 entities of 'demo' to " + out);
        assertThat(Files.readAllLines(out)).hasSize(121);

        Cli missing = Cli.run("export", "--data", data, "--collection", "nope", "--out", tmp.resolve("nope.jsonl").toString());
        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.err()).contains("nope");
        assertThat(tmp.resolve("nope.jsonl")).doesNotExist();
        assertThat(tmp.resolve("nope.jsonl.partial")).doesNotExist();
    }
}
