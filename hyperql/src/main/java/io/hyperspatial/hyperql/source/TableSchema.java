package io.hyperspatial.hyperql.source;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The shape of a table: its columns in order and its keys.
 *
 * @param name       the table name as declared
 * @param columns    the columns in declaration order
 * @param primaryKey the primary key columns, empty when there is none
 * @param uniqueKeys further UNIQUE column lists
 * @param checks     the CHECK constraints (expressions over this table's columns); a row is
 *                   rejected when one of them is false (NULL passes)
 * @param uniqueOnTable the columns (lower-case) whose one-column UNIQUE key was declared only as a
 *                   table constraint {@code UNIQUE (c)}, not on the column itself: SQLite words the
 *                   refusal to drop such a column differently; empty when not known
 */
public record TableSchema(String name, List<ColumnSchema> columns, List<String> primaryKey, List<List<String>> uniqueKeys,
                          List<CheckConstraint> checks, Set<String> uniqueOnTable) {
    public TableSchema {
        columns = List.copyOf(columns);
        primaryKey = List.copyOf(primaryKey);
        uniqueKeys = List.copyOf(uniqueKeys);
        checks = List.copyOf(checks);
        uniqueOnTable = uniqueOnTable.stream().map(c -> c.toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
    }

    /** A table whose one-column UNIQUE keys are all taken as declared on their columns. */
    public TableSchema(String name, List<ColumnSchema> columns, List<String> primaryKey, List<List<String>> uniqueKeys,
                       List<CheckConstraint> checks) {
        this(name, columns, primaryKey, uniqueKeys, checks, Set.of());
    }

    /** A table without CHECK constraints. */
    public TableSchema(String name, List<ColumnSchema> columns, List<String> primaryKey, List<List<String>> uniqueKeys) {
        this(name, columns, primaryKey, uniqueKeys, List.of());
    }

    /** The same table with other columns (keys and CHECK constraints unchanged). */
    public TableSchema withColumns(List<ColumnSchema> next) {
        return new TableSchema(name, next, primaryKey, uniqueKeys, checks, uniqueOnTable);
    }

    /** Whether the column's only one-column UNIQUE key was declared as a table constraint. */
    public boolean uniqueOnTable(String column) {
        return uniqueOnTable.contains(column.toLowerCase(Locale.ROOT));
    }

    /** The position of a column (names compare case-insensitively), or -1. */
    public int indexOf(String column) {
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).name().equalsIgnoreCase(column)) {
                return i;
            }
        }
        return -1;
    }

    /** True when the single primary key column is declared exactly {@code INTEGER}: SQLite's rowid alias, filled in when NULL. */
    public boolean hasIntegerPrimaryKey() {
        if (primaryKey.size() != 1) {
            return false;
        }
        ColumnSchema c = columns.get(indexOf(primaryKey.get(0)));
        return c.declaredType().strip().toUpperCase(Locale.ROOT).equals("INTEGER");
    }
}
