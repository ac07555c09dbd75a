package io.hyperspatial.core.imports;

import java.util.Locale;

/** What an import does with a bad row. */
public enum OnError {
    /** Stop at the first bad row; nothing of its batch is written (see {@link Importer}). */
    FAIL,
    /** Leave the row out, list it in the report, and import the rest. */
    SKIP;

    /** {@code fail} or {@code skip}, case-insensitive. */
    public static OnError parse(String s) {
        try {
            return valueOf(s.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("on-error must be fail or skip, got '" + s + "'", e);
        }
    }
}
