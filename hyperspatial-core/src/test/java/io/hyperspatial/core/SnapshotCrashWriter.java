package io.hyperspatial.core;

import io.hyperspatial.core.index.maintain.CollectionIndexer;
import io.hyperspatial.core.index.maintain.SnapshotPolicy;
import io.hyperspatial.manifold.Collection;
import io.hyperspatial.manifold.Database;
import io.hyperspatial.manifold.DatabaseOptions;
import io.hyperspatial.manifold.StoragePreset;

import java.time.Duration;

/**
 * The child process of {@link IndexKillRestartTest}: indexes {@code BASE} points, writes one
 * snapshot and prints {@code SNAPSHOT seq}, then writes more points with strict durability,
 * printing {@code ACK i seq} after each commit, until it is killed (or its time runs out). It never
 * closes the database, so no snapshot is written at shutdown.
 */
public final class SnapshotCrashWriter {
    static final int BASE = 300;

    private SnapshotCrashWriter() {
    }

    public static void main(String[] args) {
        long deadline = System.currentTimeMillis() + Long.parseLong(args[1]);
        HyperspatialDatabase db = HyperspatialDatabase.open(
                Database.open(java.nio.file.Path.of(args[0]), DatabaseOptions.preset(StoragePreset.SMALL)),
                CollectionIndexer::defaultConfig, SnapshotPolicy.AT_SHUTDOWN);
        Collection c = IndexRestartTest.create(db.storage());
        long seq = 0;
        for (int i = 0; i < BASE; i++) {
            seq = IndexRestartTest.put(c, i);
        }
        CollectionIndexer indexer = db.indexer(IndexRestartTest.COLLECTION);
        if (!indexer.awaitApplied(seq, Duration.ofSeconds(60))) {
            throw new IllegalStateException("the indexer did not catch up");
        }
        System.out.println("SNAPSHOT " + indexer.snapshot());
        System.out.flush();
        for (int i = BASE; System.currentTimeMillis() < deadline; i++) {
            long s = IndexRestartTest.put(c, i);
            System.out.println("ACK " + i + " " + s);
            System.out.flush();
        }
        Runtime.getRuntime().halt(3);
    }
}
