package io.hyperspatial.core.query;

import io.hyperspatial.hyperql.error.ErrorCode;
import io.hyperspatial.hyperql.error.HqlExecutionException;
import io.hyperspatial.hyperql.source.Applied;
import io.hyperspatial.hyperql.source.ColumnSchema;
import io.hyperspatial.hyperql.source.RowIds;
import io.hyperspatial.hyperql.source.TableMutation;
import io.hyperspatial.hyperql.value.Vector;
import io.hyperspatial.manifold.Collection;
import io.hyperspatial.manifold.Transaction;
import io.hyperspatial.manifold.schema.PropertyDef;
import io.hyperspatial.manifold.table.Entity;
import io.hyperspatial.manifold.value.Value;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Applies one statement's mutations of a table as one manifold transaction: all of them commit
 * together, or (on a violated constraint, a value the storage cannot hold, a failure) none does.
 * Rows are entities: an insert creates the entity of its {@code key} (a random UUID text when the
 * key is NULL), an update patches every property and vector (NULL removes), a delete deletes the
 * entity. Keys are unique across the whole collection, since they name entities; an insert whose
 * key names an entity of another type fails whatever its conflict policy. Stateless apart from
 * the bookkeeping of the apply in progress: not thread-safe.
 */
final class TableWriter {
    private final Collection collection;
    private final TableLayout layout;
    /** {@link TableLayout#primaryKeyColumn()}: the column the keys of inserted rows derive from, or -1. */
    private final int primaryKeyColumn;
    /** Entities this apply created (true) or deleted (false): headers reach the store only at commit. */
    private final Map<UUID, Boolean> touched = new java.util.HashMap<>();
    private long inserted;
    private long deleted;
    /** The value the next NULL {@code INTEGER PRIMARY KEY} gets, once read in this apply; null: read it again. */
    private Long nextRowId;

    TableWriter(Collection collection, TableLayout layout) {
        this.collection = collection;
        this.layout = layout;
        this.primaryKeyColumn = layout.primaryKeyColumn();
    }

    /**
     * Applies the mutations; returns the rows changed and the last row inserted. {@link #rowDelta()}
     * tells how the row count moved.
     */
    Applied apply(List<TableMutation> mutations, io.hyperspatial.manifold.Durability durability) {
        long[] changed = new long[1];
        Object[][] lastInserted = new Object[1][];
        StorageErrors.run(() -> collection.write(durability, tx -> {
            changed[0] = 0;
            lastInserted[0] = null;
            touched.clear();
            inserted = 0;
            deleted = 0;
            nextRowId = null;
            for (TableMutation m : mutations) {
                changed[0] += switch (m) {
                    // a copy: a conflict runs this work again, and a filled-in key must be chosen again
                    case TableMutation.Insert i -> {
                        Object[] row = i.row().clone();
                        long n = insert(tx, row, i.onConflict());
                        lastInserted[0] = n > 0 ? row : lastInserted[0];
                        yield n;
                    }
                    case TableMutation.Update u -> update(tx, (UUID) u.rowId(), u.row(), u.onConflict());
                    case TableMutation.Delete d -> delete(tx, (UUID) d.rowId());
                };
            }
        }));
        return new Applied(changed[0], lastInserted[0]);
    }

    /** Rows inserted minus rows deleted by the last {@link #apply}. */
    long rowDelta() {
        return inserted - deleted;
    }

    private long insert(Transaction tx, Object[] row, TableMutation.OnConflict onConflict) {
        int keyColumn = layout.keyColumn();
        fillRowId(tx, row);
        // The column a clash on the key is reported against: the primary key when the key derives from it.
        int clashColumn = keyColumn;
        if (row[keyColumn] == null) {
            String derived = derivedKey(tx, row);
            clashColumn = derived == null ? keyColumn : primaryKeyColumn;
            row[keyColumn] = derived == null ? UUID.randomUUID().toString() : derived;
        }
        if (!(row[keyColumn] instanceof String key)) {
            throw new HqlExecutionException(ErrorCode.HQL_TYPE_MISMATCH, "column " + layout.columnName(keyColumn)
                    + " holds entity keys, which are text");
        }
        checkNotNull(row);
        UUID id = collection.ids().forKey(key);
        Optional<String> existing = typeOf(tx, id);
        if (existing.isPresent()) {
            if (!existing.get().equals(layout.entityType().name())) {
                throw new HqlExecutionException(ErrorCode.HQL_CONSTRAINT, "UNIQUE constraint failed: "
                        + layout.columnName(keyColumn) + " ('" + key + "' is the key of a " + existing.get() + ")");
            }
            switch (onConflict) {
                case IGNORE -> {
                    return 0;
                }
                case REPLACE -> delete(tx, id);
                case ABORT -> throw uniqueFailed(clashColumn);
            }
        }
        Map<String, Value> properties = properties(row);
        if (!resolveUniqueConflicts(tx, properties, id, onConflict)) {
            return 0;
        }
        tx.upsertEntity(key, layout.entityType().name());
        properties.values().removeIf(v -> v instanceof Value.NullValue);
        tx.patchProperties(id, properties);
        writeVectors(tx, id, row, false);
        touched.put(id, true);
        inserted++;
        int rowIdColumn = rowIdColumn();
        if (rowIdColumn >= 0 && nextRowId != null && row[rowIdColumn] instanceof Long v && v >= nextRowId) {
            nextRowId = RowIds.next(v, layout.schema().name());
        }
        return 1;
    }

    /**
     * Fills a NULL {@code INTEGER PRIMARY KEY} in with SQLite's rule ({@link RowIds}): one more than
     * the largest value the table holds as this transaction sees it. The unique-key claim taken for
     * the value ({@link #resolveUniqueConflicts}) makes a concurrent statement that picked the
     * same value conflict and run again.
     */
    private void fillRowId(Transaction tx, Object[] row) {
        int column = rowIdColumn();
        if (column < 0 || row[column] != null) {
            return;
        }
        if (nextRowId == null) {
            String index = ((ColumnBinding.Property) layout.columns().get(column)).index();
            nextRowId = RowIds.next(UniqueKeys.largestInteger(tx, index), layout.schema().name());
        }
        row[column] = nextRowId;
    }

    /**
     * The key {@link PrimaryKeys} derives from the row's primary key, or null (random key) when the
     * table has none to derive from, the value is NULL or not integer or text, or an entity of
     * this type already holds that key with another primary-key value (an UPDATE changed it).
     */
    private String derivedKey(Transaction tx, Object[] row) {
        if (primaryKeyColumn < 0) {
            return null;
        }
        String key = PrimaryKeys.key(layout.entityType().name(), row[primaryKeyColumn]);
        if (key == null) {
            return null;
        }
        UUID id = collection.ids().forKey(key);
        Optional<Entity> holder = tx.entities().get(id);
        if (holder.isEmpty()) {
            return key;
        }
        PropertyDef def = ((ColumnBinding.Property) layout.columns().get(primaryKeyColumn)).def();
        Value wanted = SqlTypes.probe(row[primaryKeyColumn]);
        boolean same = holder.get().type().equals(layout.entityType().name())
                && tx.properties().get(id, def).map(wanted::equals).orElse(false);
        return same ? key : null;
    }

    /** The position of the table's {@code INTEGER PRIMARY KEY} column when it is indexed, or -1. */
    private int rowIdColumn() {
        if (!layout.schema().hasIntegerPrimaryKey()) {
            return -1;
        }
        int column = layout.schema().indexOf(layout.schema().primaryKey().getFirst());
        return layout.columns().get(column) instanceof ColumnBinding.Property p && p.index() != null ? column : -1;
    }

    /**
     * Writes an updated row (0 when an earlier change of the statement deleted it, or when it
     * collides on a unique column under OR IGNORE; under OR REPLACE the rows it collides with go).
     */
    private long update(Transaction tx, UUID id, Object[] row, TableMutation.OnConflict onConflict) {
        Optional<Entity> existing = tx.entities().get(id);
        if (existing.isEmpty() || Boolean.FALSE.equals(touched.get(id))) {
            return 0;
        }
        int keyColumn = layout.keyColumn();
        if (!java.util.Objects.equals(existing.get().key().orElse(null), row[keyColumn])) {
            throw new HqlExecutionException(ErrorCode.HQL_UNSUPPORTED, "column " + layout.columnName(keyColumn)
                    + " is the entity key and cannot be updated; insert a new row and delete the old one");
        }
        checkNotNull(row);
        nextRowId = null;
        Map<String, Value> properties = properties(row);
        if (!resolveUniqueConflicts(tx, properties, id, onConflict)) {
            return 0;
        }
        tx.patchProperties(id, properties);
        writeVectors(tx, id, row, true);
        return 1;
    }

    private long delete(Transaction tx, UUID id) {
        if (tx.deleteEntity(id)) {
            nextRowId = null;
            touched.put(id, false);
            deleted++;
            return 1;
        }
        return 0;
    }

    /** The type of the entity as this transaction left it, if it exists. */
    private Optional<String> typeOf(Transaction tx, UUID id) {
        Boolean created = touched.get(id);
        if (created != null) {
            return created ? Optional.of(layout.entityType().name()) : Optional.empty();
        }
        return tx.entities().get(id).map(Entity::type);
    }

    /**
     * Checks the unique indexes; under REPLACE deletes the rows in the way. Returns false when
     * an IGNORE insert must be skipped.
     */
    private boolean resolveUniqueConflicts(Transaction tx, Map<String, Value> properties, UUID self,
                                           TableMutation.OnConflict onConflict) {
        for (int i = 0; i < layout.columns().size(); i++) {
            if (!(layout.columns().get(i) instanceof ColumnBinding.Property p) || p.index() == null
                    || !layout.uniqueIndexes().contains(p.index())) {
                continue;
            }
            Value value = properties.get(p.def().name());
            UniqueKeys.claim(tx, p.index(), value);
            UUID other;
            while (!(value instanceof Value.NullValue) && (other = UniqueKeys.holder(tx, p.index(), value, self)) != null) {
                switch (onConflict) {
                    case IGNORE -> {
                        return false;
                    }
                    case REPLACE -> delete(tx, other);
                    case ABORT -> throw uniqueFailed(i);
                }
            }
        }
        return true;
    }

    /** Every property column's value as stored (NULL included, to remove it). */
    private Map<String, Value> properties(Object[] row) {
        Map<String, Value> out = new LinkedHashMap<>();
        for (int i = 0; i < row.length; i++) {
            if (layout.columns().get(i) instanceof ColumnBinding.Property p) {
                out.put(p.def().name(), SqlTypes.toStorage(row[i], p.def().type(), layout.columnName(i)));
            }
        }
        return out;
    }

    private void writeVectors(Transaction tx, UUID id, Object[] row, boolean removeNulls) {
        for (int i = 0; i < row.length; i++) {
            if (layout.columns().get(i) instanceof ColumnBinding.Vector v) {
                if (row[i] instanceof Vector vector) {
                    tx.setVector(id, v.field(), vector.components());
                } else if (row[i] == null && removeNulls) {
                    tx.removeVector(id, v.field());
                }
            }
        }
    }

    private void checkNotNull(Object[] row) {
        List<ColumnSchema> columns = layout.schema().columns();
        for (int i = 0; i < columns.size(); i++) {
            if (row[i] == null && columns.get(i).notNull()) {
                throw new HqlExecutionException(ErrorCode.HQL_CONSTRAINT, "NOT NULL constraint failed: " + layout.columnName(i));
            }
        }
    }

    private HqlExecutionException uniqueFailed(int column) {
        return new HqlExecutionException(ErrorCode.HQL_CONSTRAINT, "UNIQUE constraint failed: " + layout.columnName(column));
    }
}
