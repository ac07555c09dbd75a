package io.hyperspatial.core.query;

import io.hyperspatial.core.index.maintain.PositionPoints;
import io.hyperspatial.hyperql.source.ColumnSchema;
import io.hyperspatial.hyperql.value.Vector;
import io.hyperspatial.manifold.TableReads;
import io.hyperspatial.manifold.table.EntityScan;
import io.hyperspatial.manifold.table.PropertyRow;
import io.hyperspatial.manifold.table.RowLookup;

import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.IntStream;

/**
 * Reads rows of one table from a consistent view: the entity's stored row (its header and all its
 * properties, one point read through the statement's shared {@link RowLookup}, or the row a header
 * scan is on), decoding only the wanted properties, and each wanted vector or position. Columns
 * the query does not read are left null. Not thread-safe (the view is not); a reader that does not
 * {@linkplain #readsById() read by id} reads a scanned row on the scan's thread alone.
 */
final class RowReader {
    private final TableReads view;
    private final TableLayout layout;
    private final BitSet wanted;
    private final boolean wantsKey;
    /** The row column of each wanted property, by property id; -1 for the others. */
    private final int[] columnOfProperty;
    /** The largest wanted property id: an entity's rows come in property id order, so reading stops there. */
    private final int lastWanted;
    private final boolean readsProperties;
    private final int typeId;
    /** The wanted columns that are not properties (the key, vectors, positions), in column order. */
    private final int[] otherColumns;
    /** Whether a wanted column is read by entity id (a vector or a position). */
    private final boolean readsById;
    private final Supplier<RowLookup> lookups;

    /**
     * @param lookups the row reader that rows read by id share, owned by the statement (see
     *                {@link StatementSnapshot#lookups()})
     */
    RowReader(TableReads view, TableLayout layout, BitSet wanted, Supplier<RowLookup> lookups) {
        this.view = view;
        this.lookups = lookups;
        this.layout = layout;
        this.wanted = wanted;
        List<ColumnBinding> columns = layout.columns();
        int maxId = -1;
        boolean key = false;
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i) instanceof ColumnBinding.Property p) {
                maxId = Math.max(maxId, p.def().id());
            }
            key |= wants(i) && columns.get(i) instanceof ColumnBinding.Key;
        }
        this.wantsKey = key;
        this.columnOfProperty = new int[maxId + 1];
        Arrays.fill(columnOfProperty, -1);
        int last = -1;
        for (int i = 0; i < columns.size(); i++) {
            if (wants(i) && columns.get(i) instanceof ColumnBinding.Property p) {
                columnOfProperty[p.def().id()] = i;
                last = Math.max(last, p.def().id());
            }
        }
        this.lastWanted = last;
        this.readsProperties = last >= 0;
        this.typeId = layout.entityType().id();
        this.otherColumns = IntStream.range(0, columns.size())
                .filter(i -> wants(i) && !(columns.get(i) instanceof ColumnBinding.Property))
                .toArray();
        this.readsById = Arrays.stream(otherColumns).anyMatch(i -> !(columns.get(i) instanceof ColumnBinding.Key));
    }

    /**
     * Whether a row needs reads by entity id through the view (a wanted vector or position), beyond
     * the stored row itself: such a reader may only run on the statement's thread.
     */
    boolean readsById() {
        return readsById;
    }

    /**
     * The entity's row, or null when it does not exist or is of another type: one point read of its
     * stored row, whether it was found by key, through a property index or by a search.
     */
    Object[] read(UUID id) {
        RowLookup lookup = lookups.get();
        return lookup.moveTo(id) ? current(lookup, id) : null;
    }

    /**
     * The rows of {@code ids} in that order, null where {@link #read(UUID)} would give null: one
     * batched point read of their stored rows.
     */
    Object[][] readAll(List<UUID> ids) {
        RowLookup lookup = lookups.get();
        List<byte[]> stored = lookup.rowsOf(ids);
        Object[][] rows = new Object[ids.size()][];
        for (int i = 0; i < rows.length; i++) {
            rows[i] = lookup.moveTo(stored.get(i)) ? current(lookup, ids.get(i)) : null;
        }
        return rows;
    }

    /** The row of the entity {@code lookup} was moved to, or null when it is of another type. */
    private Object[] current(RowLookup lookup, UUID id) {
        return lookup.typeId() == typeId ? row(id, wantsKey ? lookup.header().key() : null, lookup.properties()) : null;
    }

    /**
     * The row of the entity a header scan is on: nothing is read twice, the header decoded only for
     * the key, the entity's id only for its vectors or positions.
     */
    Object[] readScanned(EntityScan scan) {
        return row(readsById ? scan.id() : null, wantsKey ? scan.entity().key().orElse(null) : null, scan.properties());
    }

    private Object[] row(UUID id, String key, PropertyRow properties) {
        List<ColumnBinding> columns = layout.columns();
        List<ColumnSchema> schema = layout.schema().columns();
        Object[] row = new Object[columns.size()];
        if (readsProperties) {
            while (properties.next()) {
                int propertyId = properties.propertyId();
                int column = propertyId < columnOfProperty.length ? columnOfProperty[propertyId] : -1;
                if (column >= 0) {
                    row[column] = properties.holdsInt64() ? (Object) properties.int64()
                            : SqlTypes.toSql(properties.value(), schema.get(column));
                }
                if (propertyId >= lastWanted) {
                    break;
                }
            }
        }
        for (int i : otherColumns) {
            switch (columns.get(i)) {
                case ColumnBinding.Key k -> row[i] = key;
                case ColumnBinding.Vector v -> row[i] = view.vectors().dense(id, v.field()).map(Vector::new).orElse(null);
                case ColumnBinding.Position p -> row[i] = view.positions().get(id, p.kind())
                        .map(x -> ballPoint(p, x)).orElse(null);
                case ColumnBinding.Property p -> {
                }
            }
        }
        return row;
    }

    /**
     * A position as the column shows it: float32 ball coordinates, with the float64 ones beside
     * them, so that hdist far out (where float32 rounds onto the boundary) measures exactly.
     */
    private static Vector ballPoint(ColumnBinding.Position column, double[] hyperboloid) {
        double[] ball = column.models().toPoincare(hyperboloid);
        return new Vector(PositionPoints.toFloatBall(ball, 1.0), ball);
    }

    private boolean wants(int column) {
        return wanted == null || wanted.get(column);
    }
}
