package io.hyperspatial.hyperql.source;

import java.util.List;

/**
 * A stored view: a name for a query. The source keeps the query text; the engine parses it on use.
 *
 * @param name        the view name
 * @param columnNames the column names given in CREATE VIEW, empty to use the query's own
 * @param selectText  the SELECT statement text
 */
public record ViewDefinition(String name, List<String> columnNames, String selectText) {
    public ViewDefinition {
        columnNames = List.copyOf(columnNames);
    }
}
