package io.hyperspatial.core.query;

import io.hyperspatial.core.index.maintain.CollectionIndexer;
import io.hyperspatial.hyperql.error.ErrorCode;
import io.hyperspatial.hyperql.error.HqlExecutionException;
import io.hyperspatial.hyperql.source.DataSource;
import io.hyperspatial.hyperql.source.Graph;
import io.hyperspatial.hyperql.source.IndexDefinition;
import io.hyperspatial.hyperql.source.Repositioner;
import io.hyperspatial.hyperql.source.Table;
import io.hyperspatial.hyperql.source.TableSchema;
import io.hyperspatial.hyperql.source.ViewDefinition;
import io.hyperspatial.manifold.Collection;
import io.hyperspatial.manifold.Durability;
import io.hyperspatial.manifold.ReadView;
import io.hyperspatial.manifold.Transaction;
import io.hyperspatial.manifold.schema.EntityType;
import io.hyperspatial.manifold.schema.PropertyIndexDef;
import io.hyperspatial.manifold.schema.Schema;
import io.hyperspatial.manifold.schema.SchemaEditor;
import io.hyperspatial.manifold.table.EntityScan;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * HyperQL over one manifold {@link Collection}: a table per entity type, a column per property,
 * plus the entity's user key as the {@code key} column and dense vector fields as
 * {@code VECTOR(n, metric)} columns (see {@link TableSchemas} for the layout and {@link SqlTypes}
 * for the type mapping). DDL changes the collection's schema: CREATE TABLE declares the entity
 * type, its properties and vector fields; CREATE INDEX declares a property index; definitions
 * SQL needs beyond that live in the {@link SqlCatalog}. A statement's writes are one atomic
 * collection write ({@link TableWriter}); its reads come from one snapshot, opened at its first
 * read and closed when the engine reports the statement finished.
 *
 * <p>The collection's edge types and edges are the source's {@link Graph} ({@link CollectionGraph}),
 * for MATCH patterns, shortest paths and the edge statements.
 *
 * <p>k-NN scans use the collection's {@link CollectionIndexer} when one is given (waiting for it
 * to catch up with the statement's snapshot), and an exact scan otherwise.
 *
 * <p>Not thread-safe: use it through one {@link io.hyperspatial.hyperql.Engine}, whose methods
 * are synchronized.
 */
public final class CollectionDataSource implements DataSource {
    private final Collection collection;
    private final Supplier<CollectionIndexer> indexer;
    private final Durability durability;
    private final Map<String, Long> rowCounts = new HashMap<>();
    /** Entities of all types, counted with the row counts; -1 until then. */
    private long entityCount = -1;
    private long ddlCount;
    private long cachedVersion = -1;
    private Map<String, CollectionTable> tables = Map.of();
    private SqlCatalog catalog = SqlCatalog.EMPTY;
    private ReadView statementView;
    /** Cursors opened on the statement's view, closed before it. */
    private final List<AutoCloseable> statementCursors = new ArrayList<>();
    private final CollectionGraph graph = new CollectionGraph(this);
    /** Run inside every DDL commit before it is made; a test's injected failure, else nothing. */
    private Runnable ddlFailure = () -> {
    };

    /**
     * @param collection the collection the tables are in
     * @param indexer    its vector indexes for k-NN scans (started on first use), or null for exact scans
     * @param durability the durability of every write
     */
    public CollectionDataSource(Collection collection, Supplier<CollectionIndexer> indexer, Durability durability) {
        this.collection = collection;
        this.indexer = indexer;
        this.durability = durability;
    }

    /** The collection the tables are in. */
    public Collection collection() {
        return collection;
    }

    @Override
    public Optional<Table> table(String name) {
        refresh();
        return Optional.ofNullable(tables.get(SqlCatalog.key(name)));
    }

    @Override
    public Optional<ViewDefinition> view(String name) {
        refresh();
        return Optional.ofNullable(catalog.views().get(SqlCatalog.key(name)));
    }

    @Override
    public List<String> tableNames() {
        refresh();
        List<String> names = new ArrayList<>();
        tables.values().forEach(t -> names.add(t.schema().name()));
        names.sort(String.CASE_INSENSITIVE_ORDER);
        return names;
    }

    @Override
    public long schemaVersion() {
        return collection.schema().revision() + ddlCount;
    }

    /**
     * One commit declares the entity type, its properties, vector fields and key indexes and
     * records the table in the catalog: a crash leaves the table wholly made or not at all. (The
     * catalog's own entity type is declared first, on its own, the first time SQL declares
     * anything; an empty catalog type is no table.)
     */
    @Override
    public void createTable(TableSchema schema) {
        requireFree(schema.name());
        TableSchema full = TableSchemas.withKeyColumn(schema);
        List<TableSchemas.AutoIndex> autoIndexes = TableSchemas.autoIndexes(full);
        SqlCatalog next = currentCatalog().withTable(full);
        for (TableSchemas.AutoIndex i : autoIndexes) {
            next = next.withUniqueIndex(i.name(), true);
        }
        changeSchema(editor -> {
            TableSchemas.declare(editor, full);
            autoIndexes.forEach(i -> editor.propertyIndex(i.name(), full.name(), i.column()));
        }, next);
    }

    /**
     * One commit deletes the rows (with their properties, vectors and edges), the entity type and
     * its indexes, and the table's catalog entry: a crash leaves the table whole or gone.
     */
    @Override
    public void dropTable(String name) {
        CollectionTable table = requireTable(name);
        String type = table.layout().entityType().name();
        List<String> indexes = collection.schema().propertyIndexesOf(type).stream().map(PropertyIndexDef::name).toList();
        SqlCatalog next = currentCatalog().withoutTable(name, java.util.Set.copyOf(indexes));
        changeSchema(editor -> editor.dropEntityType(type), next, tx -> {
            List<UUID> ids = new ArrayList<>();
            try (EntityScan scan = tx.entities().scan(type)) {
                while (scan.next()) {
                    ids.add(scan.id());
                }
            }
            ids.forEach(tx::deleteEntity);
        });
    }

    @Override
    public void createIndex(IndexDefinition index) {
        if (findIndex(index.name()) != null) {
            throw new HqlExecutionException(ErrorCode.HQL_DUPLICATE_OBJECT, "index " + index.name() + " already exists");
        }
        CollectionTable table = requireTable(index.table());
        if (index.columns().size() != 1) {
            throw new HqlExecutionException(ErrorCode.HQL_UNSUPPORTED,
                    "indexes over several columns are not supported; index one column");
        }
        int column = table.schema().indexOf(index.columns().getFirst());
        if (column < 0) {
            throw new HqlExecutionException(ErrorCode.HQL_UNKNOWN_COLUMN,
                    "no such column: " + index.columns().getFirst() + " in table " + table.schema().name());
        }
        if (!(table.layout().columns().get(column) instanceof ColumnBinding.Property property)) {
            throw new HqlExecutionException(ErrorCode.HQL_UNSUPPORTED, "column " + table.layout().columnName(column)
                    + (table.layout().columns().get(column) instanceof ColumnBinding.Key
                    ? " is the entity key, always indexed" : " is a vector column, indexed for k-NN already"));
        }
        String type = table.layout().entityType().name();
        StorageErrors.run(() -> collection.updateSchema(e -> e.propertyIndex(index.name(), type, property.def().name())));
        if (index.unique() && UniqueKeys.hasDuplicates(collection, index.name(), property.def())) {
            StorageErrors.run(() -> collection.updateSchema(e -> e.dropPropertyIndex(index.name())));
            ddlCount++;
            throw new HqlExecutionException(ErrorCode.HQL_CONSTRAINT, "UNIQUE constraint failed: "
                    + table.layout().columnName(column));
        }
        writeCatalog(currentCatalog().withUniqueIndex(index.name(), index.unique()));
    }

    @Override
    public void dropIndex(String name) {
        PropertyIndexDef index = findIndex(name);
        if (index == null) {
            throw new HqlExecutionException(ErrorCode.HQL_UNKNOWN_TABLE, "no such index: " + name);
        }
        changeSchema(e -> e.dropPropertyIndex(index.name()), currentCatalog().withUniqueIndex(index.name(), false));
    }

    @Override
    public void createView(ViewDefinition view) {
        requireFree(view.name());
        writeCatalog(currentCatalog().withView(view));
    }

    @Override
    public void dropView(String name) {
        if (view(name).isEmpty()) {
            throw new HqlExecutionException(ErrorCode.HQL_UNKNOWN_TABLE, "no such view: " + name);
        }
        writeCatalog(currentCatalog().withoutView(name));
    }

    @Override
    public void statementFinished() {
        for (AutoCloseable c : statementCursors.reversed()) {
            try {
                c.close();
            } catch (Exception e) {
                throw new IllegalStateException("closing a cursor failed", e);
            }
        }
        statementCursors.clear();
        if (statementView != null) {
            statementView.close();
            statementView = null;
        }
    }

    /** The collection's edge types and edges, read by adjacency from the statement's snapshot. */
    @Override
    public Optional<Graph> graph() {
        return Optional.of(graph);
    }

    /** REPOSITION: the collection's positions learned or mapped again ({@link CollectionRepositioner}). */
    @Override
    public Optional<Repositioner> repositioner() {
        return Optional.of(new CollectionRepositioner(collection));
    }

    // ---- what the tables use -----------------------------------------------------------------

    /** The snapshot the current statement reads from, opened on first use. */
    ReadView view() {
        if (statementView == null) {
            statementView = StorageErrors.translate(collection::snapshot);
        }
        return statementView;
    }

    /** Keeps a cursor on the statement's view, to be closed (before the view) when the statement finishes. */
    <T extends AutoCloseable> T closeWithStatement(T cursor) {
        statementCursors.add(cursor);
        return cursor;
    }

    /** After a write, later reads of the same statement see it. */
    void wrote(String table, long rowDelta) {
        statementFinished();
        rowCounts.computeIfPresent(SqlCatalog.key(table), (k, n) -> Math.max(0, n + rowDelta));
        if (entityCount >= 0) {
            entityCount = Math.max(0, entityCount + rowDelta);
        }
    }

    Durability durability() {
        return durability;
    }

    /** The vector indexer, or null when k-NN scans are exact. */
    CollectionIndexer indexer() {
        return indexer == null ? null : indexer.get();
    }

    /** The number of entities of a table's type, counted once and then kept up to date by this source's writes. */
    long rowCount(TableLayout layout) {
        String key = SqlCatalog.key(layout.schema().name());
        if (!rowCounts.containsKey(key) || entityCount < 0) {
            countEntities();
        }
        return rowCounts.getOrDefault(key, 0L);
    }

    /** The number of entities of every type: what a full scan of any table reads past. */
    long entityCount() {
        if (entityCount < 0) {
            countEntities();
        }
        return entityCount;
    }

    /** Counts the entities of every type in one pass over the headers. */
    private void countEntities() {
        Map<String, Long> counts = new HashMap<>();
        long[] total = {0};
        StorageErrors.run(() -> collection.read(view -> {
            view.entities().forEach(e -> {
                counts.merge(SqlCatalog.key(e.type()), 1L, Long::sum);
                total[0]++;
            });
            return null;
        }));
        refresh();
        rowCounts.clear();
        for (String table : tables.keySet()) {
            rowCounts.put(table, counts.getOrDefault(table, 0L));
        }
        entityCount = total[0];
    }

    // ---- catalog ------------------------------------------------------------------------------

    private void refresh() {
        long version = schemaVersion();
        if (version == cachedVersion) {
            return;
        }
        Schema schema = collection.schema();
        SqlCatalog read = currentCatalog();
        Map<String, CollectionTable> built = new HashMap<>();
        for (EntityType type : schema.entityTypes().values()) {
            if (!type.name().equals(SqlCatalog.TYPE)) {
                TableLayout layout = TableSchemas.layout(schema, type, read);
                built.put(SqlCatalog.key(type.name()), new CollectionTable(this, layout));
            }
        }
        tables = built;
        catalog = read;
        rowCounts.keySet().retainAll(built.keySet());
        entityCount = -1;
        cachedVersion = version;
    }

    private SqlCatalog currentCatalog() {
        return StorageErrors.translate(() -> collection.read(SqlCatalog::read));
    }

    private void writeCatalog(SqlCatalog next) {
        changeSchema(editor -> {
        }, next);
    }

    private void changeSchema(Consumer<SchemaEditor> change, SqlCatalog next) {
        changeSchema(change, next, tx -> {
        });
    }

    /**
     * Applies a schema change, {@code work} and the catalog {@code next} as one commit
     * ({@link Collection#updateSchema(Consumer, Consumer)}); the catalog's entity type is declared
     * before, on its own, if it is not yet.
     */
    private void changeSchema(Consumer<SchemaEditor> change, SqlCatalog next, Consumer<Transaction> work) {
        StorageErrors.run(() -> {
            collection.updateSchema(SqlCatalog::declare);
            collection.updateSchema(change, tx -> {
                work.accept(tx);
                next.write(tx);
                ddlFailure.run();
            });
        });
        ddlCount++;
        statementFinished();
    }

    /** A failure to inject after a DDL statement staged its writes and before its schema change and commit; for tests. */
    void failDdlBeforeCommit(Runnable failure) {
        this.ddlFailure = failure;
    }

    private CollectionTable requireTable(String name) {
        refresh();
        CollectionTable table = tables.get(SqlCatalog.key(name));
        if (table == null) {
            throw new HqlExecutionException(ErrorCode.HQL_UNKNOWN_TABLE, "no such table: " + name);
        }
        return table;
    }

    private void requireFree(String name) {
        if (table(name).isPresent() || view(name).isPresent()) {
            throw new HqlExecutionException(ErrorCode.HQL_DUPLICATE_OBJECT, "table or view " + name + " already exists");
        }
    }

    private PropertyIndexDef findIndex(String name) {
        for (PropertyIndexDef d : collection.schema().propertyIndexes().values()) {
            if (d.name().equalsIgnoreCase(name)) {
                return d;
            }
        }
        return null;
    }
}
