package io.hyperspatial.manifold;

/**
 * When a write is acknowledged relative to its fsync. Every write goes to the write-ahead log
 * before it is acknowledged, so all three survive the process being killed; they differ in what
 * survives the machine losing power.
 */
public enum Durability {
    /** fsync before acknowledging. Concurrent strict writers share one fsync (group commit). Default. */
    STRICT,
    /** Acknowledged once in the OS; a background task fsyncs the WAL at most every batch-sync interval. */
    BATCH,
    /** Acknowledged once in the OS; fsync is left to the OS and RocksDB's own flushes. */
    ASYNC
}
