package io.hyperspatial.hyperql.exec;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The threads that read slices of a scan beside the statement's own thread: one fewer than the
 * processors (at most {@value #MAX_THREADS} in all), daemons, made on first use and shared by every
 * engine in the process. A statement never waits for a slice that no thread has started (its own
 * thread reads whatever is left), so statements sharing the workers cannot deadlock.
 */
final class ScanWorkers {
    /** Threads reading one scan at most, the statement's own included. */
    static final int MAX_THREADS = 8;

    private static volatile ExecutorService pool;
    /** Off in tests that compare a parallel aggregation with one pass over the same rows. */
    static volatile boolean enabled = true;

    private ScanWorkers() {
    }

    /** Threads that read one scan, the statement's own included (1: no parallel scans). */
    static int threads() {
        return !enabled ? 1 : Math.min(MAX_THREADS, Runtime.getRuntime().availableProcessors());
    }

    /** The shared workers ({@link #threads()} − 1 of them); only when {@code threads() > 1}. */
    static ExecutorService pool() {
        ExecutorService p = pool;
        if (p == null) {
            synchronized (ScanWorkers.class) {
                p = pool;
                if (p == null) {
                    p = Executors.newFixedThreadPool(threads() - 1,
                            Thread.ofPlatform().daemon().name("hyperql-scan-", 1).factory());
                    pool = p;
                }
            }
        }
        return p;
    }
}
