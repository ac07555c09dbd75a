package io.hyperspatial.cli;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class SearchCommandTest {
    @TempDir Path tmp;
    private String data;

    @BeforeEach
    void demo() {
        data = tmp.resolve("data").toString();
        assertThat(Cli.run("demo", "--data", data, "--entities", "400").exitCode()).isZero();
    }

    @Test
    void findsTheNeighboursOfAnEntityWithoutTheEntityItself() {
        Cli r = Cli.run("search", "--data", data, "-c", "demo", "--field", "embedding", "--like", "item:7", "-k", "5");
        assertThat(r.exitCode()).as(r.toString()).isZero();
        List<String> rows = r.out().lines().skip(1).takeWhile(l -> !l.isBlank()).toList();
        assertThat(rows).hasSize(5).allSatisfy(row -> assertThat(row).contains("Item").doesNotContain("item:7 "));
        assertThat(r.out()).contains("5 results; index of");
    }

    @Test
    void anExplicitVectorAsJsonGivesDistancesInOrder() {
        String vector = String.join(",", java.util.Collections.nCopies(32, "0.1"));
        Cli r = Cli.run("search", "--data", data, "-c", "demo", "--field", "embedding", "--vector", vector,
                "-k", "3", "--format", "json");
        assertThat(r.exitCode()).as(r.toString()).isZero();
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> results = (List<Map<String, Object>>) ((Map<String, Object>) MiniJson.parse(r.out())).get("results");
        assertThat(results).hasSize(3);
        List<Double> distances = results.stream().map(m -> ((Number) m.get("distance")).doubleValue()).toList();
        assertThat(distances).isSorted();
        assertThat(results.getFirst().get("type")).isEqualTo("Item");
    }

    @Test
    void badQueriesAreClearErrors() {
        Cli unknownKey = Cli.run("search", "--data", data, "-c", "demo", "--field", "embedding", "--like", "nobody");
        assertThat(unknownKey.exitCode()).isEqualTo(2);
        assertThat(unknownKey.err()).contains("has no entity with key 'nobody'");

        Cli wrongDimension = Cli.run("search", "--data", data, "-c", "demo", "--field", "embedding", "--vector", "1,2");
        assertThat(wrongDimension.exitCode()).isEqualTo(2);
        assertThat(wrongDimension.err()).contains("dimension 2").contains("[schema.dimension_mismatch]");

        Cli unknownField = Cli.run("search", "--data", data, "-c", "demo", "--field", "nope", "--like", "item:1");
        assertThat(unknownField.exitCode()).isEqualTo(2);
        assertThat(unknownField.err()).contains("[schema.unknown_field]");

        Cli both = Cli.run("search", "--data", data, "-c", "demo", "--field", "embedding", "--like", "item:1", "--vector", "1");
        assertThat(both.exitCode()).isEqualTo(2);
    }
}
