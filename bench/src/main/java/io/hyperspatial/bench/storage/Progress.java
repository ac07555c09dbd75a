package io.hyperspatial.bench.storage;

import java.util.Locale;

/** Progress lines on stderr, stamped with seconds since the run started (stdout carries the report). Thread-safe. */
final class Progress {
    private static final long START = System.nanoTime();

    private Progress() {
    }

    static void log(String format, Object... args) {
        double seconds = (System.nanoTime() - START) / 1e9;
        System.err.printf(Locale.ROOT, "[storage-bench %7.1fs] %s%n", seconds, String.format(Locale.ROOT, format, args));
    }
}
