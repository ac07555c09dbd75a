package io.hyperspatial.core.query;

import io.hyperspatial.hyperql.error.ErrorCode;
import io.hyperspatial.hyperql.error.HqlExecutionException;
import io.hyperspatial.hyperql.source.AccessPath;
import io.hyperspatial.hyperql.source.AccessRequest;
import io.hyperspatial.hyperql.source.Applied;
import io.hyperspatial.hyperql.source.RowCursor;
import io.hyperspatial.hyperql.source.Table;
import io.hyperspatial.hyperql.source.TableMutation;
import io.hyperspatial.hyperql.source.TableSchema;
import io.hyperspatial.hyperql.source.VectorMetric;
import io.hyperspatial.manifold.ReadView;
import io.hyperspatial.manifold.table.EntityScan;
import io.hyperspatial.manifold.table.PropertyIndexTable;
import io.hyperspatial.manifold.table.RowLookup;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * One entity type read and written as a table of a {@link CollectionDataSource}. Access paths:
 * a unique key lookup on {@code key} (the entity id is computed from the key, no index needed),
 * a key lookup and a range scan on every column with a property index (unique when declared
 * UNIQUE or PRIMARY KEY), and a k-NN scan ({@link NearestRows}) and a radius scan
 * ({@link RowsWithin}) on every vector column. Row ids
 * are entity ids ({@link UUID}). Reads come from the snapshot of the statement running on the
 * calling thread ({@link CollectionDataSource#openStatement()}); immutable, so thread-safe, and its
 * cursors belong to the one statement that opened them.
 */
final class CollectionTable implements Table {
    private final CollectionDataSource source;
    private final TableLayout layout;
    /** {@link TableLayout#primaryKeyColumn()}, computed once. */
    private final int primaryKeyColumn;

    CollectionTable(CollectionDataSource source, TableLayout layout) {
        this.source = source;
        this.layout = layout;
        this.primaryKeyColumn = layout.primaryKeyColumn();
    }

    TableLayout layout() {
        return layout;
    }

    @Override
    public TableSchema schema() {
        return layout.schema();
    }

    @Override
    public long rowCount() {
        return source.rowCount(layout);
    }

    /** A full scan walks the headers of every entity of the collection, whatever its type. */
    @Override
    public long fullScanRows() {
        return source.entityCount();
    }

    @Override
    public List<AccessPath> accessPaths() {
        List<AccessPath> paths = new ArrayList<>();
        for (int i = 0; i < layout.columns().size(); i++) {
            switch (layout.columns().get(i)) {
                case ColumnBinding.Key k -> paths.add(new AccessPath.KeyLookup(i, true));
                case ColumnBinding.Property p when p.index() != null -> {
                    paths.add(new AccessPath.KeyLookup(i, layout.uniqueIndexes().contains(p.index())));
                    paths.add(new AccessPath.RangeScan(i));
                }
                case ColumnBinding.Vector v -> {
                    paths.add(new AccessPath.KnnScan(i, schema().columns().get(i).vector().metric()));
                    paths.add(new AccessPath.RadiusScan(i, schema().columns().get(i).vector().metric()));
                }
                case ColumnBinding.Position p -> {
                    paths.add(new AccessPath.KnnScan(i, VectorMetric.POINCARE));
                    paths.add(new AccessPath.RadiusScan(i, VectorMetric.POINCARE));
                }
                default -> {
                }
            }
        }
        return paths;
    }

    @Override
    public RowCursor open(AccessRequest request) {
        return StorageErrors.translate(() -> {
            ReadView view = source.view();
            RowReader reader = new RowReader(view, layout, request.columns(), source::lookups);
            return switch (request) {
                case AccessRequest.FullScan f -> new ScanCursor(source.closeWithStatement(
                        view.entities().scan(layout.entityType().name())), reader);
                case AccessRequest.Lookup l -> EntityRows.of(lookup(view, l.column(), l.key()), reader);
                case AccessRequest.Lookups l -> EntityRows.of(lookups(view, l), reader);
                case AccessRequest.Range r -> EntityRows.of(view.propertyIndexes().range(index(r.column()),
                        bound(r.lower(), r.lowerInclusive()), bound(r.upper(), r.upperInclusive()), Integer.MAX_VALUE),
                        reader);
                case AccessRequest.Knn k -> new FoundCursor(NearestRows.search(view, layout, k, source.indexer(), reader)
                        .iterator());
                case AccessRequest.Within w -> new FoundCursor(RowsWithin.search(view, layout, w, source.indexer(), reader)
                        .iterator());
            };
        });
    }

    /**
     * The full scan in slices of the entity-id space ({@link ReadView#scanSlice}), each on a native
     * iterator of its own, so other threads may read them; none when a wanted column (a vector, a
     * position) is read by id through the statement's view, which only its thread may use.
     */
    @Override
    public List<RowCursor> openSlices(AccessRequest.FullScan request, int slices) {
        return StorageErrors.translate(() -> {
            ReadView view = source.view();
            if (new RowReader(view, layout, request.columns(), source::lookups).readsById()) {
                return List.of();
            }
            List<RowCursor> cursors = new ArrayList<>(slices);
            for (int i = 0; i < slices; i++) {
                EntityScan scan = source.closeWithStatement(view.scanSlice(layout.entityType().name(), i, slices));
                cursors.add(new ScanCursor(scan, new RowReader(view, layout, request.columns(), source::lookups)));
            }
            return cursors;
        });
    }

    @Override
    public Applied apply(List<TableMutation> mutations) {
        TableWriter writer = new TableWriter(source.collection(), layout);
        Applied applied = writer.apply(mutations, source.durability());
        source.wrote(layout.entityType().name(), writer.rowDelta());
        return applied;
    }

    private List<UUID> lookup(ReadView view, int column, Object value) {
        if (layout.columns().get(column) instanceof ColumnBinding.Key) {
            return value instanceof String key ? List.of(source.collection().ids().forKey(key)) : List.of();
        }
        UUID derived = derivedId(column, value);
        if (derived != null) {
            RowLookup rows = source.lookups();
            byte[] row = rows.read(derived);
            if (holds(row, column, value)) {
                rows.keep(derived, row);
                return List.of(derived);
            }
        }
        return view.propertyIndexes().equal(index(column), SqlTypes.probe(value));
    }

    /**
     * The ids of every key's lookup, each id once, in the order of the keys. On the primary key
     * the derived ids are read first with one batched read; only the keys whose row was not
     * there go through the index.
     */
    private List<UUID> lookups(ReadView view, AccessRequest.Lookups l) {
        List<UUID> derived = new ArrayList<>(l.keys().size());
        for (Object key : l.keys()) {
            derived.add(derivedId(l.column(), key));
        }
        List<UUID> guesses = derived.stream().filter(java.util.Objects::nonNull).toList();
        RowLookup rows = source.lookups();
        List<byte[]> found = guesses.isEmpty() ? List.of() : rows.rowsOf(guesses);
        Set<UUID> ids = new LinkedHashSet<>();
        for (int i = 0, g = 0; i < l.keys().size(); i++) {
            Object key = l.keys().get(i);
            if (derived.get(i) == null) {
                ids.addAll(lookup(view, l.column(), key));
                continue;
            }
            byte[] row = found.get(g++);
            if (!holds(row, l.column(), key)) {
                ids.addAll(view.propertyIndexes().equal(index(l.column()), SqlTypes.probe(key)));
            } else if (ids.add(derived.get(i))) {
                rows.keep(derived.get(i), row);
            }
        }
        return List.copyOf(ids);
    }

    /** The entity id SQL derives for a primary-key value ({@link PrimaryKeys}), or null off the primary key. */
    private UUID derivedId(int column, Object value) {
        if (column != primaryKeyColumn) {
            return null;
        }
        String key = PrimaryKeys.key(layout.entityType().name(), value);
        return key == null ? null : source.collection().ids().forKey(key);
    }

    private boolean holds(byte[] row, int column, Object value) {
        ColumnBinding.Property p = (ColumnBinding.Property) layout.columns().get(column);
        return PrimaryKeys.holds(row, layout.entityType().id(), p.def().id(), SqlTypes.probe(value));
    }

    private String index(int column) {
        if (layout.columns().get(column) instanceof ColumnBinding.Property p && p.index() != null) {
            return p.index();
        }
        throw new HqlExecutionException(ErrorCode.HQL_UNSUPPORTED, "no index on " + layout.columnName(column));
    }

    private static PropertyIndexTable.Bound bound(Object value, boolean inclusive) {
        return value == null ? null : new PropertyIndexTable.Bound(SqlTypes.probe(value), inclusive);
    }

    /** Every row of the table, in id order, read as the scan of its entity headers moves. */
    private static final class ScanCursor implements RowCursor {
        private final EntityScan scan;
        private final RowReader reader;
        private Object[] row;

        ScanCursor(EntityScan scan, RowReader reader) {
            this.scan = scan;
            this.reader = reader;
        }

        @Override
        public boolean next() {
            return StorageErrors.translate(() -> {
                if (!scan.next()) {
                    row = null;
                    return false;
                }
                row = reader.readScanned(scan);
                return true;
            });
        }

        @Override
        public Object[] row() {
            return row;
        }

        @Override
        public Object rowId() {
            return scan.id();
        }

        /** Each row is a new array the reader made for this cursor alone. */
        @Override
        public boolean handsOverRows() {
            return true;
        }
    }

    /** Rows already read by a k-NN search, nearest first. */
    private static final class FoundCursor implements RowCursor {
        private final Iterator<NearestRows.Found> found;
        private NearestRows.Found current;

        FoundCursor(Iterator<NearestRows.Found> found) {
            this.found = found;
        }

        @Override
        public boolean next() {
            if (!found.hasNext()) {
                return false;
            }
            current = found.next();
            return true;
        }

        @Override
        public Object[] row() {
            return current.row();
        }

        @Override
        public Object rowId() {
            return current.id();
        }
    }
}
