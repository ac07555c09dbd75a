package io.hyperspatial.core.query;

import io.hyperspatial.core.index.maintain.CollectionIndexer;
import io.hyperspatial.hyperql.error.ErrorCode;
import io.hyperspatial.hyperql.error.HqlExecutionException;
import io.hyperspatial.hyperql.source.DataSource;
import io.hyperspatial.hyperql.source.Graph;
import io.hyperspatial.hyperql.source.IndexDefinition;
import io.hyperspatial.hyperql.source.Repositioner;
import io.hyperspatial.hyperql.source.StatementScope;
import io.hyperspatial.hyperql.source.Table;
import io.hyperspatial.hyperql.source.ColumnSchema;
import io.hyperspatial.hyperql.source.TableAlteration;
import io.hyperspatial.hyperql.source.TableSchema;
import io.hyperspatial.hyperql.source.TriggerDefinition;
import io.hyperspatial.hyperql.source.VectorIndexes;
import io.hyperspatial.hyperql.source.ViewDefinition;
import io.hyperspatial.manifold.Collection;
import io.hyperspatial.manifold.Durability;
import io.hyperspatial.manifold.ReadView;
import io.hyperspatial.manifold.table.RowLookup;
import io.hyperspatial.manifold.Transaction;
import io.hyperspatial.manifold.schema.EntityType;
import io.hyperspatial.manifold.schema.PropertyIndexDef;
import io.hyperspatial.manifold.schema.Schema;
import io.hyperspatial.manifold.schema.SchemaEditor;
import io.hyperspatial.manifold.value.Value;
import io.hyperspatial.manifold.value.ValueType;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * HyperQL over one manifold {@link Collection}: a table per entity type, a column per property,
 * plus the entity's user key as the {@code key} column and dense vector fields as
 * {@code VECTOR(n, metric)} columns (see {@link TableSchemas} for the layout and {@link SqlTypes}
 * for the type mapping). DDL changes the collection's schema: CREATE TABLE declares the entity
 * type, its properties and vector fields; CREATE INDEX declares a property index; ALTER TABLE …
 * ALTER COLUMN … SET (…) changes a vector field's index settings; definitions
 * SQL needs beyond that live in the {@link SqlCatalog}. A statement's writes are one atomic
 * collection write ({@link TableWriter}); its reads come from one snapshot
 * ({@link StatementSnapshot}), opened at its first read and closed with the statement's
 * {@link StatementScope}.
 *
 * <p>The collection's edge types and edges are the source's {@link Graph} ({@link CollectionGraph}),
 * for MATCH patterns, shortest paths and the edge statements.
 *
 * <p>k-NN scans use the collection's {@link CollectionIndexer} when one is given (waiting for it
 * to catch up with the statement's snapshot), and an exact scan otherwise.
 *
 * <p>Thread-safe for {@link Concurrency#SNAPSHOT_READS}: each thread running a statement has its
 * own snapshot and cursors, bound to the thread by {@link #openStatement()}, so queries run at
 * the same time as each other and as a write, and a query never sees a write that commits while
 * it runs. The catalog cache is rebuilt under a lock and published whole; the row counts the
 * planner reads are estimates, kept up to date by this source's writes. Writes are safe from
 * several threads and several engines (manifold transactions, unique-value claims), but one
 * engine runs them one at a time.
 */
public final class CollectionDataSource implements DataSource {
    private final Collection collection;
    private final Supplier<CollectionIndexer> indexer;
    private final Durability durability;
    /** Row counts by table key and of all entities, or null until counted (again). */
    private volatile RowCounts rowCounts;
    private final AtomicLong ddlCount = new AtomicLong();
    /** The tables and catalog as of a schema version, replaced whole when it changes. */
    private volatile Known known = new Known(-1, Map.of(), SqlCatalog.EMPTY);
    /** The statement running on each thread, between {@link #openStatement()} and its close. */
    private final ThreadLocal<StatementSnapshot> statements = new ThreadLocal<>();
    private final CollectionGraph graph = new CollectionGraph(this);
    /** Run inside every DDL commit before it is made; a test's injected failure, else nothing. */
    private volatile Runnable ddlFailure = () -> {
    };

    /** The tables (by {@link SqlCatalog#key}) and the SQL catalog read at one schema version. */
    private record Known(long version, Map<String, CollectionTable> tables, SqlCatalog catalog) {
    }

    /** Entities per lower-case entity type name (of the types tables show) and of every type, from one pass over the headers. */
    private record RowCounts(Map<String, Long> byTable, long total) {
        RowCounts adjusted(String table, long delta) {
            Map<String, Long> next = new HashMap<>(byTable);
            next.computeIfPresent(table, (k, n) -> Math.max(0, n + delta));
            return new RowCounts(Map.copyOf(next), Math.max(0, total + delta));
        }
    }

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
        return Optional.ofNullable(known().tables().get(SqlCatalog.key(name)));
    }

    @Override
    public Optional<ViewDefinition> view(String name) {
        return Optional.ofNullable(known().catalog().views().get(SqlCatalog.key(name)));
    }

    @Override
    public List<String> tableNames() {
        List<String> names = new ArrayList<>();
        known().tables().values().forEach(t -> names.add(t.schema().name()));
        names.sort(String.CASE_INSENSITIVE_ORDER);
        return names;
    }

    @Override
    public long schemaVersion() {
        return collection.schema().revision() + ddlCount.get();
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
        String type = freeName(schema.name(), collection.schema().entityTypes()::containsKey);
        List<TableSchemas.AutoIndex> autoIndexes = TableSchemas.autoIndexes(full, type);
        SqlCatalog next = currentCatalog().withTable(full, new SqlCatalog.StorageNames(type, Map.of()));
        for (TableSchemas.AutoIndex i : autoIndexes) {
            next = next.withUniqueIndex(i.name(), true);
        }
        changeSchema(editor -> {
            TableSchemas.declare(editor, type, full);
            autoIndexes.forEach(i -> editor.propertyIndex(i.name(), type, i.column()));
        }, next);
    }

    /**
     * {@code name}, or {@code name_2}, {@code name_3}… when it is taken: the entity type of a new
     * table whose name a renamed table's type still holds, the property of a column added where a
     * renamed or dropped column's property still is.
     */
    private static String freeName(String name, java.util.function.Predicate<String> taken) {
        String free = name;
        for (int n = 2; taken.test(free); n++) {
            free = name + "_" + n;
        }
        return free;
    }

    /**
     * ALTER TABLE ... RENAME and DROP COLUMN in one commit: the catalog's new names (the rows stay in
     * their entity type and properties, see {@link CollectionAlterations}) and, for DROP COLUMN,
     * the column's values removed from every row.
     */
    @Override
    public void alterTable(TableAlteration alteration) {
        CollectionAlterations.Plan plan = CollectionAlterations.plan(requireTable(alteration.table()).layout(),
                currentCatalog(), alteration);
        changeSchema(editor -> {
        }, plan.catalog(), plan.work());
    }

    @Override
    public List<ViewDefinition> views() {
        return List.copyOf(known().catalog().views().values());
    }

    @Override
    public Optional<IndexDefinition> index(String name) {
        PropertyIndexDef d = findIndex(name);
        return d == null ? Optional.empty() : known().tables().values().stream()
                .flatMap(t -> indexesOf(t).stream()).filter(i -> i.name().equals(d.name())).findFirst();
    }

    @Override
    public List<IndexDefinition> indexes(String table) {
        CollectionTable t = known().tables().get(SqlCatalog.key(table));
        return t == null ? List.of() : indexesOf(t);
    }

    /**
     * The property indexes over a table's columns, as SQL names them; those its keys imply keep
     * the names they were made with ({@code TYPE_pk}, {@code TYPE_unique_COLUMN}).
     */
    private List<IndexDefinition> indexesOf(CollectionTable table) {
        TableLayout layout = table.layout();
        Set<String> implied = TableSchemas.autoIndexes(layout.schema(), layout.entityType().name()).stream()
                .map(TableSchemas.AutoIndex::name).collect(Collectors.toSet());
        List<IndexDefinition> out = new ArrayList<>();
        for (PropertyIndexDef d : collection.schema().propertyIndexesOf(layout.entityType().name())) {
            for (int i = 0; i < layout.columns().size(); i++) {
                if (layout.columns().get(i) instanceof ColumnBinding.Property p && p.def().name().equals(d.property())) {
                    out.add(new IndexDefinition(d.name(), layout.schema().name(), List.of(layout.schema().columns().get(i).name()),
                            layout.uniqueIndexes().contains(d.name()), implied.contains(d.name())));
                }
            }
        }
        return out;
    }

    /**
     * Two commits: the first declares the column's property (or vector field) on the table's
     * entity type, which SQL does not see until the catalog names it; the second writes a default
     * other than NULL to every existing row and records the column in the catalog. A crash leaves
     * the table with the column filled in, or without it (and at most an unused property).
     */
    @Override
    public void addColumn(String name, ColumnSchema column) {
        CollectionTable table = requireTable(name);
        EntityType entityType = table.layout().entityType();
        String type = entityType.name();
        SqlCatalog catalog = currentCatalog();
        TableSchema base = TableSchemas.stored(table.layout().schema());
        List<ColumnSchema> columns = new ArrayList<>(base.columns());
        columns.add(column);
        TableSchema next = base.withColumns(columns);
        String property = column.vector() != null ? column.name()
                : freeName(column.name(), p -> entityType.property(p).isPresent());
        SqlCatalog.StorageNames names = catalog.storageOf(base.name(), type).withColumn(column.name(), property);
        StorageErrors.run(() -> collection.updateSchema(editor -> TableSchemas.declareColumn(editor, type, property, column)));
        changeSchema(editor -> {
        }, catalog.withTable(next, names), tx -> {
            if (column.defaultValue() == null) {
                return;
            }
            ValueType storage = SqlTypes.storageType(column);
            Value value = SqlTypes.toStorage(column.affinity().apply(column.defaultValue()), storage, name + "." + column.name());
            CollectionAlterations.entities(tx, type).forEach(id -> tx.patchProperties(id, Map.of(property, value)));
        });
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
        SqlCatalog next = currentCatalog().withoutTable(name, Set.copyOf(indexes));
        changeSchema(editor -> editor.dropEntityType(type), next,
                tx -> CollectionAlterations.entities(tx, type).forEach(tx::deleteEntity));
    }

    /**
     * One commit builds the index from the existing rows and records in the catalog whether it is
     * unique; for a unique index the rows are first checked for duplicates inside that commit
     * (other writes wait), and a duplicate fails it with {@code HQL_CONSTRAINT}, leaving no index.
     */
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
        changeSchema(e -> e.propertyIndex(index.name(), type, property.def().name()),
                currentCatalog().withUniqueIndex(index.name(), index.unique()), tx -> {
                    if (index.unique() && UniqueKeys.hasDuplicates(tx, type, property.def())) {
                        throw new HqlExecutionException(ErrorCode.HQL_CONSTRAINT, "UNIQUE constraint failed: "
                                + table.layout().columnName(column));
                    }
                });
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

    /**
     * Refused: a trigger's statements would have to run inside the write of the statement that
     * fires them, seeing its rows, and a collection commits each table write on its own, with no
     * way to undo the first ones if a later one fails. So no trigger is stored, rather than one
     * that could never fire.
     */
    @Override
    public void createTrigger(TriggerDefinition trigger) {
        throw new HqlExecutionException(ErrorCode.HQL_UNSUPPORTED, "triggers are not supported on a collection yet"
                + " (a collection cannot run a trigger's statements inside the write that fires it); they work on the"
                + " in-memory source");
    }

    /** The statement's snapshot and cursors, bound to the calling thread until the scope is closed. */
    @Override
    public StatementScope openStatement() {
        StatementSnapshot outer = statements.get();
        StatementSnapshot statement = new StatementSnapshot(collection, () -> {
            if (outer == null) {
                statements.remove();
            } else {
                statements.set(outer);
            }
        });
        statements.set(statement);
        return statement;
    }

    /** Queries run beside each other and beside writes, each on its own snapshot. */
    @Override
    public Concurrency concurrency() {
        return Concurrency.SNAPSHOT_READS;
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

    /**
     * {@code ALTER TABLE t ALTER COLUMN c SET (...)}: the index settings of the column's vector
     * field, changed in one schema commit by {@link SchemaEditor#vectorIndex}, as the HTTP API's
     * {@code PATCH .../vector_fields/{f}/index} changes them. The field is the collection's, so
     * every table with that column shares the change. The indexer follows through the change feed
     * (a new ef_search at once, other settings by a rebuild); the next k-NN scan waits for it as
     * for any write.
     */
    @Override
    public Optional<VectorIndexes> vectorIndexes() {
        return Optional.of(this::changeVectorIndex);
    }

    private Map<String, Object> changeVectorIndex(String table, String column, Map<String, Object> options) {
        CollectionTable t = requireTable(table);
        int index = t.schema().indexOf(column);
        if (index < 0 || !(t.layout().columns().get(index) instanceof ColumnBinding.Vector vector)) {
            throw new HqlExecutionException(ErrorCode.HQL_UNSUPPORTED, "column " + t.schema().name() + "." + column
                    + " is not a vector field of collection '" + collection.name() + "'");
        }
        StorageErrors.run(() -> collection.updateSchema(editor -> editor.vectorIndex(vector.field(),
                settings -> settings.withAll(options))));
        wrote();
        CollectionIndexer running = indexer();
        if (running != null) {
            running.awaitSettingsChange();
        }
        return new LinkedHashMap<>(collection.schema().vectorField(vector.field()).index().asMap());
    }

    // ---- what the tables use -----------------------------------------------------------------

    /** The snapshot the statement running on this thread reads from, opened on first use. */
    ReadView view() {
        return statement().view();
    }

    /** The property cursor shared by the rows the statement on this thread reads by entity id. */
    RowLookup lookups() {
        return statement().lookups();
    }

    /** Keeps a cursor on the statement's snapshot, to be closed (before it) when the statement ends. */
    <T extends AutoCloseable> T closeWithStatement(T cursor) {
        return statement().keep(cursor);
    }

    /** After a write of the statement on this thread, its later reads see the write. */
    void wrote() {
        StatementSnapshot statement = statements.get();
        if (statement != null) {
            statement.release();
        }
    }

    /** After a write of rows, later reads of the statement see it, and the count of the entity type moved by {@code rowDelta}. */
    void wrote(String entityType, long rowDelta) {
        wrote();
        synchronized (statements) {
            RowCounts counts = rowCounts;
            if (counts != null) {
                rowCounts = counts.adjusted(SqlCatalog.key(entityType), rowDelta);
            }
        }
    }

    private StatementSnapshot statement() {
        StatementSnapshot statement = statements.get();
        if (statement == null) {
            throw new IllegalStateException("no statement is open on this thread: tables are read through an Engine,"
                    + " which opens one (DataSource.openStatement)");
        }
        return statement;
    }

    Durability durability() {
        return durability;
    }

    /** The vector indexer, or null when k-NN scans are exact. */
    CollectionIndexer indexer() {
        return indexer == null ? null : indexer.get();
    }

    /**
     * The number of entities of a table's type, counted once and then kept up to date by this
     * source's writes; an estimate when writes of other engines or the API happen meanwhile.
     */
    long rowCount(TableLayout layout) {
        String key = SqlCatalog.key(layout.entityType().name());
        RowCounts counts = rowCounts;
        if (counts == null || !counts.byTable().containsKey(key)) {
            counts = countEntities();
        }
        return counts.byTable().getOrDefault(key, 0L);
    }

    /** The number of entities of every type: what a full scan of any table reads past. */
    long entityCount() {
        RowCounts counts = rowCounts;
        return (counts == null ? countEntities() : counts).total();
    }

    /** Counts the entities of every type in one pass over the headers. */
    private RowCounts countEntities() {
        Map<String, Long> counts = new HashMap<>();
        long[] total = {0};
        StorageErrors.run(() -> collection.read(view -> {
            view.entities().forEach(e -> {
                counts.merge(SqlCatalog.key(e.type()), 1L, Long::sum);
                total[0]++;
            });
            return null;
        }));
        Map<String, Long> byTable = new HashMap<>();
        for (CollectionTable table : known().tables().values()) {
            String type = SqlCatalog.key(table.layout().entityType().name());
            byTable.put(type, counts.getOrDefault(type, 0L));
        }
        RowCounts fresh = new RowCounts(Map.copyOf(byTable), total[0]);
        synchronized (statements) {
            rowCounts = fresh;
        }
        return fresh;
    }

    // ---- catalog ------------------------------------------------------------------------------

    /** The tables and catalog of the current schema version, read again when it changed. */
    private Known known() {
        Known k = known;
        if (k.version() == schemaVersion()) {
            return k;
        }
        synchronized (this) {
            long version = schemaVersion();
            if (known.version() == version) {
                return known;
            }
            Schema schema = collection.schema();
            SqlCatalog read = currentCatalog();
            Map<String, CollectionTable> built = new HashMap<>();
            for (EntityType type : schema.entityTypes().values()) {
                Optional<String> table = read.tableOf(type.name());
                if (!type.name().equals(SqlCatalog.TYPE) && table.isPresent()) {
                    built.put(table.get(), new CollectionTable(this, TableSchemas.layout(schema, type, read, table.get())));
                }
            }
            Known fresh = new Known(version, Map.copyOf(built), read);
            known = fresh;
            rowCounts = null;
            return fresh;
        }
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
        ddlCount.incrementAndGet();
        wrote();
    }

    /** A failure to inject after a DDL statement staged its writes and before its schema change and commit; for tests. */
    void failDdlBeforeCommit(Runnable failure) {
        this.ddlFailure = failure;
    }

    private CollectionTable requireTable(String name) {
        CollectionTable table = known().tables().get(SqlCatalog.key(name));
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
