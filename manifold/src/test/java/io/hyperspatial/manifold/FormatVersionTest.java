package io.hyperspatial.manifold;

import io.hyperspatial.manifold.error.ErrorCode;
import io.hyperspatial.manifold.error.StorageException;
import io.hyperspatial.manifold.store.CollectionStore;
import io.hyperspatial.manifold.store.ColumnFamilies;
import io.hyperspatial.manifold.store.Keys;
import io.hyperspatial.manifold.store.Lease;
import io.hyperspatial.manifold.store.SharedResources;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;
import org.rocksdb.RocksDBException;
import org.rocksdb.RocksIterator;

import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The on-disk format version: what a collection records, what happens when it is not ours, and
 * that collections written by every earlier format (the committed fixtures) still read back
 * value for value, format 1 after its migration to format 2 (properties moved into entity rows),
 * also when that migration was cut short.
 */
class FormatVersionTest {
    private static final byte[] FORMAT_KEY = "format_version".getBytes(StandardCharsets.UTF_8);
    private static final int CURRENT = 2;
    private static final String REGENERATE = "manifold.regenerateFixture";

    @TempDir Path dir;

    private Database open() {
        return Database.open(dir, DatabaseOptions.preset(StoragePreset.SMALL));
    }

    private static byte[] readFormat(Collection c) throws RocksDBException {
        try (Lease lease = c.acquire()) {
            return lease.store().db().get(lease.store().family(ColumnFamilies.META), FORMAT_KEY);
        }
    }

    private static void writeFormat(Collection c, int version) throws RocksDBException {
        byte[] v = new byte[4];
        Keys.putInt(v, 0, version);
        try (Lease lease = c.acquire()) {
            lease.store().db().put(lease.store().family(ColumnFamilies.META), FORMAT_KEY, v);
        }
    }

    @Test
    void aNewCollectionRecordsFormatTwo() throws Exception {
        assertThat(CollectionMeta.FORMAT_VERSION).isEqualTo(CURRENT);
        try (Database db = open()) {
            Collection c = db.createCollection("c");
            assertThat(readFormat(c)).containsExactly(0, 0, 0, CURRENT);
        }
    }

    @Test
    void aCollectionOfAnotherFormatIsRefusedNamingBothVersions() throws Exception {
        Path backup = dir.resolve("backup-of-future");
        try (Database db = open()) {
            Collection future = db.createCollection("future");
            ChainWorkload.defineSchema(future);
            new ChainWorkload("n").write(future, Durability.STRICT, 1);
            Collection present = db.createCollection("present");
            ChainWorkload.defineSchema(present);
            writeFormat(future, 99);
            future.backup(backup);
        }

        try (Database db = open()) {
            Collection future = db.collection("future");
            List<ThrowingCallable> uses = List.of(
                    () -> future.read(view -> view.entities().count()),
                    () -> new ChainWorkload("n").write(future, Durability.STRICT, 2),
                    () -> future.changes().lastSequence(),
                    () -> future.read(view -> view.entities().count()));
            for (ThrowingCallable use : uses) {
                assertThatThrownBy(use).isInstanceOfSatisfying(StorageException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.INCOMPATIBLE_FORMAT);
                    assertThat(e.code().code()).isEqualTo("storage.incompatible_format");
                    assertThat(e.getMessage()).contains("format 99").contains("formats 1 to 2");
                });
                assertThat(future.isOpen()).isFalse();
            }
            assertThat(db.collectionNames()).containsExactly("future", "present");
            assertThat(db.collection("present").schema().revision()).as("other collections open as usual").isEqualTo(1);

            assertThatThrownBy(() -> db.restoreCollection("restored", backup, false))
                    .isInstanceOfSatisfying(StorageException.class,
                            e -> assertThat(e.code()).isEqualTo(ErrorCode.INCOMPATIBLE_FORMAT));
            assertThat(db.collectionNames()).containsExactly("future", "present");

            db.dropCollection("future");
            assertThat(dir.resolve("collections").resolve("future")).doesNotExist();
        }
    }

    @Test
    void theFormatTwoFixtureOpensWithEveryValue() throws Exception {
        copyTree(fixture(2), dir.resolve("collections").resolve(FormatFixture.NAME));
        try (Database db = open()) {
            Collection c = db.collection(FormatFixture.NAME);
            FormatFixture.verify(c);
            assertThat(readFormat(c)).containsExactly(0, 0, 0, 2);
        }
        reopenedTakesWrites();
    }

    @Test
    void theFormatOneFixtureIsMigratedWithEveryValue() throws Exception {
        copyTree(fixture(1), dir.resolve("collections").resolve(FormatFixture.NAME));
        try (Database db = open()) {
            Collection c = db.collection(FormatFixture.NAME);
            FormatFixture.verify(c);
            assertThat(readFormat(c)).as("migrated on open").containsExactly(0, 0, 0, 2);
            assertThat(propertyRows(c)).as("properties moved into the entity rows").isZero();
        }
        reopenedTakesWrites();
    }

    @Test
    void aMigrationCutShortCarriesOnAtTheNextOpen() throws Exception {
        Path collection = dir.resolve("collections").resolve(FormatFixture.NAME);
        copyTree(fixture(1), collection);
        DatabaseOptions options = DatabaseOptions.preset(StoragePreset.SMALL);
        try (SharedResources shared = new SharedResources(options);
             CollectionStore store = CollectionStore.open(collection, options, shared, false)) {
            long before = countRows(store, ColumnFamilies.PROPERTIES);
            FormatMigration.upgrade(store, 1);
            long after = countRows(store, ColumnFamilies.PROPERTIES);
            assertThat(after).as("one entity's property rows moved").isPositive().isLessThan(before);
            assertThat(CollectionMeta.formatVersion(store)).as("still format 1 until all moved").isEqualTo(1);
        }
        try (Database db = open()) {
            Collection c = db.collection(FormatFixture.NAME);
            FormatFixture.verify(c);
            assertThat(readFormat(c)).containsExactly(0, 0, 0, 2);
            assertThat(propertyRows(c)).isZero();
        }
        reopenedTakesWrites();
    }

    private void reopenedTakesWrites() {
        try (Database db = open()) {
            Collection c = db.collection(FormatFixture.NAME);
            FormatFixture.verify(c);
            long seq = c.write(tx -> tx.upsertEntity("dave", "Person"));
            assertThat(seq).as("an old collection takes new writes").isEqualTo(18);
        }
    }

    /**
     * Writes the fixture of the current format (the format 1 one was written by format 1's code and
     * can no longer be regenerated). Disabled unless asked for, because a fixture must stay what
     * its format wrote: regenerate only when a new format is introduced or the fixture's content
     * changes, never to make a failing test pass. From the repository root:
     * <pre>
     * mvn -pl manifold test -Dtest=FormatVersionTest#regenerateFormatFixture \
     *     -Dmanifold.regenerateFixture=$PWD/manifold/src/test/resources/fixtures/format-v2
     * </pre>
     * RocksDB's info logs, options files (rewritten on every open) and lock file are left out;
     * the WAL ({@code *.log}) is kept.
     */
    @Test
    @EnabledIfSystemProperty(named = REGENERATE, matches = ".+")
    void regenerateFormatFixture() throws IOException {
        Path out = Path.of(System.getProperty(REGENERATE)).resolve(FormatFixture.NAME);
        try (Database db = open()) {
            FormatFixture.write(db.createCollection(FormatFixture.NAME));
        }
        Path written = dir.resolve("collections").resolve(FormatFixture.NAME);
        deleteTree(out);
        Files.createDirectories(out);
        try (Stream<Path> files = Files.list(written)) {
            for (Path f : files.toList()) {
                String name = f.getFileName().toString();
                if (!name.equals("LOCK") && !name.startsWith("LOG") && !name.startsWith("OPTIONS")) {
                    Files.copy(f, out.resolve(name));
                }
            }
        }
        copyTree(out, dir.resolve("check").resolve("collections").resolve(FormatFixture.NAME));
        try (Database db = Database.open(dir.resolve("check"), DatabaseOptions.preset(StoragePreset.SMALL))) {
            FormatFixture.verify(db.collection(FormatFixture.NAME));
        }
    }

    private static Path fixture(int version) throws URISyntaxException {
        String fixture = "/fixtures/format-v" + version + "/" + FormatFixture.NAME;
        URL url = FormatVersionTest.class.getResource(fixture);
        assertThat(url).as("fixture " + fixture + " on the test classpath").isNotNull();
        return Path.of(url.toURI());
    }

    private static long propertyRows(Collection c) {
        try (Lease lease = c.acquire()) {
            return countRows(lease.store(), ColumnFamilies.PROPERTIES);
        }
    }

    private static long countRows(CollectionStore store, String family) {
        long n = 0;
        try (RocksIterator it = store.db().newIterator(store.family(family))) {
            for (it.seekToFirst(); it.isValid(); it.next()) {
                n++;
            }
        }
        return n;
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path p : paths.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
