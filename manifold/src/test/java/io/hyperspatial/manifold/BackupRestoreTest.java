package io.hyperspatial.manifold;

import io.hyperspatial.manifold.error.ConflictException;
import io.hyperspatial.manifold.error.ErrorCode;
import io.hyperspatial.manifold.error.StorageException;
import io.hyperspatial.manifold.feed.ChangeEvent;
import io.hyperspatial.manifold.feed.ChangeFlag;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rocksdb.Options;
import org.rocksdb.RocksDB;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BackupRestoreTest {
    @TempDir Path dir;
    @TempDir Path backups;
    private Database db;
    private final ChainWorkload chain = new ChainWorkload("n");

    @BeforeEach
    void open() {
        db = Database.open(dir, DatabaseOptions.preset(StoragePreset.SMALL));
    }

    @AfterEach
    void close() {
        db.close();
    }

    private Collection source(int operations) {
        Collection c = db.createCollection("source");
        ChainWorkload.defineSchema(c);
        for (int i = 1; i <= operations; i++) {
            chain.write(c, Durability.STRICT, i);
        }
        return c;
    }

    private static void check(Collection c, int operations) {
        c.read(view -> {
            new ChainWorkload("n").check(view, c.ids(), operations);
            assertThat(view.entities().count()).isEqualTo(ChainWorkload.expectedCount(operations));
            return null;
        });
    }

    private static List<ChangeEvent> feed(Collection c, long upTo) {
        return c.changes().read(0, upTo, 100_000);
    }

    @Test
    void backupWhileWritingCapturesAConsistentPrefixThatRestoresUnderANewName() throws Exception {
        Collection c = source(0);
        Map<Integer, Long> sequenceOf = new ConcurrentHashMap<>();
        AtomicInteger done = new AtomicInteger();
        AtomicBoolean stop = new AtomicBoolean();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread writer = Thread.ofPlatform().start(() -> {
            try {
                for (int i = 1; !stop.get(); i++) {
                    sequenceOf.put(i, chain.write(c, Durability.STRICT, i));
                    done.set(i);
                }
            } catch (Throwable t) {
                failure.set(t);
            }
        });
        Poll.until(Duration.ofSeconds(20), () -> done.get() >= 20 || failure.get() != null, "20 operations before the backup");
        Path backup = backups.resolve("b1");
        int beforeBackup = done.get();
        c.backup(backup);
        int afterBackup = done.get();
        Poll.until(Duration.ofSeconds(20), () -> done.get() >= afterBackup + 20 || failure.get() != null,
                "20 operations after the backup");
        stop.set(true);
        writer.join();
        assertThat(failure.get()).isNull();
        int total = done.get();

        Collection copy = db.restoreCollection("copy", backup, false);
        long captured = copy.changes().lastSequence();
        int prefix = sequenceOf.entrySet().stream().filter(e -> e.getValue() <= captured)
                .mapToInt(Map.Entry::getKey).max().orElse(0);
        // everything finished before the backup began is in it; of what followed, at most the one
        // operation in flight when it returned (committed, but not yet counted in done)
        assertThat(prefix).as("operations in the backup").isBetween(beforeBackup, afterBackup + 1);
        assertThat(sequenceOf.get(prefix)).as("the backup ends on a whole operation").isEqualTo(captured);

        check(copy, prefix);
        assertThat(copy.schema()).isEqualTo(c.schema());
        assertThat(feed(copy, captured)).as("the restored feed").isEqualTo(feed(c, captured));
        check(c, total);
        assertThat(db.collectionNames()).containsExactly("copy", "source");
        assertThat(chain.write(copy, Durability.STRICT, prefix + 1)).isEqualTo(captured + 1);
        check(copy, prefix + 1);
    }

    @Test
    void aCopyRestoredUnderANewNameKeepsMappingKeysToTheSameEntities() {
        Collection c = source(3);
        Path backup = backups.resolve("b");
        c.backup(backup);
        Collection copy = db.restoreCollection("copy", backup, false);

        assertThat(copy.ids().forKey(chain.key(1))).isEqualTo(c.ids().forKey(chain.key(1)));
        long seq = copy.write(tx -> tx.upsertEntity(chain.key(1), ChainWorkload.TYPE));
        UUID id = c.ids().forKey(chain.key(1));
        assertThat(copy.changes().read(seq - 1, 1).getFirst().changes().getFirst().flags())
                .as("upserting an existing key updates its entity").contains(ChangeFlag.UPDATED)
                .doesNotContain(ChangeFlag.CREATED);
        long count = copy.read(view -> view.entities().count());
        assertThat(count).isEqualTo(ChainWorkload.expectedCount(3));
        boolean exists = copy.read(view -> view.entities().exists(id));
        assertThat(exists).isTrue();
    }

    @Test
    void restoreWithReplaceBringsBackTheBackedUpStateUnderTheSameName() {
        Collection c = source(10);
        SortedMap<String, String> atBackup = StoreDump.rows(c);
        long sequence = c.changes().lastSequence();
        Path backup = backups.resolve("b");
        c.backup(backup);
        for (int i = 11; i <= 20; i++) {
            chain.write(c, Durability.STRICT, i);
        }
        assertThat(StoreDump.rows(c)).isNotEqualTo(atBackup);

        Collection restored = db.restoreCollection("source", backup, true);

        assertThat(StoreDump.rows(restored)).as("every row of every table, feed and meta").isEqualTo(atBackup);
        assertThat(restored.changes().lastSequence()).isEqualTo(sequence);
        check(restored, 10);
        assertThat(db.collectionNames()).containsExactly("source");
        assertThat(db.collection("source")).isSameAs(restored);
        assertThatThrownBy(() -> chain.write(c, Durability.STRICT, 21)).as("the replaced collection's old handle")
                .isInstanceOfSatisfying(StorageException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.CLOSED));
        assertThat(chain.write(restored, Durability.STRICT, 11)).isEqualTo(sequence + 1);
        assertThat(backup.resolve("CURRENT")).as("the backup is copied, not consumed").isRegularFile();
        assertThat(listing(dir.resolve("collections"))).containsExactly("source");
    }

    @Test
    void restoreOntoAnExistingNameWithoutReplaceFailsAndLeavesItAlone() {
        Collection c = source(5);
        Path backup = backups.resolve("b");
        c.backup(backup);
        Collection other = db.createCollection("other");
        ChainWorkload.defineSchema(other);
        chain.write(other, Durability.STRICT, 1);
        SortedMap<String, String> before = StoreDump.rows(other);

        assertThatThrownBy(() -> db.restoreCollection("other", backup, false))
                .isInstanceOfSatisfying(ConflictException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.COLLECTION_EXISTS);
                    assertThat(e.field()).contains("other");
                });

        assertThat(db.collection("other")).isSameAs(other);
        assertThat(StoreDump.rows(other)).isEqualTo(before);
        assertThat(chain.write(other, Durability.STRICT, 2)).as("still writable").isPositive();
        assertThat(listing(dir.resolve("collections"))).containsExactly("other", "source");
    }

    @Test
    void restoreFromADirectoryThatIsNotABackupFailsAndCreatesNothing() throws Exception {
        Collection existing = source(3);
        SortedMap<String, String> before = StoreDump.rows(existing);
        Path empty = Files.createDirectories(backups.resolve("empty"));
        Path junk = Files.createDirectories(backups.resolve("junk"));
        Files.writeString(junk.resolve("CURRENT"), "not a manifest\n");
        Files.writeString(junk.resolve("notes.txt"), "hello");
        Path plainRocks = backups.resolve("plain-rocksdb");
        RocksDB.loadLibrary();
        try (Options options = new Options().setCreateIfMissing(true);
             RocksDB rocks = RocksDB.open(options, plainRocks.toString())) {
            rocks.put("k".getBytes(StandardCharsets.UTF_8), "v".getBytes(StandardCharsets.UTF_8));
        }
        Map<Path, String> plainBefore = contents(plainRocks);
        Path missing = backups.resolve("missing");

        for (Path notABackup : List.of(empty, junk, plainRocks, missing)) {
            for (String name : List.of("fresh", "source")) {
                assertThatThrownBy(() -> db.restoreCollection(name, notABackup, true))
                        .as("restore %s from %s", name, notABackup)
                        .isInstanceOfSatisfying(StorageException.class, e -> {
                            assertThat(e.code()).isIn(ErrorCode.STORAGE_IO, ErrorCode.CORRUPTION);
                            assertThat(e.getMessage()).isNotBlank();
                        });
            }
        }
        assertThatThrownBy(() -> db.restoreCollection("fresh", empty, false))
                .hasMessageContaining(empty.toString()).hasMessageContaining("not a collection backup");

        assertThat(db.collectionNames()).containsExactly("source");
        assertThat(listing(dir.resolve("collections"))).as("no staging directory left").containsExactly("source");
        assertThat(db.collection("source")).isSameAs(existing);
        assertThat(StoreDump.rows(existing)).isEqualTo(before);
        assertThat(contents(plainRocks)).as("the source directory is never modified").isEqualTo(plainBefore);
        assertThat(listing(empty)).isEmpty();
    }

    @Test
    void backupToAnExistingTargetFails() throws Exception {
        Collection c = source(2);
        Path dirTarget = Files.createDirectories(backups.resolve("taken"));
        Path fileTarget = Files.writeString(backups.resolve("file"), "keep me");

        for (Path target : List.of(dirTarget, fileTarget)) {
            assertThatThrownBy(() -> c.backup(target)).isInstanceOfSatisfying(StorageException.class, e -> {
                assertThat(e.code()).isEqualTo(ErrorCode.STORAGE_IO);
                assertThat(e.getMessage()).contains(target.toString()).contains("exists");
            });
        }
        assertThat(listing(dirTarget)).isEmpty();
        assertThat(Files.readString(fileTarget)).isEqualTo("keep me");
        c.backup(backups.resolve("fresh"));
        assertThat(backups.resolve("fresh").resolve("CURRENT")).isRegularFile();
    }

    private static List<String> listing(Path directory) {
        try (Stream<Path> files = Files.list(directory)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    /** Every file under {@code root} with a digest of its bytes. */
    private static Map<Path, String> contents(Path root) throws IOException {
        Map<Path, String> out = new TreeMap<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path p : files.filter(Files::isRegularFile).toList()) {
                out.put(root.relativize(p), java.util.HexFormat.of().formatHex(
                        sha256(Files.readAllBytes(p))));
            }
        }
        return out;
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return java.security.MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
