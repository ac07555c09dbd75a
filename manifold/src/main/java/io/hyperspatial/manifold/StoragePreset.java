package io.hyperspatial.manifold;

import java.time.Duration;
import java.util.Locale;

/**
 * Named starting points for {@link DatabaseOptions}. Memory figures are totals for the whole
 * database (all collections share one block cache and one write-buffer budget).
 */
public enum StoragePreset {
    /** A server with a few GiB to spare: 256 MiB block cache, 256 MiB row cache, 128 MiB of memtables. */
    DEFAULT(256L << 20, 256L << 20, 128L << 20, 32L << 20, 2, 10, Duration.ofMinutes(10)),
    /** Tests, laptops, many small collections: 32 MiB block cache, 16 MiB row cache, 16 MiB of memtables. */
    SMALL(32L << 20, 16L << 20, 16L << 20, 4L << 20, 1, 10, Duration.ofMinutes(1)),
    /** A dedicated machine: 4 GiB block cache, 2 GiB row cache, 1 GiB of memtables. */
    LARGE(4L << 30, 2L << 30, 1L << 30, 128L << 20, 4, 10, Duration.ofMinutes(30)),
    /** Mostly reads: larger caches (1 GiB of blocks, 1 GiB of rows), stronger bloom filters, small memtables. */
    READ_HEAVY(1L << 30, 1L << 30, 64L << 20, 16L << 20, 2, 14, Duration.ofMinutes(30)),
    /** Mostly writes and imports: large memtables, more background compaction, no row cache. */
    WRITE_HEAVY(128L << 20, 0, 512L << 20, 128L << 20, 4, 10, Duration.ofMinutes(10));

    final long blockCacheBytes;
    final long rowCacheBytes;
    final long writeBufferBytes;
    final long memtableBytes;
    final int backgroundJobs;
    final int bloomBitsPerKey;
    final Duration idleClose;

    StoragePreset(long blockCacheBytes, long rowCacheBytes, long writeBufferBytes, long memtableBytes, int backgroundJobs,
                  int bloomBitsPerKey, Duration idleClose) {
        this.blockCacheBytes = blockCacheBytes;
        this.rowCacheBytes = rowCacheBytes;
        this.writeBufferBytes = writeBufferBytes;
        this.memtableBytes = memtableBytes;
        this.backgroundJobs = backgroundJobs;
        this.bloomBitsPerKey = bloomBitsPerKey;
        this.idleClose = idleClose;
    }

    public static StoragePreset parse(String name) {
        try {
            return valueOf(name.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown storage preset '" + name
                    + "'; expected default, small, large, read-heavy or write-heavy", e);
        }
    }
}
