package io.hyperspatial.hyperql.source;

import java.util.List;

/**
 * An index on a table: ordered by its columns, optionally unique (NULLs never collide).
 *
 * @param name    the index name, unique among the source's indexes
 * @param table   the table it belongs to
 * @param columns the indexed columns, most significant first
 * @param unique  whether two rows may not share a non-NULL key
 * @param implied whether the table's PRIMARY KEY or a UNIQUE constraint made it (then only
 *                dropping the table drops it, as in SQLite), rather than CREATE INDEX
 */
public record IndexDefinition(String name, String table, List<String> columns, boolean unique, boolean implied) {
    public IndexDefinition {
        columns = List.copyOf(columns);
    }

    /** An index made by CREATE INDEX. */
    public IndexDefinition(String name, String table, List<String> columns, boolean unique) {
        this(name, table, columns, unique, false);
    }
}
