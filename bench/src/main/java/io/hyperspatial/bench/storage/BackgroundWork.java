package io.hyperspatial.bench.storage;

import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * Waits for a RocksDB instance's flushes and compactions to finish, so one system's leftover
 * background work does not steal the (few) cores from the next measurement. Stateless.
 */
final class BackgroundWork {
    private static final long POLL_MILLIS = 50;
    private static final long LIMIT_NANOS = 600L * 1_000_000_000L;

    private BackgroundWork() {
    }

    /** Blocks until nothing runs or is pending (or ten minutes pass); returns the nanoseconds waited. */
    static long await(RocksDB db, List<ColumnFamilyHandle> families) {
        long start = System.nanoTime();
        try {
            while (busy(db, families) && System.nanoTime() - start < LIMIT_NANOS) {
                Thread.sleep(POLL_MILLIS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RocksDBException e) {
            throw new IllegalStateException("cannot read RocksDB properties: " + e.getMessage(), e);
        }
        return System.nanoTime() - start;
    }

    private static boolean busy(RocksDB db, List<ColumnFamilyHandle> families) throws RocksDBException {
        if (db.getLongProperty("rocksdb.num-running-compactions") > 0
                || db.getLongProperty("rocksdb.num-running-flushes") > 0) {
            return true;
        }
        for (ColumnFamilyHandle f : families) {
            if (db.getLongProperty(f, "rocksdb.compaction-pending") > 0
                    || db.getLongProperty(f, "rocksdb.mem-table-flush-pending") > 0) {
                return true;
            }
        }
        return false;
    }

    /** Total size of the regular files under {@code dir}. */
    static long directorySize(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).mapToLong(p -> {
                try {
                    return Files.size(p);
                } catch (IOException e) {
                    return 0;
                }
            }).sum();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
