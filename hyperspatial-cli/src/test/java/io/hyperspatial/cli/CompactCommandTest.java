package io.hyperspatial.cli;

import io.hyperspatial.manifold.Database;
import io.hyperspatial.manifold.DatabaseOptions;
import io.hyperspatial.manifold.StoragePreset;
import io.hyperspatial.manifold.store.ColumnFamilies;
import io.hyperspatial.manifold.store.Lease;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rocksdb.RocksDBException;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class CompactCommandTest {
    @TempDir Path tmp;
    private String data;

    @BeforeEach
    void demo() {
        data = tmp.resolve("data").toString();
        assertThat(Cli.run("demo", "--data", data, "--entities", "300").exitCode()).isZero();
    }

    @Test
    void compactsACollectionAndKeepsItsContents() {
        Map<String, Object> before = describe();
        assertThat(unsorted()).as("rows in level 0 or a memtable after the demo's load").isPositive();
        String search = Cli.run("search", "--data", data, "--collection", "demo", "--field", "embedding", "--like", "item:7", "-k", "5", "-f", "json").out();

        Cli r = Cli.run("compact", "--data", data, "--collection", "demo");

        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.out()).matches("Compacted collection 'demo' in " + java.util.regex.Pattern.quote(data)
                + " in \\d+\\.\\d s: \\d+(\\.\\d)? [KMG]?i?B on disk before, \\d+(\\.\\d)? [KMG]?i?B after\\.\n");
        assertThat(unsorted()).isZero();
        assertThat(describe()).isEqualTo(before);
        assertThat(Cli.run("search", "--data", data, "--collection", "demo", "--field", "embedding", "--like", "item:7", "-k", "5", "-f", "json").out())
                .isEqualTo(search);
    }

    @Test
    void anUnknownCollectionOrDatabaseIsAnError() {
        Cli unknown = Cli.run("compact", "--data", data, "--collection", "nope");
        assertThat(unknown.exitCode()).isEqualTo(2);
        assertThat(unknown.err()).isEqualTo("error: collection 'nope' does not exist [collection.not_found]\n");

        String missing = tmp.resolve("missing").toString();
        Cli none = Cli.run("compact", "--data", missing, "--collection", "demo");
        assertThat(none.exitCode()).isEqualTo(2);
        assertThat(none.err()).startsWith("error: no database at " + missing + ": the directory does not exist");
        assertThat(Path.of(missing)).as("compact never creates a database").doesNotExist();

        Cli noName = Cli.run("compact", "--data", data);
        assertThat(noName.exitCode()).isEqualTo(2);
        assertThat(noName.err()).startsWith("Missing required option: '--collection=NAME'");
    }

    /** Level-0 files and memtable rows of the demo's entity and property tables: what compaction leaves none of. */
    private long unsorted() {
        try (Database db = Database.open(Path.of(data), DatabaseOptions.preset(StoragePreset.SMALL));
             Lease lease = db.collection("demo").acquire()) {
            long n = 0;
            for (String family : List.of(ColumnFamilies.ENTITIES, ColumnFamilies.PROPERTIES)) {
                n += Long.parseLong(lease.store().db().getProperty(lease.store().family(family), "rocksdb.num-files-at-level0"));
                n += lease.store().longProperty(family, "rocksdb.num-entries-active-mem-table");
            }
            return n;
        } catch (RocksDBException e) {
            throw new IllegalStateException(e);
        }
    }

    private Map<String, Object> describe() {
        Cli r = Cli.run("describe", "--data", data, "--collection", "demo", "--format", "json");
        assertThat(r.exitCode()).as(r.toString()).isZero();
        Map<String, Object> c = MiniJson.object(MiniJson.object(MiniJson.parse(r.out())).get("collection"));
        MiniJson.object(c.get("stats")).remove("diskBytes");
        return c;
    }
}
