package io.hyperspatial.core;

import io.hyperspatial.core.index.IndexConfig;
import io.hyperspatial.core.index.Quantization;
import io.hyperspatial.core.index.hnsw.HnswSnapshot;
import io.hyperspatial.core.index.maintain.CollectionIndexer;
import io.hyperspatial.core.index.maintain.EntityHit;
import io.hyperspatial.core.index.maintain.FieldIndexStats;
import io.hyperspatial.core.index.maintain.IndexSnapshots;
import io.hyperspatial.core.index.maintain.IndexSource;
import io.hyperspatial.core.index.maintain.SnapshotPolicy;
import io.hyperspatial.core.index.persist.SnapshotFile;
import io.hyperspatial.manifold.Collection;
import io.hyperspatial.manifold.Database;
import io.hyperspatial.manifold.DatabaseOptions;
import io.hyperspatial.manifold.StoragePreset;
import io.hyperspatial.manifold.schema.VectorField;
import io.hyperspatial.manifold.schema.VectorKind;
import io.hyperspatial.manifold.schema.VectorMetric;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Restarting a {@link HyperspatialDatabase}: indexes are loaded from the snapshots written at
 * close and brought up to date from the change feed, and rebuilt (saying why) when a snapshot is
 * damaged, of another version or configuration, too old for the feed, or of another collection.
 */
class IndexRestartTest {
    static final String COLLECTION = "points";
    static final int DIM = 8;

    @TempDir
    Path dir;
    private final List<String> log = new CopyOnWriteArrayList<>();
    private final Logger snapshotLog = Logger.getLogger(IndexSnapshots.class.getName());
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            log.add(record.getLevel() + " " + record.getMessage());
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };
    private HyperspatialDatabase db;

    @BeforeEach
    void captureLog() {
        snapshotLog.addHandler(capture);
    }

    @AfterEach
    void release() {
        snapshotLog.removeHandler(capture);
        if (db != null) {
            db.close();
        }
    }

    static float[] vector(int i) {
        SplittableRandom r = new SplittableRandom(i * 31L + 7);
        float[] v = new float[DIM];
        for (int j = 0; j < DIM; j++) {
            v[j] = (float) r.nextGaussian();
        }
        return v;
    }

    private HyperspatialDatabase open(DatabaseOptions options, Function<VectorField, IndexConfig> configs,
                                      SnapshotPolicy policy) {
        db = HyperspatialDatabase.open(Database.open(dir, options), configs, policy);
        return db;
    }

    private HyperspatialDatabase open() {
        return open(DatabaseOptions.preset(StoragePreset.SMALL), CollectionIndexer::defaultConfig, SnapshotPolicy.AT_SHUTDOWN);
    }

    private void reopen() {
        db.close();
        db = null;
        log.clear();
        open();
    }

    /** Creates the collection with an l2 field "vec" and a Poincaré field "pos". */
    static Collection create(Database storage) {
        Collection c = storage.createCollection(COLLECTION);
        c.updateSchema(s -> s.entityType("Point", Map.of())
                .vectorField("vec", VectorKind.DENSE, DIM, VectorMetric.L2)
                .vectorField("pos", VectorKind.DENSE, 2, VectorMetric.POINCARE));
        return c;
    }

    /** Writes point {@code i} (both fields); returns the commit's sequence. */
    static long put(Collection c, int i) {
        float[] v = vector(i);
        return c.write(tx -> {
            UUID e = tx.upsertEntity("p" + i, "Point");
            tx.setVector(e, "vec", v);
            tx.setVector(e, "pos", new float[]{v[0] / 10, v[1] / 10});
        });
    }

    private long putAll(int from, int to) {
        long seq = 0;
        for (int i = from; i < to; i++) {
            seq = put(db.collection(COLLECTION), i);
        }
        return seq;
    }

    private CollectionIndexer caughtUp() {
        CollectionIndexer indexer = db.indexer(COLLECTION);
        assertThat(indexer.awaitApplied(db.collection(COLLECTION).changes().lastSequence(), Duration.ofSeconds(30))).isTrue();
        return indexer;
    }

    /** Every point in {@code [from, to)} is its own nearest neighbour in "vec". */
    private void assertFindsAll(int from, int to) {
        CollectionIndexer indexer = caughtUp();
        Collection c = db.collection(COLLECTION);
        for (int i = from; i < to; i++) {
            List<EntityHit> hits = indexer.search("vec", vector(i), 1, 100, null);
            assertThat(hits).as("point %d", i).extracting(EntityHit::entity).containsExactly(c.ids().forKey("p" + i));
        }
    }

    private FieldIndexStats stats(String field) {
        return db.indexer(COLLECTION).stats().stream().filter(s -> s.field().equals(field)).findFirst().orElseThrow();
    }

    private Path snapshotDir() {
        return IndexSnapshots.directory(dir, COLLECTION);
    }

    /** Session one: 200 points, indexed, closed (writing snapshots); returns the last write's sequence. */
    private long firstSession() {
        open();
        create(db.storage());
        long seq = putAll(0, 200);
        caughtUp();
        assertThat(stats("vec").source()).isEqualTo(IndexSource.BUILT);
        db.close();
        db = null;
        assertThat(snapshotDir().resolve("ordinals.bin")).exists();
        assertThat(snapshotDir().resolve("vec.hnsw")).exists();
        assertThat(snapshotDir().resolve("pos.hnsw")).exists();
        return seq;
    }

    @Test
    void aRestartLoadsTheSnapshotsAndReplaysWritesMadeAfterThem() {
        long covered = firstSession();
        open();
        assertThat(db.indexer(COLLECTION).stats()).allSatisfy(s -> {
            assertThat(s.source()).isEqualTo(IndexSource.LOADED);
            assertThat(s.snapshotSequence()).isEqualTo(covered);
            assertThat(s.vectors()).isEqualTo(200);
        });
        assertThat(log).anyMatch(l -> l.contains("field 'vec': loaded index snapshot of 200 vectors"));

        putAll(200, 300);
        Collection c = db.collection(COLLECTION);
        for (int i = 0; i < 10; i++) {
            UUID gone = c.ids().forKey("p" + i);
            c.write(tx -> tx.deleteEntity(gone));
        }
        for (int i = 10; i < 20; i++) {
            int moved = i + 1000;
            UUID e = c.ids().forKey("p" + i);
            c.write(tx -> tx.setVector(e, "vec", vector(moved)));
        }
        assertFindsAll(20, 300);
        CollectionIndexer indexer = caughtUp();
        assertThat(stats("vec").vectors()).isEqualTo(290);
        assertThat(indexer.search("vec", vector(1010), 1, 100, null)).extracting(EntityHit::entity)
                .containsExactly(c.ids().forKey("p10"));
        assertThat(indexer.search("vec", vector(3), 5, 100, null)).extracting(EntityHit::entity)
                .doesNotContain(c.ids().forKey("p3"));

        reopen();
        assertThat(stats("vec").source()).isEqualTo(IndexSource.LOADED);
        assertThat(stats("vec").vectors()).isEqualTo(290);
        assertFindsAll(20, 300);
    }

    @Test
    void aDamagedSnapshotIsRejectedWithALogLineAndRebuilt() throws IOException {
        firstSession();
        Path file = snapshotDir().resolve("vec.hnsw");
        byte[] bytes = Files.readAllBytes(file);
        bytes[bytes.length / 2] ^= 0x04;
        Files.write(file, bytes);
        open();
        assertThat(stats("vec").source()).isEqualTo(IndexSource.BUILT);
        assertThat(stats("pos").source()).isEqualTo(IndexSource.LOADED);
        assertThat(log).anyMatch(l -> l.startsWith("WARNING") && l.contains("field 'vec': rebuilding the index")
                && l.contains("payload checksum mismatch"));
        assertFindsAll(0, 200);

        reopen();
        assertThat(stats("vec").source()).isEqualTo(IndexSource.LOADED);
        Files.write(file, Arrays.copyOf(bytes, bytes.length - 100));
        reopen();
        assertThat(stats("vec").source()).isEqualTo(IndexSource.BUILT);
        assertThat(log).anyMatch(l -> l.contains("field 'vec': rebuilding the index") && l.contains("truncated"));
        assertFindsAll(0, 200);
    }

    /**
     * A quantized index maps its full-precision vectors from a file in DIR/indexes, built or
     * loaded, not in the temporary directory: the file is unlinked once open, so it is seen as an
     * open descriptor (Linux /proc; other tests' indexes may have theirs elsewhere).
     */
    @Test
    void quantizedIndexesMapTheirVectorsInTheDatabasesIndexDirectory() throws IOException {
        Assumptions.assumeTrue(Files.isDirectory(Path.of("/proc/self/fd")), "needs /proc/self/fd");
        Function<VectorField, IndexConfig> int8 = f -> CollectionIndexer.defaultConfig(f).withQuantization(Quantization.INT8);
        open(DatabaseOptions.preset(StoragePreset.SMALL), int8, SnapshotPolicy.AT_SHUTDOWN);
        create(db.storage());
        putAll(0, 200);
        assertFindsAll(0, 200);
        assertThat(mappedVectorFiles()).as("built").anyMatch(f -> f.startsWith(dir.resolve("indexes").toString()));
        db.close();
        db = null;

        open(DatabaseOptions.preset(StoragePreset.SMALL), int8, SnapshotPolicy.AT_SHUTDOWN);
        assertThat(stats("vec").source()).isEqualTo(IndexSource.LOADED);
        assertFindsAll(0, 200);
        assertThat(mappedVectorFiles()).as("loaded").anyMatch(f -> f.startsWith(dir.resolve("indexes").toString()));
    }

    /** Where this process's open mapped-vector files are (their names, as /proc shows unlinked files). */
    private static List<String> mappedVectorFiles() throws IOException {
        List<String> files = new java.util.ArrayList<>();
        try (var fds = Files.list(Path.of("/proc/self/fd"))) {
            for (Path fd : fds.toList()) {
                try {
                    String target = Files.readSymbolicLink(fd).toString();
                    if (target.contains("vectors-") && target.contains(".f32")) {
                        files.add(target);
                    }
                } catch (IOException e) {
                    // the descriptor closed while listing
                }
            }
        }
        return files;
    }

    @Test
    void aSnapshotOfAnotherFormatVersionIsRebuilt() throws IOException {
        firstSession();
        Path file = snapshotDir().resolve("vec.hnsw");
        byte[] payload = Files.readAllBytes(file);
        SnapshotFile.write(file, HnswSnapshot.KIND, HnswSnapshot.VERSION + 1, out ->
                out.writeBytes(payload, SnapshotFile.HEADER_BYTES, payload.length - SnapshotFile.HEADER_BYTES));
        open();
        assertThat(stats("vec").source()).isEqualTo(IndexSource.BUILT);
        assertThat(log).anyMatch(l -> l.contains("format version " + (HnswSnapshot.VERSION + 1)
                + "; this build reads versions " + HnswSnapshot.OLDEST_READ + " to " + HnswSnapshot.VERSION));
        assertFindsAll(0, 200);
    }

    @Test
    void aChangedIndexConfigurationRebuildsThatField() {
        firstSession();
        open(DatabaseOptions.preset(StoragePreset.SMALL),
                f -> f.name().equals("vec") ? CollectionIndexer.defaultConfig(f).withM(8) : CollectionIndexer.defaultConfig(f),
                SnapshotPolicy.AT_SHUTDOWN);
        assertThat(stats("vec").source()).isEqualTo(IndexSource.BUILT);
        assertThat(stats("pos").source()).isEqualTo(IndexSource.LOADED);
        assertThat(log).anyMatch(l -> l.contains("m 16, configured 8"));
        assertFindsAll(0, 200);
    }

    @Test
    void aFeedTrimmedPastTheSnapshotForcesARebuild() {
        DatabaseOptions shortFeed = DatabaseOptions.preset(StoragePreset.SMALL).withChangeRetention(20);
        open(shortFeed, CollectionIndexer::defaultConfig, SnapshotPolicy.AT_SHUTDOWN);
        create(db.storage());
        long covered = putAll(0, 100);
        caughtUp();
        db.close();
        db = null;
        try (Database storage = Database.open(dir, shortFeed)) {
            Collection c = storage.collection(COLLECTION);
            for (int i = 100; i < 150; i++) {
                put(c, i);
            }
            waitFor(() -> c.stats().oldestResumable() > covered, "retention to trim the feed past " + covered);
        }
        open(shortFeed, CollectionIndexer::defaultConfig, SnapshotPolicy.AT_SHUTDOWN);
        assertThat(stats("vec").source()).isEqualTo(IndexSource.BUILT);
        assertThat(log).anyMatch(l -> l.contains("covers sequence " + covered) && l.contains("trimmed"));
        assertFindsAll(0, 150);
    }

    @Test
    void aCollectionDroppedAndCreatedAgainUnderTheSameNameIsNotServedTheOldSnapshots() {
        firstSession();
        try (Database storage = Database.open(dir, DatabaseOptions.preset(StoragePreset.SMALL))) {
            storage.dropCollection(COLLECTION);
            Collection c = create(storage);
            for (int i = 500; i < 800; i++) {
                put(c, i);
            }
        }
        open();
        assertThat(stats("vec").source()).isEqualTo(IndexSource.BUILT);
        assertThat(log).anyMatch(l -> l.contains("re-created or restored"));
        assertThat(stats("vec").vectors()).isEqualTo(300);
        assertFindsAll(500, 800);
    }

    @Test
    void droppingACollectionDeletesItsSnapshotsAndSnapshotsOfMissingCollectionsGoAtOpen() throws IOException {
        firstSession();
        open();
        db.indexer(COLLECTION);
        db.dropCollection(COLLECTION);
        assertThat(snapshotDir()).doesNotExist();
        db.close();
        db = null;

        Path orphan = IndexSnapshots.directory(dir, "gone");
        Files.createDirectories(orphan);
        Files.writeString(orphan.resolve("ordinals.bin"), "x");
        open();
        assertThat(orphan).doesNotExist();
    }

    @Test
    void thePolicyWritesSnapshotsWhileRunning() {
        open(DatabaseOptions.preset(StoragePreset.SMALL), CollectionIndexer::defaultConfig,
                new SnapshotPolicy(Duration.ofMillis(100), 0));
        create(db.storage());
        long seq = putAll(0, 50);
        caughtUp();
        waitFor(() -> stats("vec").snapshotSequence() >= seq, "a periodic snapshot covering " + seq);
        assertThat(snapshotDir().resolve("vec.hnsw")).exists();
        long later = putAll(50, 60);
        waitFor(() -> stats("pos").snapshotSequence() >= later, "a periodic snapshot covering " + later);
    }

    @Test
    void anIndexerWithoutSnapshotsWritesNothing() {
        db = HyperspatialDatabase.open(Database.open(dir, DatabaseOptions.preset(StoragePreset.SMALL)),
                io.hyperspatial.core.index.hnsw.HnswIndex::new, CollectionIndexer::defaultConfig);
        create(db.storage());
        putAll(0, 10);
        caughtUp();
        db.close();
        db = null;
        assertThat(dir.resolve("indexes")).doesNotExist();
    }

    static void waitFor(BooleanSupplier condition, String what) {
        waitFor(Duration.ofSeconds(30), condition, what);
    }

    static void waitFor(Duration timeout, BooleanSupplier condition, String what) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + what);
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted waiting for " + what, e);
            }
        }
    }
}
