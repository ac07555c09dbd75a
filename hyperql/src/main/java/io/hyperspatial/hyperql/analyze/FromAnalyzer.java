package io.hyperspatial.hyperql.analyze;

import io.hyperspatial.hyperql.ast.Select;
import io.hyperspatial.hyperql.ast.Statement;
import io.hyperspatial.hyperql.error.ErrorCode;
import io.hyperspatial.hyperql.error.HqlSemanticException;
import io.hyperspatial.hyperql.parse.SqlParser;
import io.hyperspatial.hyperql.plan.AccessMethod;
import io.hyperspatial.hyperql.plan.Coercion;
import io.hyperspatial.hyperql.plan.ColumnInfo;
import io.hyperspatial.hyperql.plan.PlanNode;
import io.hyperspatial.hyperql.plan.Scalar;
import io.hyperspatial.hyperql.source.ColumnSchema;
import io.hyperspatial.hyperql.source.DataSource;
import io.hyperspatial.hyperql.source.Table;
import io.hyperspatial.hyperql.source.ViewDefinition;
import io.hyperspatial.hyperql.value.SqlType;

import java.util.ArrayList;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Plans a FROM clause: tables become scans, views and subqueries their own plans, joins nested
 * loops with their ON/USING/NATURAL condition (the optimizer turns equalities into hash joins).
 * Adds every element's columns to the query level's {@link Scope}. Not thread-safe.
 */
final class FromAnalyzer {
    private final DataSource source;
    private final SelectAnalyzer selects;
    private final ExprBinder binder;
    private final Set<String> viewsBeingExpanded = new HashSet<>();
    /** The WITH clauses in effect, innermost first: their common tables shadow tables and views. */
    private final Deque<Select.With> withs = new ArrayDeque<>();
    /** Common tables whose query is being planned (a query naming its own table is an error). */
    private final Set<Select.CommonTable> tablesBeingExpanded = new HashSet<>();
    /** Recursive common tables whose query is being planned: a use of their name is their working table. */
    private final Map<Select.CommonTable, RecursiveCommonTable> recursiveBeingPlanned = new HashMap<>();

    FromAnalyzer(DataSource source, SelectAnalyzer selects, ExprBinder binder) {
        this.source = source;
        this.selects = selects;
        this.binder = binder;
    }

    PlanNode plan(Select.From from, Scope scope) {
        return switch (from) {
            case Select.TableRef t -> table(t, scope);
            case Select.SubqueryRef s -> {
                PlanNode plan = selects.plan(s.query(), scope.parent());
                scope.add(s.alias(), plan.columns());
                yield plan;
            }
            case Select.Join j -> join(j, scope);
            case Select.MatchRef m -> new MatchAnalyzer(source).plan(m.pattern(), scope);
        };
    }

    /** The scan of a table, with the columns as the analyzer sees them (no hidden rowid: graph patterns and trigger rows). */
    static PlanNode.Scan scan(Table table, String alias, boolean withRowId) {
        return scan(table, alias, withRowId, false);
    }

    /**
     * The scan of a table that SQL names in FROM or writes to: its columns, then its hidden rowid
     * when it keeps one ({@link Table#keepsRowid()}), then the row id when asked for.
     */
    static PlanNode.Scan tableScan(Table table, String alias, boolean withRowId) {
        return scan(table, alias, withRowId, table.keepsRowid());
    }

    private static PlanNode.Scan scan(Table table, String alias, boolean withRowId, boolean hiddenRowid) {
        List<ColumnInfo> columns = columns(table.schema());
        if (hiddenRowid) {
            columns.add(ColumnInfo.hiddenRowid());
        }
        if (withRowId) {
            columns.add(new ColumnInfo("rowid", null, SqlType.INTEGER));
        }
        return new PlanNode.Scan(table, alias, columns, new AccessMethod.FullScan(), null, withRowId);
    }

    /** A table's columns as the analyzer sees them. */
    static List<ColumnInfo> columns(io.hyperspatial.hyperql.source.TableSchema schema) {
        List<ColumnInfo> columns = new ArrayList<>();
        for (ColumnSchema c : schema.columns()) {
            columns.add(new ColumnInfo(c.name(), c.affinity(), c.vector() != null ? SqlType.VECTOR : SqlType.ANY,
                    c.vector() != null ? c.vector().metric() : null, c.computed()));
        }
        return columns;
    }

    /** Makes a WITH clause's common tables visible until {@link #leave}. */
    void enter(Select.With with) {
        withs.push(with);
    }

    void leave() {
        withs.pop();
    }

    /** The common table a name means where it is used, or null. */
    private Select.CommonTable commonTable(String name) {
        for (Select.With with : withs) {
            for (Select.CommonTable t : with.tables()) {
                if (t.name().equalsIgnoreCase(name)) {
                    return t;
                }
            }
        }
        return null;
    }

    /**
     * A common table's rows: its query planned where it is named (every use plans it again, as a
     * view is, seeing the columns of the queries around that place as a FROM subquery does), its
     * columns renamed when the WITH clause lists names. A query that names its own
     * table is recursive ({@link RecursiveCommonTable}); a use inside its recursive SELECTs is the
     * working table.
     */
    private PlanNode commonTable(Select.CommonTable cte, Select.TableRef at, Scope outer) {
        RecursiveCommonTable recursive = recursiveBeingPlanned.get(cte);
        if (recursive != null) {
            return recursive.reference(at);
        }
        if (RecursiveCommonTable.namesItself(cte)) {
            recursive = RecursiveCommonTable.of(selects, cte);
            recursiveBeingPlanned.put(cte, recursive);
            try {
                return recursive.plan(at, outer);
            } finally {
                recursiveBeingPlanned.remove(cte);
            }
        }
        if (!tablesBeingExpanded.add(cte)) {
            throw new HqlSemanticException(ErrorCode.HQL_BAD_REFERENCE, "circular reference: " + cte.name(),
                    at.position());
        }
        try {
            PlanNode plan = selects.plan(cte.query(), outer);
            return cte.columns().isEmpty() ? plan : renamed(plan, cte.columns(), cte.name(), at);
        } finally {
            tablesBeingExpanded.remove(cte);
        }
    }

    private PlanNode table(Select.TableRef t, Scope scope) {
        String qualifier = t.alias() != null ? t.alias() : t.name();
        Select.CommonTable cte = commonTable(t.name());
        if (cte != null) {
            PlanNode plan = commonTable(cte, t, scope.parent());
            scope.add(qualifier, plan.columns());
            return plan;
        }
        Table table = source.table(t.name()).orElse(null);
        if (table != null) {
            PlanNode.Scan scan = tableScan(table, qualifier, false);
            scope.addTable(qualifier, scan.columns(), table);
            return scan;
        }
        ViewDefinition view = source.view(t.name()).orElseThrow(() -> new HqlSemanticException(
                ErrorCode.HQL_UNKNOWN_TABLE, "no such table: " + t.name(), t.position()));
        PlanNode plan = view(view, t);
        scope.add(qualifier, plan.columns());
        return plan;
    }

    private PlanNode view(ViewDefinition view, Select.TableRef at) {
        String key = view.name().toLowerCase(Locale.ROOT);
        if (!viewsBeingExpanded.add(key)) {
            throw new HqlSemanticException(ErrorCode.HQL_UNKNOWN_TABLE, "view " + view.name() + " is circularly defined",
                    at.position());
        }
        try {
            Statement parsed = SqlParser.parseStatement(view.selectText());
            if (!(parsed instanceof Statement.Query query)) {
                throw new HqlSemanticException(ErrorCode.HQL_UNKNOWN_TABLE, "view " + view.name() + " is not a query",
                        at.position());
            }
            PlanNode plan = selects.plan(query.select(), null);
            if (view.columnNames().isEmpty()) {
                return plan;
            }
            return renamed(plan, view.columnNames(), view.name(), at);
        } finally {
            viewsBeingExpanded.remove(key);
        }
    }

    /** The plan with its columns renamed (CREATE VIEW v(a, b) AS ...). */
    static PlanNode renamed(PlanNode plan, List<String> names, String what, Select.TableRef at) {
        List<ColumnInfo> columns = plan.columns();
        if (names.size() != columns.size()) {
            throw new HqlSemanticException(ErrorCode.HQL_COLUMN_COUNT, "expected " + names.size() + " columns for "
                    + what + " but got " + columns.size(), at == null ? null : at.position());
        }
        List<Scalar> outputs = new ArrayList<>();
        List<ColumnInfo> renamed = new ArrayList<>();
        for (int i = 0; i < columns.size(); i++) {
            outputs.add(new Scalar.Column(0, i, columns.get(i).name()));
            renamed.add(new ColumnInfo(names.get(i), columns.get(i).affinity(), columns.get(i).type(), columns.get(i).metric()));
        }
        return new PlanNode.Project(plan, outputs, renamed);
    }

    private PlanNode join(Select.Join j, Scope scope) {
        PlanNode left = plan(j.left(), scope);
        int leftWidth = scope.width();
        PlanNode right = plan(j.right(), scope);
        Scalar condition = null;
        List<String> using = j.using();
        if (j.natural()) {
            using = commonNames(scope, leftWidth);
        }
        if (!using.isEmpty()) {
            condition = usingCondition(using, scope, leftWidth, j);
        } else if (j.on() != null) {
            condition = binder.bind(j.on(), new ExprBinder.Context(scope, false, null, "ON")).scalar();
        }
        PlanNode.JoinKind kind = j.kind() == Select.JoinKind.LEFT ? PlanNode.JoinKind.LEFT : PlanNode.JoinKind.INNER;
        return new PlanNode.Join(left, right, kind, condition);
    }

    private static List<String> commonNames(Scope scope, int leftWidth) {
        List<String> names = new ArrayList<>();
        List<Scope.Entry> entries = scope.entries();
        for (int r = leftWidth; r < entries.size(); r++) {
            for (int l = 0; l < leftWidth; l++) {
                String name = entries.get(r).column().name();
                if (!entries.get(l).qualifiedOnly() && !entries.get(l).column().computed()
                        && !entries.get(r).column().computed() && entries.get(l).column().name().equalsIgnoreCase(name)
                        && names.stream().noneMatch(name::equalsIgnoreCase)) {
                    names.add(name);
                }
            }
        }
        return names;
    }

    private static Scalar usingCondition(List<String> using, Scope scope, int leftWidth, Select.Join j) {
        Scalar condition = null;
        List<Scope.Entry> entries = scope.entries();
        for (String name : using) {
            Scope.Entry left = null;
            Scope.Entry right = null;
            for (Scope.Entry e : entries) {
                if (e.column().name().equalsIgnoreCase(name) && !e.qualifiedOnly()) {
                    if (e.index() < leftWidth && left == null) {
                        left = e;
                    } else if (e.index() >= leftWidth && right == null) {
                        right = e;
                    }
                }
            }
            if (left == null || right == null) {
                throw new HqlSemanticException(ErrorCode.HQL_UNKNOWN_COLUMN, "cannot join using column " + name
                        + " - column not present in both tables", null);
            }
            scope.hideUnqualified(right.index());
            Scalar eq = new Scalar.Compare("=", new Scalar.Column(0, left.index(), left.column().name()),
                    new Scalar.Column(0, right.index(), right.column().name()),
                    Coercion.between(left.column().affinity(), right.column().affinity()));
            condition = condition == null ? eq : new Scalar.And(condition, eq);
        }
        return condition;
    }
}
