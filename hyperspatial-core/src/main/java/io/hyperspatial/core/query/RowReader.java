package io.hyperspatial.core.query;

import io.hyperspatial.hyperql.source.ColumnSchema;
import io.hyperspatial.hyperql.value.Vector;
import io.hyperspatial.manifold.TableReads;
import io.hyperspatial.manifold.table.Entity;
import io.hyperspatial.manifold.value.Value;

import java.util.BitSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Reads rows of one table from a consistent view: the entity header (type check and key), its
 * properties in one prefix scan when any property column is wanted, and each wanted vector.
 * Columns the query does not read are left null. Not thread-safe (the view is not).
 */
final class RowReader {
    private final TableReads view;
    private final TableLayout layout;
    private final BitSet wanted;
    private final boolean readsProperties;

    RowReader(TableReads view, TableLayout layout, BitSet wanted) {
        this.view = view;
        this.layout = layout;
        this.wanted = wanted;
        boolean properties = false;
        List<ColumnBinding> columns = layout.columns();
        for (int i = 0; i < columns.size(); i++) {
            properties |= wants(i) && columns.get(i) instanceof ColumnBinding.Property;
        }
        this.readsProperties = properties;
    }

    /** The entity's row, or null when it does not exist or is of another type. */
    Object[] read(UUID id) {
        Optional<Entity> entity = view.entities().get(id);
        if (entity.isEmpty() || !entity.get().type().equals(layout.entityType().name())) {
            return null;
        }
        Map<String, Value> properties = readsProperties ? view.properties().all(id) : Map.of();
        List<ColumnBinding> columns = layout.columns();
        List<ColumnSchema> schema = layout.schema().columns();
        Object[] row = new Object[columns.size()];
        for (int i = 0; i < row.length; i++) {
            if (!wants(i)) {
                continue;
            }
            row[i] = switch (columns.get(i)) {
                case ColumnBinding.Key k -> entity.get().key().orElse(null);
                case ColumnBinding.Property p -> SqlTypes.toSql(properties.getOrDefault(p.def().name(), Value.NULL),
                        schema.get(i));
                case ColumnBinding.Vector v -> view.vectors().dense(id, v.field()).map(Vector::new).orElse(null);
            };
        }
        return row;
    }

    private boolean wants(int column) {
        return wanted == null || wanted.get(column);
    }
}
