package io.hyperspatial.cli;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static io.hyperspatial.cli.MiniJson.array;
import static io.hyperspatial.cli.MiniJson.object;
import static org.assertj.core.api.Assertions.assertThat;

class DescribeCommandTest {
    @TempDir Path tmp;
    private String data;

    @BeforeEach
    void demo() {
        data = tmp.resolve("data").toString();
        Cli r = Cli.run("demo", "--data", data, "--entities", "300");
        assertThat(r.exitCode()).as(r.toString()).isZero();
    }

    @Test
    void describesOneCollectionAsATable() {
        Cli r = Cli.run("describe", "--data", data, "--collection", "demo");
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.err()).isEmpty();
        assertThat(r.out()).startsWith("Collection 'demo' in " + data + "\n")
                .containsPattern("entities +300\n")
                .containsPattern("disk +[0-9.]+ (KiB|MiB)\n")
                .containsPattern("last change +2\n")
                .containsPattern("schema revision +1\n")
                .contains("EDGE TYPE\nin_category\nsimilar_to\nsubcategory_of\n");
    }

    @Test
    void describesOneCollectionAsJson() {
        Cli r = Cli.run("describe", "--data", data, "--collection", "demo", "--format", "json");
        assertThat(r.exitCode()).as(r.toString()).isZero();
        Map<String, Object> doc = object(MiniJson.parse(r.out()));
        assertThat(doc.get("database")).isEqualTo(data);
        Map<String, Object> c = object(doc.get("collection"));
        assertThat(c).containsEntry("name", "demo").containsEntry("entities", 300L);
        List<Object> types = array(c.get("entityTypes"));
        assertThat(types).extracting(t -> object(t).get("name"), t -> object(t).get("entities"))
                .containsExactly(org.assertj.core.groups.Tuple.tuple("Category", 15L),
                        org.assertj.core.groups.Tuple.tuple("Item", 285L));
        assertThat(array(object(types.get(1)).get("properties"))).extracting(p -> object(p).get("name"))
                .containsExactly("name", "price", "stock", "added", "tags");
        assertThat(array(c.get("vectorFields"))).containsExactly(
                Map.of("name", "embedding", "kind", "dense", "dimension", 32L, "metric", "cosine", "curvature", 1L,
                        "index", Map.of("m", 16L, "efConstruction", 200L, "efSearch", 64L, "quantization", "none")));
        assertThat(array(c.get("edgeTypes"))).containsExactly("in_category", "similar_to", "subcategory_of");
        assertThat(array(c.get("measures"))).containsExactly(Map.of("name", "views", "retentionSeconds", 2_592_000L));
        Map<String, Object> stats = object(c.get("stats"));
        assertThat(stats).containsEntry("lastSequence", 2L).containsEntry("schemaRevision", 1L);
        assertThat((Long) stats.get("diskBytes")).isPositive();
    }

    @Test
    void listsCollectionsAsTableAndJson() {
        assertThat(Cli.run("demo", "--data", data, "--entities", "40", "--collection", "small").exitCode()).isZero();

        Cli table = Cli.run("describe", "--data", data);
        assertThat(table.exitCode()).isZero();
        assertThat(table.out()).startsWith("Database " + data + ": 2 collections\n")
                .containsPattern("\ndemo +300 +[0-9.]+ [KM]iB +2 +1\n")
                .containsPattern("\nsmall +40 +[0-9.]+ [KM]iB +2 +1\n");

        Cli json = Cli.run("describe", "--data", data, "--format", "JSON");
        List<Object> collections = array(object(MiniJson.parse(json.out())).get("collections"));
        assertThat(collections).extracting(c -> object(c).get("name"), c -> object(c).get("entities"))
                .containsExactly(org.assertj.core.groups.Tuple.tuple("demo", 300L),
                        org.assertj.core.groups.Tuple.tuple("small", 40L));
    }

    @Test
    void aMissingDirectoryIsAClearErrorAndIsNotCreated() {
        Path missing = tmp.resolve("nothing-here");
        Cli r = Cli.run("describe", "--data", missing.toString());
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).isEqualTo("error: no database at " + missing + ": the directory does not exist"
                + " (to create one: hyperspatial demo --data " + missing + ")\n");
        assertThat(missing).doesNotExist();
    }

    @Test
    void aDirectoryWithoutADatabaseIsAClearErrorAndStaysUntouched() throws Exception {
        Path plain = Files.createDirectory(tmp.resolve("plain"));
        Cli r = Cli.run("describe", "--data", plain.toString());
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).isEqualTo("error: " + plain + " is not a Hyperspatial database (it has no collections/ directory)\n");
        try (var files = Files.list(plain)) {
            assertThat(files).isEmpty();
        }
    }

    @Test
    void anUnknownCollectionIsOneLineWithItsCodeAndAStackTraceOnlyWhenVerbose() {
        Cli r = Cli.run("describe", "--data", data, "--collection", "nope");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).isEqualTo("error: collection 'nope' does not exist [collection.not_found]\n");

        Cli verbose = Cli.run("describe", "--data", data, "--collection", "nope", "--verbose");
        assertThat(verbose.exitCode()).isEqualTo(2);
        assertThat(verbose.err()).startsWith("error: collection 'nope' does not exist [collection.not_found]\n")
                .contains("NotFoundException").contains("\tat ");
    }

    @Test
    void anUnknownFormatIsAUsageError() {
        Cli r = Cli.run("describe", "--data", data, "--format", "xml");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("Invalid value for option '--format'").contains("Usage: hyperspatial describe");
    }
}
