package io.hyperspatial.core.imports;

import java.util.Locale;

/** The shapes of input an import reads. */
public enum ImportFormat {
    /** JSON Lines: one object per line; without a mapping, the export format. */
    JSONL,
    /** One JSON array of objects. */
    JSON,
    /** Comma-separated values with a header row naming the columns (RFC 4180 quoting). */
    CSV;

    /** {@code jsonl}, {@code json} or {@code csv}, case-insensitive. */
    public static ImportFormat parse(String s) {
        try {
            return valueOf(s.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("format must be jsonl, json or csv, got '" + s + "'", e);
        }
    }
}
