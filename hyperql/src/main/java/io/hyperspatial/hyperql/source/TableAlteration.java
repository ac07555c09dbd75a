package io.hyperspatial.hyperql.source;

/**
 * A change to an existing table made by {@code ALTER TABLE ... RENAME} or {@code DROP COLUMN},
 * checked by the engine before the source applies it: the names exist, the new ones are free, and
 * nothing the source keeps in the catalog (indexes, views, triggers, CHECK constraints) would be
 * left naming what is gone. {@code after} is the table's schema once the change is made (with
 * renamed keys and rewritten CHECK constraints); the source applies the change whole or not at all.
 */
public sealed interface TableAlteration {
    /** The table as named now. */
    String table();

    /** The table's schema after the change. */
    TableSchema after();

    /** {@code RENAME TO}: the table, its indexes and its triggers now go by {@code after().name()}. */
    record RenameTable(String table, TableSchema after) implements TableAlteration {
    }

    /** {@code RENAME COLUMN}: the column at {@code index} is now {@code after().columns().get(index)}. */
    record RenameColumn(String table, int index, TableSchema after) implements TableAlteration {
    }

    /**
     * {@code DROP COLUMN}: the column at {@code index} is gone with its values (no key, index or
     * CHECK constraint of the table's uses it any more).
     */
    record DropColumn(String table, int index, TableSchema after) implements TableAlteration {
    }
}
