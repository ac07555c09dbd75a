package io.hyperspatial.cli;

import io.hyperspatial.manifold.Collection;
import io.hyperspatial.manifold.Database;
import io.hyperspatial.manifold.DatabaseOptions;
import io.hyperspatial.manifold.ReadView;
import io.hyperspatial.manifold.StoragePreset;
import io.hyperspatial.manifold.table.PositionKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The data 'serve --demo' starts with: made once, then left alone. */
class DemoDataTest {
    /** A tiny noun hierarchy in WordNet's data.noun / index.noun format: animal > {dog, cat}, dog > puppy. */
    private static final List<String> DATA = List.of(
            "  1 A hand-written excerpt in the format of WordNet 3.0 data.noun.",
            "00000100 05 n 01 animal 0 002 ~ 00000200 n 0000 ~ 00000300 n 0000 | a living organism  ",
            "00000200 05 n 01 dog 0 002 @ 00000100 n 0000 ~ 00000400 n 0000 | a domesticated canid  ",
            "00000300 05 n 01 cat 0 001 @ 00000100 n 0000 | a small feline  ",
            "00000400 05 n 01 puppy 0 001 @ 00000200 n 0000 | a young dog  ");
    private static final List<String> INDEX = List.of(
            "  1 A hand-written excerpt in the format of WordNet 3.0 index.noun.",
            "animal n 1 1 ~ 1 0 00000100  ",
            "cat n 1 1 @ 1 0 00000300  ",
            "dog n 1 2 @ ~ 1 0 00000200  ",
            "puppy n 1 1 @ 1 0 00000400  ");

    @TempDir Path tmp;
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private Path wordnet() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("wordnet"));
        Files.write(dir.resolve("data.noun"), DATA);
        Files.write(dir.resolve("index.noun"), INDEX);
        return dir;
    }

    private void ensure(Database db, Path wordnetDir) {
        DemoData.ensure(db, wordnetDir, 300, new PrintWriter(out, true), new PrintWriter(err, true));
    }

    @Test
    void bothCollectionsAreMadeOnceWithWordNetsPositionsLearned() throws Exception {
        Path wordnet = wordnet();
        try (Database db = Database.open(tmp.resolve("data"), DatabaseOptions.preset(StoragePreset.SMALL))) {
            ensure(db, wordnet);

            Collection nouns = db.collection(DemoData.WORDNET);
            try (ReadView view = nouns.snapshot()) {
                assertThat(view.entities().count()).isEqualTo(4);
                for (String key : List.of("n00000100", "n00000200", "n00000300", "n00000400")) {
                    assertThat(view.positions().get(nouns.ids().forKey(key), PositionKind.GRAPH)).as(key)
                            .hasValueSatisfying(p -> assertThat(p).hasSize(DemoData.WORDNET_DIMS + 1));
                }
            }
            long products = db.collection(DemoData.PRODUCTS).read(v -> v.entities().count());
            assertThat(products).isEqualTo(300);
            long nounsAt = nouns.changes().lastSequence();
            long productsAt = db.collection(DemoData.PRODUCTS).changes().lastSequence();

            ensure(db, wordnet);

            assertThat(nouns.changes().lastSequence()).as("left alone").isEqualTo(nounsAt);
            assertThat(db.collection(DemoData.PRODUCTS).changes().lastSequence()).isEqualTo(productsAt);
            StringWriter tryThis = new StringWriter();
            DemoData.printTryThis(new PrintWriter(tryThis, true), db, "http://127.0.0.1:7701");
            assertThat(tryThis.toString()).contains("/v1/collections/wordnet/search").contains("position.graph")
                    .contains(" repl --url http://127.0.0.1:7701 -c demo ");
        }
    }

    @Test
    void withoutWordNetTheDemoSaysHowToInstallItAndStartsWithTheCatalogOnly() {
        try (Database db = Database.open(tmp.resolve("data"), DatabaseOptions.preset(StoragePreset.SMALL))) {
            ensure(db, tmp.resolve("nowhere"));

            assertThat(out.toString()).contains("apt-get install -y wordnet-base");
            assertThat(db.findCollection(DemoData.WORDNET)).isEmpty();
            assertThat(db.findCollection(DemoData.PRODUCTS)).isPresent();
        }
    }
}
