package io.hyperspatial.hyperql.source.memory;

import io.hyperspatial.hyperql.error.ErrorCode;
import io.hyperspatial.hyperql.error.HqlExecutionException;
import io.hyperspatial.hyperql.source.DataSource;
import io.hyperspatial.hyperql.source.Graph;
import io.hyperspatial.hyperql.source.IndexDefinition;
import io.hyperspatial.hyperql.source.Table;
import io.hyperspatial.hyperql.source.TableAlteration;
import io.hyperspatial.hyperql.source.TableSchema;
import io.hyperspatial.hyperql.source.Savepoint;
import io.hyperspatial.hyperql.source.TriggerDefinition;
import io.hyperspatial.hyperql.source.ViewDefinition;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;

/**
 * A {@link DataSource} that keeps everything in memory: {@link InMemoryTable}s with ordered indexes
 * (key lookup and range scan), views, and a graph of weighted edges between rows ({@link InMemoryGraph}). Meant for tests, the sqllogictest runner and embedding
 * small data sets.
 *
 * <p>Not thread-safe on its own: its reads change nothing, but its writes change rows, indexes and
 * the catalog in place, with nothing to keep a reader off them. Through one
 * {@link io.hyperspatial.hyperql.Engine} it is safe: it declares {@link Concurrency#SHARED_READS},
 * so the engine runs queries together and each write alone, and a query sees the data as the last
 * write left it until it ends. Do not share one instance between engines.
 */
public final class InMemoryDataSource implements DataSource {
    private final Map<String, InMemoryTable> tables = new LinkedHashMap<>();
    private final Map<String, ViewDefinition> views = new LinkedHashMap<>();
    private final Map<String, String> indexTables = new LinkedHashMap<>();
    private final Map<String, TriggerDefinition> triggers = new LinkedHashMap<>();
    private long schemaVersion;
    private final InMemoryGraph graph = new InMemoryGraph(
            node -> tables.get(key(node.table().schema().name())) == node.table() && node.table().rowAt(node.rowId()) != null,
            () -> schemaVersion++);

    @Override
    public Optional<Table> table(String name) {
        return Optional.ofNullable(tables.get(key(name)));
    }

    @Override
    public Optional<ViewDefinition> view(String name) {
        return Optional.ofNullable(views.get(key(name)));
    }

    @Override
    public List<String> tableNames() {
        List<String> names = new ArrayList<>();
        for (InMemoryTable t : tables.values()) {
            names.add(t.schema().name());
        }
        return names;
    }

    /** Queries at once, writes alone: see the class comment. */
    @Override
    public Concurrency concurrency() {
        return Concurrency.SHARED_READS;
    }

    @Override
    public long schemaVersion() {
        return schemaVersion;
    }

    @Override
    public void addColumn(String table, io.hyperspatial.hyperql.source.ColumnSchema column) {
        InMemoryTable t = tables.get(key(table));
        if (t == null) {
            throw new HqlExecutionException(ErrorCode.HQL_UNKNOWN_TABLE, "no such table: " + table);
        }
        t.addColumn(column);
        schemaVersion++;
    }

    @Override
    public List<ViewDefinition> views() {
        return List.copyOf(views.values());
    }

    @Override
    public Optional<IndexDefinition> index(String name) {
        String table = indexTables.get(key(name));
        return table == null ? Optional.empty() : tables.get(table).indexDefinitions().stream()
                .filter(d -> d.name().equalsIgnoreCase(name)).findFirst();
    }

    @Override
    public List<IndexDefinition> indexes(String table) {
        InMemoryTable t = tables.get(key(table));
        return t == null ? List.of() : t.indexDefinitions();
    }

    /**
     * Renames the table (its indexes and triggers follow) or a column (its indexes follow), or
     * drops a column from every row; the indexes are made again over the new row layout.
     */
    @Override
    public void alterTable(TableAlteration alteration) {
        InMemoryTable table = tables.get(key(alteration.table()));
        if (table == null) {
            throw new HqlExecutionException(ErrorCode.HQL_UNKNOWN_TABLE, "no such table: " + alteration.table());
        }
        String from = key(alteration.table());
        String to = alteration.after().name();
        List<IndexDefinition> indexes = new ArrayList<>();
        for (IndexDefinition d : table.indexDefinitions()) {
            List<String> columns = d.columns();
            if (alteration instanceof TableAlteration.RenameColumn r) {
                String old = table.schema().columns().get(r.index()).name();
                String renamed = r.after().columns().get(r.index()).name();
                columns = columns.stream().map(c -> c.equalsIgnoreCase(old) ? renamed : c).toList();
            }
            String name = d.implied() ? impliedName(to, d.name().substring(d.name().lastIndexOf('_') + 1)) : d.name();
            indexes.add(new IndexDefinition(name, to, columns, d.unique(), d.implied()));
        }
        table.alter(alteration.after(), alteration instanceof TableAlteration.DropColumn d ? d.index() : -1, indexes);
        if (!from.equals(key(to))) {
            tables.remove(from);
            tables.put(key(to), table);
            indexTables.values().removeIf(from::equals);
            indexes.forEach(d -> indexTables.put(key(d.name()), key(to)));
            triggers.replaceAll((name, t) -> key(t.table()).equals(from) ? new TriggerDefinition(t.name(), to, t.sql()) : t);
        }
        schemaVersion++;
    }

    @Override
    public void createTable(TableSchema schema) {
        requireFree(schema.name());
        InMemoryTable table = new InMemoryTable(schema);
        List<List<String>> keys = new ArrayList<>();
        if (!schema.primaryKey().isEmpty()) {
            keys.add(schema.primaryKey());
        }
        keys.addAll(schema.uniqueKeys());
        int n = 0;
        for (List<String> key : keys) {
            if (table.indexDefinitions().stream().anyMatch(d -> sameColumns(d.columns(), key))) {
                continue;
            }
            String name = key == schema.primaryKey() && schema.hasIntegerPrimaryKey()
                    ? impliedName(schema.name(), "rowid") : impliedName(schema.name(), String.valueOf(++n));
            table.addIndex(index(table, new IndexDefinition(name, schema.name(), key, true, true)));
        }
        tables.put(key(schema.name()), table);
        for (IndexDefinition d : table.indexDefinitions()) {
            indexTables.put(key(d.name()), key(schema.name()));
        }
        schemaVersion++;
    }

    @Override
    public void dropTable(String name) {
        InMemoryTable table = tables.remove(key(name));
        if (table == null) {
            throw new HqlExecutionException(ErrorCode.HQL_UNKNOWN_TABLE, "no such table: " + name);
        }
        for (IndexDefinition d : table.indexDefinitions()) {
            indexTables.remove(key(d.name()));
        }
        triggers.values().removeIf(t -> key(t.table()).equals(key(name)));
        schemaVersion++;
    }

    @Override
    public void createIndex(IndexDefinition definition) {
        if (indexTables.containsKey(key(definition.name()))) {
            throw new HqlExecutionException(ErrorCode.HQL_DUPLICATE_OBJECT, "index " + definition.name() + " already exists");
        }
        InMemoryTable table = tables.get(key(definition.table()));
        if (table == null) {
            throw new HqlExecutionException(ErrorCode.HQL_UNKNOWN_TABLE, "no such table: " + definition.table());
        }
        table.addIndex(index(table, definition));
        indexTables.put(key(definition.name()), key(definition.table()));
        schemaVersion++;
    }

    @Override
    public void dropIndex(String name) {
        String table = indexTables.remove(key(name));
        if (table == null) {
            throw new HqlExecutionException(ErrorCode.HQL_UNKNOWN_TABLE, "no such index: " + name);
        }
        tables.get(table).removeIndex(name);
        schemaVersion++;
    }

    @Override
    public void createView(ViewDefinition view) {
        requireFree(view.name());
        views.put(key(view.name()), view);
        schemaVersion++;
    }

    @Override
    public void dropView(String name) {
        if (views.remove(key(name)) == null) {
            throw new HqlExecutionException(ErrorCode.HQL_UNKNOWN_TABLE, "no such view: " + name);
        }
        schemaVersion++;
    }

    @Override
    public Optional<TriggerDefinition> trigger(String name) {
        return Optional.ofNullable(triggers.get(key(name)));
    }

    @Override
    public List<TriggerDefinition> triggers(String table) {
        return triggers.values().stream().filter(t -> key(t.table()).equals(key(table))).toList();
    }

    @Override
    public void createTrigger(TriggerDefinition trigger) {
        if (triggers.containsKey(key(trigger.name()))) {
            throw new HqlExecutionException(ErrorCode.HQL_DUPLICATE_OBJECT, "trigger " + trigger.name() + " already exists");
        }
        if (!tables.containsKey(key(trigger.table()))) {
            throw new HqlExecutionException(ErrorCode.HQL_UNKNOWN_TABLE, "no such table: " + trigger.table());
        }
        triggers.put(key(trigger.name()), trigger);
        schemaVersion++;
    }

    @Override
    public void dropTrigger(String name) {
        if (triggers.remove(key(name)) == null) {
            throw new HqlExecutionException(ErrorCode.HQL_UNKNOWN_TABLE, "no such trigger: " + name);
        }
        schemaVersion++;
    }

    /**
     * Every table keeps the undo steps of its applies until the savepoint is released; a rollback
     * runs them newest first. One savepoint at a time (the engine writes one statement at a time).
     */
    @Override
    public Savepoint savepoint() {
        Deque<Runnable> journal = new ArrayDeque<>();
        tables.values().forEach(t -> t.journal(journal));
        return new Savepoint() {
            @Override
            public void rollback() {
                release();
                while (!journal.isEmpty()) {
                    journal.pop().run();
                }
            }

            @Override
            public void release() {
                tables.values().forEach(t -> t.journal(null));
            }
        };
    }

    /** The graph over this source's rows: edge types and weighted edges between rows of any tables. */
    @Override
    public Optional<Graph> graph() {
        return Optional.of(graph);
    }

    private void requireFree(String name) {
        if (tables.containsKey(key(name)) || views.containsKey(key(name))) {
            throw new HqlExecutionException(ErrorCode.HQL_DUPLICATE_OBJECT, "table or view " + name + " already exists");
        }
    }

    /**
     * The name of an index a key implies, as SQLite names it: {@code sqlite_autoindex_TABLE_N}, N
     * counting the table's keys from 1 (the PRIMARY KEY first, then the UNIQUE keys, a key over the
     * same columns as an earlier one counted once). An INTEGER PRIMARY KEY, which SQLite keeps as
     * the rowid without an index, is {@code sqlite_autoindex_TABLE_rowid} here.
     */
    private static String impliedName(String table, String suffix) {
        return "sqlite_autoindex_" + table + "_" + suffix;
    }

    private static boolean sameColumns(List<String> a, List<String> b) {
        return a.size() == b.size() && IntStream.range(0, a.size()).allMatch(i -> a.get(i).equalsIgnoreCase(b.get(i)));
    }

    private static MemoryIndex index(InMemoryTable table, IndexDefinition definition) {
        return table.indexOver(definition);
    }

    private static String key(String name) {
        return name.toLowerCase(Locale.ROOT);
    }
}
