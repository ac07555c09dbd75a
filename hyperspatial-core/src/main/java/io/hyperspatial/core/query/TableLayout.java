package io.hyperspatial.core.query;

import io.hyperspatial.core.index.maintain.CollectionIndexer;
import io.hyperspatial.hyperql.source.TableSchema;
import io.hyperspatial.manifold.schema.EntityType;

import java.util.List;
import java.util.Set;

/**
 * A SQL table as it maps onto one entity type: the schema the engine sees and, column by column,
 * where the values live. Immutable; rebuilt whenever the collection's schema or the SQL catalog
 * changes.
 *
 * @param schema        the table as HyperQL sees it
 * @param entityType    the entity type holding its rows
 * @param columns       one binding per schema column, in order
 * @param uniqueIndexes the property indexes whose values must be unique
 */
record TableLayout(TableSchema schema, EntityType entityType, List<ColumnBinding> columns, Set<String> uniqueIndexes) {
    TableLayout {
        columns = List.copyOf(columns);
        uniqueIndexes = Set.copyOf(uniqueIndexes);
    }

    /** The position of the key column, or -1. */
    int keyColumn() {
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i) instanceof ColumnBinding.Key) {
                return i;
            }
        }
        return -1;
    }

    /**
     * The position of the table's one-column primary key when it is a property with a unique
     * index, whose rows' keys SQL derives from it ({@link PrimaryKeys}); -1 otherwise.
     */
    int primaryKeyColumn() {
        if (schema.primaryKey().size() != 1) {
            return -1;
        }
        int column = schema.indexOf(schema.primaryKey().getFirst());
        return column >= 0 && columns.get(column) instanceof ColumnBinding.Property p && p.index() != null
                && uniqueIndexes.contains(p.index()) ? column : -1;
    }

    /** The name of the collection's vector index that serves a vector column's k-NN and radius scans. */
    String indexName(int column) {
        return switch (columns.get(column)) {
            case ColumnBinding.Vector v -> v.field();
            case ColumnBinding.Position p -> CollectionIndexer.positionIndexName(p.kind());
            default -> throw new IllegalArgumentException("column " + columnName(column) + " has no vector index");
        };
    }

    /** Whether a column shows an entity's position (its index re-ranks in float64) rather than a stored vector. */
    boolean positional(int column) {
        return columns.get(column) instanceof ColumnBinding.Position;
    }

    /** The qualified name of a column, for messages. */
    String columnName(int column) {
        return schema.name() + "." + schema.columns().get(column).name();
    }
}
