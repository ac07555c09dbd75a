package io.hyperspatial.hyperql.source.memory;

import io.hyperspatial.hyperql.error.ErrorCode;
import io.hyperspatial.hyperql.error.HqlExecutionException;
import io.hyperspatial.hyperql.exec.SmallestK;
import io.hyperspatial.hyperql.source.AccessPath;
import io.hyperspatial.hyperql.source.AccessRequest;
import io.hyperspatial.hyperql.source.Applied;
import io.hyperspatial.hyperql.source.ColumnSchema;
import io.hyperspatial.hyperql.source.IndexDefinition;
import io.hyperspatial.hyperql.source.RowCursor;
import io.hyperspatial.hyperql.source.RowIds;
import io.hyperspatial.hyperql.source.Table;
import io.hyperspatial.hyperql.source.TableMutation;
import io.hyperspatial.hyperql.source.TableSchema;
import io.hyperspatial.hyperql.source.VectorMetric;
import io.hyperspatial.hyperql.value.Vector;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/**
 * A table held in memory: rows in an array list indexed by row id (a deleted row leaves a hole),
 * plus {@link MemoryIndex}es for the primary key, UNIQUE constraints and CREATE INDEX. A table
 * without an INTEGER PRIMARY KEY {@linkplain #keepsRowid() keeps SQLite's rowid}: each stored row
 * has it after the columns, and a unique index that no listing shows serves it. Offers key
 * lookup and range scan on the leading column of every index (the rowid's included), a full scan in
 * SQLite's order (rowid order: the INTEGER PRIMARY KEY's, else the hidden rowid's, which is
 * insertion order until a row is given a smaller rowid than the largest), and an exact k-NN scan and radius
 * scan on every vector column (all distances computed, the k smallest, or those within the radius, kept). Enforces NOT NULL and uniqueness;
 * a list of mutations that violates them is rolled back entirely. Not thread-safe, except that
 * the cursors of {@link #openSlices} may be read on other threads while nothing writes.
 */
public final class InMemoryTable implements Table {
    private TableSchema schema;
    private final List<Object[]> rows = new ArrayList<>();
    private final List<MemoryIndex> indexes = new ArrayList<>();
    private int integerKey;
    /** The index of the hidden rowid, also in {@link #indexes}; null when the table has an INTEGER PRIMARY KEY. */
    private MemoryIndex rowidIndex;
    /** Whether the slots of live rows are in rowid order, so a full scan can walk the slots. */
    private boolean slotsInRowidOrder = true;
    private long liveRows;
    /** The undo steps of the source's open {@link io.hyperspatial.hyperql.source.Savepoint}, newest first; null when none is open. */
    private Deque<Runnable> journal;

    InMemoryTable(TableSchema schema) {
        this.schema = schema;
        this.integerKey = integerKey(schema);
        if (integerKey < 0) {
            rowidIndex = rowidIndex();
            indexes.add(rowidIndex);
        }
    }

    /** An empty index of the hidden rowid, which is stored after the current columns. */
    private MemoryIndex rowidIndex() {
        return new MemoryIndex(new IndexDefinition("rowid", schema.name(), List.of("rowid"), true, true),
                new int[] {schema.columns().size()});
    }

    /** Rebuilds the rowid's index over the rows as they are now (after the columns changed). */
    private void reindexRowid() {
        indexes.remove(rowidIndex);
        rowidIndex = rowidIndex();
        addIndex(rowidIndex);
    }

    private static int integerKey(TableSchema schema) {
        return schema.hasIntegerPrimaryKey() ? schema.indexOf(schema.primaryKey().get(0)) : -1;
    }

    @Override
    public TableSchema schema() {
        return schema;
    }

    /** True when the table has no INTEGER PRIMARY KEY: its rows then carry a hidden rowid. */
    @Override
    public boolean keepsRowid() {
        return rowidIndex != null;
    }

    @Override
    public long rowCount() {
        return liveRows;
    }

    @Override
    public List<AccessPath> accessPaths() {
        List<AccessPath> paths = new ArrayList<>();
        for (MemoryIndex index : indexes) {
            boolean unique = index.definition().unique() && index.definition().columns().size() == 1;
            paths.add(new AccessPath.KeyLookup(index.leadingColumn(), unique));
            paths.add(new AccessPath.RangeScan(index.leadingColumn()));
        }
        List<ColumnSchema> columns = schema.columns();
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).vector() != null) {
                paths.add(new AccessPath.KnnScan(i, columns.get(i).vector().metric()));
                paths.add(new AccessPath.RadiusScan(i, columns.get(i).vector().metric()));
            }
        }
        return paths;
    }

    @Override
    public RowCursor open(AccessRequest request) {
        return switch (request) {
            case AccessRequest.FullScan f -> new IdCursor(integerKey >= 0 ? keyOrder(index(integerKey))
                    : slotsInRowidOrder ? new LiveIds() : keyOrder(rowidIndex));
            case AccessRequest.Lookup l -> new IdCursor(List.copyOf(index(l.column()).lookup(l.key())).iterator());
            case AccessRequest.Lookups l -> {
                java.util.Set<Long> ids = new java.util.LinkedHashSet<>();
                for (Object key : l.keys()) {
                    ids.addAll(index(l.column()).lookup(key));
                }
                yield new IdCursor(List.copyOf(ids).iterator());
            }
            case AccessRequest.Range r -> {
                List<Long> ids = new ArrayList<>();
                for (java.util.Set<Long> bucket : index(r.column())
                        .range(r.lower(), r.lowerInclusive(), r.upper(), r.upperInclusive()).values()) {
                    ids.addAll(bucket);
                }
                yield new IdCursor(ids.iterator());
            }
            case AccessRequest.Knn k -> new IdCursor(nearest(k.column(), k.query(), k.metric(), Double.POSITIVE_INFINITY,
                    k.k(), k.filter()).iterator());
            case AccessRequest.Within w -> new IdCursor(nearest(w.column(), w.query(), w.metric(), w.radius(), w.limit(),
                    w.filter()).iterator());
        };
    }

    /**
     * The full scan's row ids, listed now, in {@code slices} consecutive runs. Other threads may
     * read the cursors while nothing writes to the table, which holds while the statement that
     * opened them runs.
     */
    @Override
    public List<RowCursor> openSlices(AccessRequest.FullScan request, int slices) {
        IdCursor scan = (IdCursor) open(request);
        List<Long> ids = new ArrayList<>();
        scan.ids.forEachRemaining(ids::add);
        List<RowCursor> cursors = new ArrayList<>(slices);
        for (int i = 0; i < slices; i++) {
            cursors.add(new IdCursor(ids.subList((int) ((long) ids.size() * i / slices),
                    (int) ((long) ids.size() * (i + 1) / slices)).iterator()));
        }
        return cursors;
    }

    @Override
    public Applied apply(List<TableMutation> mutations) {
        Deque<Runnable> undo = new ArrayDeque<>();
        long changed = 0;
        Object[] lastInserted = null;
        try {
            for (TableMutation m : mutations) {
                changed += switch (m) {
                    case TableMutation.Insert i -> {
                        Object[] row = stored(i.row(), null);
                        long inserted = insert(row, i.onConflict(), undo);
                        lastInserted = inserted > 0 ? row : lastInserted;
                        yield inserted;
                    }
                    case TableMutation.Update u -> update((Long) u.rowId(), u.row(), u.onConflict(), undo);
                    case TableMutation.Delete d -> delete((Long) d.rowId(), undo) ? 1 : 0;
                };
            }
        } catch (RuntimeException e) {
            while (!undo.isEmpty()) {
                undo.pop().run();
            }
            throw e;
        }
        if (journal != null) {
            for (java.util.Iterator<Runnable> oldestFirst = undo.descendingIterator(); oldestFirst.hasNext(); ) {
                journal.push(oldestFirst.next());
            }
        }
        return new Applied(changed, lastInserted);
    }

    /**
     * A copy of a row as the engine gives it, with room for the hidden rowid where the table keeps
     * one: the engine's rowid when it gives one, else {@code old}'s (an update), else null (an
     * insert: filled in).
     */
    private Object[] stored(Object[] given, Object[] old) {
        if (rowidIndex == null) {
            return given.clone();
        }
        int width = schema.columns().size();
        Object[] row = java.util.Arrays.copyOf(given, width + 1);
        if (row[width] == null && old != null) {
            row[width] = old[width];
        }
        return row;
    }

    /** Keeps the undo steps of later applies in {@code journal} (newest first), or stops keeping them (null). */
    void journal(Deque<Runnable> journal) {
        this.journal = journal;
    }

    /**
     * Exact k-NN and radius search: every accepted row's distance computed, the {@code limit}
     * smallest within {@code radius} kept, nearest first; ties by row id.
     */
    private List<Long> nearest(int column, Vector query, VectorMetric metric, double radius, int limit,
                               Predicate<Object[]> filter) {
        record Scored(long id, double distance) {
        }
        java.util.Comparator<Scored> nearestFirst = java.util.Comparator.comparingDouble(Scored::distance)
                .thenComparingLong(Scored::id);
        SmallestK<Scored> kept = new SmallestK<>(limit, nearestFirst);
        for (int id = 0; id < rows.size(); id++) {
            Object[] row = rows.get(id);
            if (row == null || !(row[column] instanceof Vector v) || v.dimensions() != query.dimensions()
                    || !filter.test(row)) {
                continue;
            }
            double d = metric.distance(query, v);
            if (d <= radius) {
                kept.offer(new Scored(id, d));
            }
        }
        return kept.sorted().stream().map(Scored::id).toList();
    }

    /**
     * Appends a column; every live row gets its default, converted to the column's affinity (before
     * the hidden rowid, which moves one place on).
     */
    void addColumn(ColumnSchema column) {
        int at = schema.columns().size();
        List<ColumnSchema> columns = new ArrayList<>(schema.columns());
        columns.add(column);
        schema = schema.withColumns(columns);
        Object value = column.defaultValue() == null ? null : column.affinity().apply(column.defaultValue());
        for (int id = 0; id < rows.size(); id++) {
            Object[] row = rows.get(id);
            if (row != null) {
                Object[] wider = new Object[row.length + 1];
                System.arraycopy(row, 0, wider, 0, at);
                wider[at] = value;
                System.arraycopy(row, at, wider, at + 1, row.length - at);
                rows.set(id, wider);
            }
        }
        if (rowidIndex != null) {
            reindexRowid();
        }
    }

    /**
     * Takes the table's schema after an ALTER TABLE the engine has checked: the column at
     * {@code dropped} (-1: none) is removed from every row, and the indexes are made again from
     * {@code definitions} (their columns named as in {@code after}).
     */
    void alter(TableSchema after, int dropped, List<IndexDefinition> definitions) {
        if (dropped >= 0) {
            for (int id = 0; id < rows.size(); id++) {
                Object[] row = rows.get(id);
                if (row != null) {
                    Object[] narrower = new Object[row.length - 1];
                    System.arraycopy(row, 0, narrower, 0, dropped);
                    System.arraycopy(row, dropped + 1, narrower, dropped, narrower.length - dropped);
                    rows.set(id, narrower);
                }
            }
        }
        schema = after;
        integerKey = integerKey(after);
        indexes.clear();
        if (rowidIndex != null) {
            reindexRowid();
        }
        definitions.forEach(d -> addIndex(indexOver(d)));
    }

    /** An empty index of this table over the columns the definition names. */
    MemoryIndex indexOver(IndexDefinition definition) {
        int[] columns = new int[definition.columns().size()];
        for (int i = 0; i < columns.length; i++) {
            columns[i] = schema.indexOf(definition.columns().get(i));
            if (columns[i] < 0) {
                throw new HqlExecutionException(ErrorCode.HQL_UNKNOWN_COLUMN,
                        "no such column: " + definition.columns().get(i) + " in table " + schema.name());
            }
        }
        return new MemoryIndex(definition, columns);
    }

    Object[] rowAt(long id) {
        return rows.get((int) id);
    }

    void addIndex(MemoryIndex index) {
        for (int id = 0; id < rows.size(); id++) {
            Object[] row = rows.get(id);
            if (row != null) {
                if (index.conflict(row, id, this) >= 0) {
                    throw new HqlExecutionException(ErrorCode.HQL_CONSTRAINT, "UNIQUE constraint failed: "
                            + schema.name() + "." + String.join(", ", index.definition().columns()));
                }
                index.add(row, id);
            }
        }
        indexes.add(index);
    }

    boolean removeIndex(String name) {
        return indexes.removeIf(i -> i != rowidIndex && i.definition().name().equalsIgnoreCase(name));
    }

    /** The table's indexes, the hidden rowid's left out. */
    List<IndexDefinition> indexDefinitions() {
        return indexes.stream().filter(i -> i != rowidIndex).map(MemoryIndex::definition).toList();
    }

    private long insert(Object[] row, TableMutation.OnConflict onConflict, Deque<Runnable> undo) {
        if (integerKey >= 0 && row[integerKey] == null) {
            row[integerKey] = RowIds.next(index(integerKey).largestInteger(), schema.name());
        }
        if (rowidIndex != null) {
            int at = schema.columns().size();
            Long largest = rowidIndex.largestInteger();
            if (row[at] == null) {
                row[at] = RowIds.next(largest, schema.name());
            } else if (largest != null && (Long) row[at] <= largest) {
                slotsInRowidOrder = false;
            }
        }
        checkNotNull(row);
        for (MemoryIndex index : indexes) {
            long other;
            while ((other = index.conflict(row, -1, this)) >= 0) {
                switch (onConflict) {
                    case IGNORE -> {
                        return 0;
                    }
                    case REPLACE -> delete(other, undo);
                    case ABORT -> throw uniqueFailed(index);
                }
            }
        }
        long id = rows.size();
        rows.add(row);
        liveRows++;
        index(row, id);
        undo.push(() -> {
            unindex(row, id);
            rows.set((int) id, null);
            liveRows--;
        });
        return 1;
    }

    /**
     * Replaces row {@code id} (0 when an earlier change of the statement deleted it). A collision
     * with another row on a unique index fails, leaves the row unchanged (IGNORE) or deletes the
     * other row (REPLACE), as for an insert.
     */
    private long update(long id, Object[] given, TableMutation.OnConflict onConflict, Deque<Runnable> undo) {
        Object[] old = rows.get((int) id);
        if (old == null) {
            return 0;
        }
        Object[] row = stored(given, old);
        checkNotNull(row);
        unindex(old, id);
        for (MemoryIndex index : indexes) {
            long other;
            while ((other = index.conflict(row, id, this)) >= 0) {
                switch (onConflict) {
                    case IGNORE -> {
                        index(old, id);
                        return 0;
                    }
                    case REPLACE -> delete(other, undo);
                    case ABORT -> {
                        index(old, id);
                        throw uniqueFailed(index);
                    }
                }
            }
        }
        rows.set((int) id, row);
        index(row, id);
        if (rowidIndex != null && !old[schema.columns().size()].equals(row[schema.columns().size()])) {
            slotsInRowidOrder = false;
        }
        undo.push(() -> {
            unindex(row, id);
            rows.set((int) id, old);
            index(old, id);
        });
        return 1;
    }

    private boolean delete(long id, Deque<Runnable> undo) {
        Object[] old = rows.get((int) id);
        if (old == null) {
            return false;
        }
        unindex(old, id);
        rows.set((int) id, null);
        liveRows--;
        undo.push(() -> {
            rows.set((int) id, old);
            liveRows++;
            index(old, id);
        });
        return true;
    }

    private void checkNotNull(Object[] row) {
        List<ColumnSchema> columns = schema.columns();
        for (int i = 0; i < columns.size(); i++) {
            if (row[i] == null && columns.get(i).notNull()) {
                throw new HqlExecutionException(ErrorCode.HQL_CONSTRAINT,
                        "NOT NULL constraint failed: " + schema.name() + "." + columns.get(i).name());
            }
        }
    }

    private HqlExecutionException uniqueFailed(MemoryIndex index) {
        return new HqlExecutionException(ErrorCode.HQL_CONSTRAINT, "UNIQUE constraint failed: " + schema.name() + "."
                + String.join(", ", index.definition().columns()));
    }

    private void index(Object[] row, long id) {
        for (MemoryIndex index : indexes) {
            index.add(row, id);
        }
    }

    private void unindex(Object[] row, long id) {
        for (MemoryIndex index : indexes) {
            index.remove(row, id);
        }
    }

    private MemoryIndex index(int column) {
        for (MemoryIndex index : indexes) {
            if (index.leadingColumn() == column) {
                return index;
            }
        }
        throw new HqlExecutionException(ErrorCode.HQL_UNSUPPORTED,
                "no index on " + schema.name() + "." + schema.columns().get(column).name());
    }

    /**
     * Ids of live rows in rowid order (the INTEGER PRIMARY KEY's or the hidden rowid's index), the
     * order SQLite scans a table in. Taken whole when the scan opens, so rows its own statement
     * inserts are not seen.
     */
    private Iterator<Long> keyOrder(MemoryIndex rowids) {
        List<Long> ids = new ArrayList<>((int) liveRows);
        for (Set<Long> bucket : rowids.range(null, false, null, false).values()) {
            ids.addAll(bucket);
        }
        return ids.iterator();
    }

    /** Ids of live rows, in insertion order (rowid order while {@link #slotsInRowidOrder}). */
    private final class LiveIds implements Iterator<Long> {
        private final int end = rows.size();
        private int next = advance(0);

        private int advance(int from) {
            int i = from;
            while (i < end && rows.get(i) == null) {
                i++;
            }
            return i;
        }

        @Override
        public boolean hasNext() {
            return next < end;
        }

        @Override
        public Long next() {
            int id = next;
            next = advance(id + 1);
            return (long) id;
        }
    }

    /** A cursor over rows by id; rows deleted since the ids were taken are skipped. */
    private final class IdCursor implements RowCursor {
        private final Iterator<Long> ids;
        private Object[] row;
        private long id;

        IdCursor(Iterator<Long> ids) {
            this.ids = ids;
        }

        @Override
        public boolean next() {
            while (ids.hasNext()) {
                id = ids.next();
                row = id < rows.size() ? rows.get((int) id) : null;
                if (row != null) {
                    return true;
                }
            }
            return false;
        }

        @Override
        public Object[] row() {
            return row;
        }

        @Override
        public Object rowId() {
            return id;
        }
    }
}
