package io.hyperspatial.hyperql.source;

import java.util.List;

/**
 * An index to create on a table: ordered by its columns, optionally unique (NULLs never collide).
 *
 * @param name    the index name, unique among the source's indexes
 * @param table   the table it belongs to
 * @param columns the indexed columns, most significant first
 * @param unique  whether two rows may not share a non-NULL key
 */
public record IndexDefinition(String name, String table, List<String> columns, boolean unique) {
    public IndexDefinition {
        columns = List.copyOf(columns);
    }
}
