package io.hyperspatial.hyperql.analyze;

import io.hyperspatial.hyperql.ast.Expr;
import io.hyperspatial.hyperql.ast.Statement;
import io.hyperspatial.hyperql.error.ErrorCode;
import io.hyperspatial.hyperql.error.HqlSemanticException;
import io.hyperspatial.hyperql.exec.Evaluator;
import io.hyperspatial.hyperql.exec.Frame;
import io.hyperspatial.hyperql.plan.BoundStatement;
import io.hyperspatial.hyperql.plan.ColumnInfo;
import io.hyperspatial.hyperql.plan.PlanNode;
import io.hyperspatial.hyperql.plan.Scalar;
import io.hyperspatial.hyperql.parse.Identifiers;
import io.hyperspatial.hyperql.source.CheckConstraint;
import io.hyperspatial.hyperql.source.ColumnSchema;
import io.hyperspatial.hyperql.source.DataSource;
import io.hyperspatial.hyperql.source.IndexDefinition;
import io.hyperspatial.hyperql.source.RowIds;
import io.hyperspatial.hyperql.source.Table;
import io.hyperspatial.hyperql.source.TableMutation;
import io.hyperspatial.hyperql.source.TableSchema;
import io.hyperspatial.hyperql.source.VectorMetric;
import io.hyperspatial.hyperql.source.ViewDefinition;
import io.hyperspatial.hyperql.value.Affinity;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The analyzer and type checker: resolves every name of a statement against the {@link DataSource}
 * (tables, views, columns, functions, correlated references), checks what can be checked before
 * running, and builds the logical plan. Errors name the offending expression and its position.
 * Not thread-safe: one analyzer per statement.
 */
public final class Analyzer {
    private final DataSource source;
    private final Parameters parameters = new Parameters();
    private final SelectAnalyzer selects;
    private final Triggers triggers;
    private final TableAlterations alterations;
    /** The NEW and OLD row of the trigger whose body this analyzes, else null. */
    private final Scope triggerRow;

    public Analyzer(DataSource source) {
        this(source, null, java.util.Set.of());
    }

    /** An analyzer of a trigger body: {@code triggerRow} holds NEW and OLD, {@code firing} the triggers running. */
    Analyzer(DataSource source, Scope triggerRow, Set<String> firing) {
        this.source = source;
        this.selects = new SelectAnalyzer(source, parameters);
        this.triggers = new Triggers(source, firing);
        this.alterations = new TableAlterations(source, selects.binder());
        this.triggerRow = triggerRow;
    }

    /** Analyzes one statement. */
    public BoundStatement analyze(Statement statement) {
        return switch (statement) {
            case Statement.Explain e -> new BoundStatement.Explain(analyze(e.statement()));
            case Statement.Query q -> new BoundStatement.Query(selects.plan(q.select(), triggerRow));
            case Statement.CreateTable c -> createTable(c);
            case Statement.CreateIndex c -> createIndex(c);
            case Statement.CreateView v -> createView(v);
            case Statement.Drop d -> new BoundStatement.Drop(d.kind(), d.name(), d.ifExists());
            case Statement.CreateTrigger t -> triggers.create(t);
            case Statement.AlterVectorIndex a -> alterVectorIndex(a);
            case Statement.AddColumn a -> addColumn(a);
            case Statement.RenameTable r -> alterations.renameTable(r);
            case Statement.RenameColumn r -> alterations.renameColumn(r);
            case Statement.DropColumn d -> alterations.dropColumn(d);
            case Statement.Reindex r -> reindex(r);
            case Statement.Insert i -> triggers.wrap(insert(i), table(i.table()), Statement.TriggerEvent.INSERT);
            case Statement.Update u -> triggers.wrap(update(u), table(u.table()), Statement.TriggerEvent.UPDATE);
            case Statement.Delete d -> triggers.wrap(delete(d), table(d.table()), Statement.TriggerEvent.DELETE);
            case Statement.CreateEdgeType c -> new BoundStatement.CreateEdgeType(MatchAnalyzer.graph(source, null), c.name(),
                    c.ifNotExists());
            case Statement.DropEdgeType d -> new BoundStatement.DropEdgeType(MatchAnalyzer.graph(source, null), d.name(),
                    d.ifExists());
            case Statement.EdgeWrite w -> EdgeStatements.analyze(w, source, selects.plan(w.ends(), null));
            case Statement.Reposition r -> new BoundStatement.Reposition(source.repositioner().orElseThrow(
                    () -> new HqlSemanticException(ErrorCode.HQL_UNSUPPORTED, "this data source keeps no positions, so it"
                            + " cannot REPOSITION", r.position())), r.request());
        };
    }

    /** A condition over the columns of {@code scope} (and its parents), like a WHERE clause. */
    Scalar condition(Expr condition, Scope scope, String clause) {
        return selects.binder().bind(condition, new ExprBinder.Context(scope, false, null, clause)).scalar();
    }

    /** The labels of the parameters the analyzed statement mentions, by slot. */
    public List<String> parameterLabels() {
        return parameters.labels();
    }

    /** SQLite keeps names starting with {@code sqlite_} for itself (here: the indexes keys imply). */
    static void requireUnreserved(String name) {
        if (name.toLowerCase(Locale.ROOT).startsWith("sqlite_")) {
            throw new HqlSemanticException(ErrorCode.HQL_UNSUPPORTED, "object name reserved for internal use: " + name, null);
        }
    }

    private BoundStatement createTable(Statement.CreateTable c) {
        requireUnreserved(c.name());
        if (c.asSelect() != null) {
            PlanNode plan = selects.plan(c.asSelect(), null);
            List<ColumnSchema> columns = new ArrayList<>();
            for (ColumnInfo col : plan.columns()) {
                String declared = col.affinity() == null ? "" : switch (col.affinity()) {
                    case INTEGER -> "INT";
                    case REAL -> "REAL";
                    case NUMERIC -> "NUM";
                    case TEXT -> "TEXT";
                    case BLOB -> "";
                };
                columns.add(ColumnSchema.of(col.name(), declared));
            }
            return new BoundStatement.CreateTable(new TableSchema(c.name(), columns, List.of(), List.of()),
                    c.ifNotExists(), plan);
        }
        List<ColumnSchema> columns = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        List<String> primaryKey = new ArrayList<>(c.primaryKey());
        List<List<String>> unique = new ArrayList<>(c.uniqueKeys());
        for (Statement.ColumnDef d : c.columns()) {
            if (!seen.add(d.name().toLowerCase(Locale.ROOT))) {
                throw new HqlSemanticException(ErrorCode.HQL_DUPLICATE_OBJECT, "duplicate column name: " + d.name(), null);
            }
            columns.add(column(d));
            if (d.primaryKey()) {
                if (!primaryKey.isEmpty()) {
                    throw new HqlSemanticException(ErrorCode.HQL_DUPLICATE_OBJECT,
                            "table " + c.name() + " has more than one primary key", null);
                }
                primaryKey.add(d.name());
            }
            if (d.unique()) {
                unique.add(List.of(d.name()));
            }
        }
        Set<String> uniqueOnTable = new HashSet<>();
        for (List<String> k : c.uniqueKeys()) {
            if (k.size() == 1 && c.columns().stream().noneMatch(d -> d.unique() && d.name().equalsIgnoreCase(k.getFirst()))) {
                uniqueOnTable.add(k.getFirst());
            }
        }
        TableSchema schema = new TableSchema(c.name(), columns, primaryKey, unique, c.checks().stream()
                .map(k -> new CheckConstraint(k.name(), k.column(), k.text())).toList(), uniqueOnTable);
        CheckConstraints.validate(c.checks(), schema, selects.binder());
        for (String k : primaryKey) {
            requireColumn(schema, k);
        }
        for (List<String> u : unique) {
            u.forEach(k -> requireColumn(schema, k));
        }
        return new BoundStatement.CreateTable(schema, c.ifNotExists(), null);
    }

    /** The functions whose value a default cannot take once: they read the clock, draw randomly, or read the session. */
    private static final Set<String> VOLATILE = Set.of("current_date", "current_time", "current_timestamp", "random",
            "randomblob", "date", "time", "datetime", "julianday", "strftime", "unixepoch", "changes", "total_changes",
            "last_insert_rowid");

    private ColumnSchema column(Statement.ColumnDef d) {
        Object defaultValue = null;
        if (d.defaultValue() != null) {
            Scalar value = defaultExpression(d.defaultValue());
            defaultValue = Identifiers.mentions(d.defaultText(), VOLATILE) ? new ColumnSchema.Expression(d.defaultText())
                    : Evaluator.eval(value, new Object[0], Frame.root(new Object[0]));
        }
        if (d.type().isVector()) {
            VectorMetric metric = VectorMetric.named(d.type().metric()).orElseThrow(() -> new HqlSemanticException(
                    ErrorCode.HQL_TYPE_MISMATCH, "unknown vector metric '" + d.type().metric()
                    + "' for column " + d.name() + " (use l2, cosine, dot, poincare or lorentz)", null));
            return new ColumnSchema(d.name(), d.type().text(), Affinity.BLOB, d.notNull(), defaultValue,
                    new ColumnSchema.VectorType(d.type().dimensions(), metric, d.type().indexOptions()));
        }
        return new ColumnSchema(d.name(), d.type().text(), Affinity.ofDeclaredType(d.type().text()), d.notNull(),
                defaultValue, null);
    }

    /**
     * ALTER TABLE ... ADD COLUMN with SQLite's limits: a new name, no PRIMARY KEY or UNIQUE, NOT
     * NULL only with a default other than NULL; and here no CHECK, and no default for a vector.
     */
    private BoundStatement addColumn(Statement.AddColumn a) {
        Table table = table(a.table());
        TableSchema schema = table.schema();
        Statement.ColumnDef d = a.column();
        if (schema.indexOf(d.name()) >= 0) {
            throw new HqlSemanticException(ErrorCode.HQL_DUPLICATE_OBJECT, "duplicate column name: " + d.name(), a.position());
        }
        if (d.primaryKey() || d.unique()) {
            throw new HqlSemanticException(ErrorCode.HQL_UNSUPPORTED, "cannot add a " + (d.primaryKey() ? "PRIMARY KEY" : "UNIQUE")
                    + " column", a.position());
        }
        if (!a.checks().isEmpty()) {
            throw new HqlSemanticException(ErrorCode.HQL_UNSUPPORTED, "cannot add a column with a CHECK constraint",
                    a.position());
        }
        ColumnSchema column = column(d);
        if (column.defaultValue() instanceof ColumnSchema.Expression) {
            throw new HqlSemanticException(ErrorCode.HQL_UNSUPPORTED, "Cannot add a column with non-constant default",
                    a.position());
        }
        if (column.notNull() && column.defaultValue() == null) {
            throw new HqlSemanticException(ErrorCode.HQL_CONSTRAINT, "cannot add a NOT NULL column with default value NULL",
                    a.position());
        }
        if (column.vector() != null && column.defaultValue() != null) {
            throw new HqlSemanticException(ErrorCode.HQL_UNSUPPORTED, "a vector column cannot have a DEFAULT", a.position());
        }
        return new BoundStatement.AddColumn(schema.name(), column);
    }

    /**
     * REINDEX: there is nothing to rebuild (every index is kept up to date as rows change, and
     * collations do not change), so it checks that the name is a table, a view, an index or a collation
     * (BINARY, NOCASE, RTRIM) and changes nothing, as SQLite's REINDEX changes no result.
     */
    private BoundStatement reindex(Statement.Reindex r) {
        String name = r.name();
        boolean known = name == null || source.table(name).isPresent() || source.view(name).isPresent()
                || source.index(name).isPresent()
                || List.of("binary", "nocase", "rtrim").contains(name.toLowerCase(Locale.ROOT));
        if (!known) {
            throw new HqlSemanticException(ErrorCode.HQL_UNKNOWN_TABLE, "unable to identify the object to be reindexed", null);
        }
        return new BoundStatement.Reindex(name);
    }

    /** A column default bound as an expression without columns. */
    private Scalar defaultExpression(Expr expression) {
        return selects.binder().bind(expression, new ExprBinder.Context(new Scope(null), false, null, "DEFAULT")).scalar();
    }

    /** The defaults a statement evaluates for each inserted row, by column; null where the default is one value. */
    private List<Scalar> rowDefaults(TableSchema schema) {
        List<Scalar> out = new ArrayList<>();
        for (ColumnSchema c : schema.columns()) {
            out.add(c.defaultValue() instanceof ColumnSchema.Expression e
                    ? defaultExpression(CheckConstraints.parse(e.sql())) : null);
        }
        return out;
    }

    private BoundStatement createIndex(Statement.CreateIndex c) {
        requireUnreserved(c.name());
        Table table = table(c.table());
        for (String column : c.columns()) {
            requireColumn(table.schema(), column);
        }
        return new BoundStatement.CreateIndex(new IndexDefinition(c.name(), table.schema().name(), c.columns(), c.unique()),
                c.ifNotExists());
    }

    /**
     * The column must be a stored vector column of a table (not a view, not a column the source
     * computes), and the source must keep vector indexes; each refusal points at the name at fault.
     */
    private BoundStatement alterVectorIndex(Statement.AlterVectorIndex a) {
        Table table = source.table(a.table()).orElseThrow(() -> new HqlSemanticException(ErrorCode.HQL_UNKNOWN_TABLE,
                source.view(a.table()).isPresent() ? "cannot alter " + a.table() + " because it is a view"
                        : "no such table: " + a.table(), a.tablePosition()));
        TableSchema schema = table.schema();
        int index = schema.indexOf(a.column());
        if (index < 0) {
            throw new HqlSemanticException(ErrorCode.HQL_UNKNOWN_COLUMN, "table " + schema.name() + " has no column named "
                    + a.column(), a.columnPosition());
        }
        ColumnSchema column = schema.columns().get(index);
        String qualified = schema.name() + "." + column.name();
        if (column.vector() == null) {
            throw new HqlSemanticException(ErrorCode.HQL_TYPE_MISMATCH, "column " + qualified
                    + " is not a VECTOR column; only vector columns have index settings", a.columnPosition());
        }
        if (column.computed()) {
            throw new HqlSemanticException(ErrorCode.HQL_UNSUPPORTED, "column " + qualified
                    + " is computed by the data source; its index settings cannot be changed", a.columnPosition());
        }
        return new BoundStatement.AlterVectorIndex(source.vectorIndexes().orElseThrow(() -> new HqlSemanticException(
                ErrorCode.HQL_UNSUPPORTED, "this data source keeps no vector indexes, so the settings of " + qualified
                + " cannot be changed", a.tablePosition())), schema.name(), column.name(), a.options());
    }

    private BoundStatement createView(Statement.CreateView v) {
        requireUnreserved(v.name());
        PlanNode plan = selects.plan(v.select(), null);
        if (!v.columnNames().isEmpty()) {
            FromAnalyzer.renamed(plan, v.columnNames(), v.name(), null);
        }
        return new BoundStatement.CreateView(new ViewDefinition(v.name(), v.columnNames(), v.selectText()), v.ifNotExists());
    }

    private BoundStatement insert(Statement.Insert i) {
        Table table = table(i.table());
        TableSchema schema = table.schema();
        int[] targets;
        if (i.columns().isEmpty()) {
            List<Integer> stored = new ArrayList<>();
            for (int k = 0; i.source() != null && k < schema.columns().size(); k++) {
                if (!schema.columns().get(k).computed()) {
                    stored.add(k);
                }
            }
            targets = stored.stream().mapToInt(Integer::intValue).toArray();
        } else {
            targets = new int[i.columns().size()];
            for (int k = 0; k < targets.length; k++) {
                targets[k] = requireWritable(table, i.columns().get(k));
            }
        }
        PlanNode rows = i.source() == null ? new PlanNode.Values(List.of(List.of()), List.of())
                : selects.plan(i.source(), triggerRow);
        if (rows.columns().size() != targets.length) {
            String message = i.columns().isEmpty()
                    ? "table " + schema.name() + " has " + targets.length + " columns but " + rows.columns().size() + " values were supplied"
                    : rows.columns().size() + " values for " + targets.length + " columns";
            throw new HqlSemanticException(ErrorCode.HQL_COLUMN_COUNT, message, null);
        }
        TableMutation.OnConflict onConflict = TableMutation.OnConflict.valueOf(i.conflict().name());
        return new BoundStatement.Insert(table, targets, rows, onConflict, CheckConstraints.bind(schema, selects.binder()),
                rowDefaults(schema));
    }

    private BoundStatement update(Statement.Update u) {
        Table table = table(u.table());
        Scope scope = new Scope(triggerRow);
        PlanNode.Scan scan = FromAnalyzer.tableScan(table, table.schema().name(), true);
        scope.addTable(table.schema().name(), scan.columns().subList(0, scan.columns().size() - 1), table);
        ExprBinder.Context cx = new ExprBinder.Context(scope, false, null, "UPDATE");
        PlanNode rows = where(scan, u.where(), cx);
        int[] columns = new int[u.assignments().size()];
        List<Scalar> values = new ArrayList<>();
        for (int k = 0; k < columns.length; k++) {
            Statement.Assignment a = u.assignments().get(k);
            columns[k] = requireWritable(table, a.column());
            values.add(selects.binder().bind(a.value(), cx).scalar());
        }
        return new BoundStatement.Update(table, rows, columns, values, TableMutation.OnConflict.valueOf(u.conflict().name()),
                CheckConstraints.bind(table.schema(), selects.binder()), rowDefaults(table.schema()));
    }

    private BoundStatement delete(Statement.Delete d) {
        Table table = table(d.table());
        Scope scope = new Scope(triggerRow);
        PlanNode.Scan scan = FromAnalyzer.tableScan(table, table.schema().name(), true);
        scope.addTable(table.schema().name(), scan.columns().subList(0, scan.columns().size() - 1), table);
        return new BoundStatement.Delete(table, where(scan, d.where(), new ExprBinder.Context(scope, false, null, "DELETE")));
    }

    private PlanNode where(PlanNode.Scan scan, Expr where, ExprBinder.Context cx) {
        return where == null ? scan : new PlanNode.Filter(scan, selects.binder().bind(where, cx).scalar());
    }

    private Table table(String name) {
        return source.table(name).orElseThrow(() -> new HqlSemanticException(ErrorCode.HQL_UNKNOWN_TABLE,
                source.view(name).isPresent() ? "cannot modify " + name + " because it is a view" : "no such table: " + name,
                null));
    }

    /**
     * A column a statement may write: stored, not computed by the source. A rowid name that no
     * column has is the {@code INTEGER PRIMARY KEY}, else the hidden rowid, which is position
     * {@code columns().size()} ({@link Table#keepsRowid()}); a table with neither refuses it.
     */
    private static int requireWritable(Table table, String column) {
        TableSchema schema = table.schema();
        if (schema.indexOf(column) < 0 && RowIds.isAlias(column)) {
            if (schema.hasIntegerPrimaryKey()) {
                return schema.indexOf(schema.primaryKey().getFirst());
            }
            if (table.keepsRowid()) {
                return schema.columns().size();
            }
            throw new HqlSemanticException(ErrorCode.HQL_UNSUPPORTED, "table " + schema.name() + " has no rowid to write: "
                    + "its data source names rows by its own ids, not integers", null);
        }
        int index = requireColumn(schema, column);
        if (schema.columns().get(index).computed()) {
            throw new HqlSemanticException(ErrorCode.HQL_UNSUPPORTED, "column " + schema.name() + "."
                    + schema.columns().get(index).name() + " is computed by the data source and cannot be written", null);
        }
        return index;
    }

    private static int requireColumn(TableSchema schema, String column) {
        int index = schema.indexOf(column);
        if (index < 0) {
            throw new HqlSemanticException(ErrorCode.HQL_UNKNOWN_COLUMN,
                    "table " + schema.name() + " has no column named " + column, null);
        }
        return index;
    }
}
