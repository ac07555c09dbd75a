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

    CollectionTable(CollectionDataSource source, TableLayout layout) {
        this.source = source;
        this.layout = layout;
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

    @Override
    public Applied apply(List<TableMutation> mutations) {
        TableWriter writer = new TableWriter(source.collection(), layout);
        Applied applied = writer.apply(mutations, source.durability());
        source.wrote(schema().name(), writer.rowDelta());
        return applied;
    }

    private List<UUID> lookup(ReadView view, int column, Object value) {
        if (layout.columns().get(column) instanceof ColumnBinding.Key) {
            return value instanceof String key ? List.of(source.collection().ids().forKey(key)) : List.of();
        }
        return view.propertyIndexes().equal(index(column), SqlTypes.probe(value));
    }

    /** The ids of every key's lookup, each id once, in the order of the keys. */
    private List<UUID> lookups(ReadView view, AccessRequest.Lookups l) {
        Set<UUID> ids = new LinkedHashSet<>();
        for (Object key : l.keys()) {
            ids.addAll(lookup(view, l.column(), key));
        }
        return List.copyOf(ids);
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
