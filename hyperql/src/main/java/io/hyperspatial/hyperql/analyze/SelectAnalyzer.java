package io.hyperspatial.hyperql.analyze;

import io.hyperspatial.hyperql.ast.Expr;
import io.hyperspatial.hyperql.ast.Select;
import io.hyperspatial.hyperql.error.ErrorCode;
import io.hyperspatial.hyperql.error.HqlSemanticException;
import io.hyperspatial.hyperql.plan.ColumnInfo;
import io.hyperspatial.hyperql.plan.PlanNode;
import io.hyperspatial.hyperql.plan.Scalar;
import io.hyperspatial.hyperql.plan.SortKey;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Turns a SELECT into a logical plan: FROM (see {@link FromAnalyzer}), WHERE, the result columns,
 * grouping and aggregation, HAVING, DISTINCT, compound operators, ORDER BY (result-column ordinals,
 * aliases or expressions) and LIMIT/OFFSET. Not thread-safe; one per analysis.
 */
final class SelectAnalyzer {
    private final ExprBinder binder;
    private final FromAnalyzer from;
    private int depth;

    SelectAnalyzer(io.hyperspatial.hyperql.source.DataSource source, Parameters parameters) {
        this.binder = new ExprBinder(this, parameters);
        this.from = new FromAnalyzer(source, this, binder);
    }

    ExprBinder binder() {
        return binder;
    }

    /**
     * The plan of a query whose enclosing query level has scope {@code parent} (null at top level).
     * Its WITH clause, if any, names queries for everything inside it ({@link FromAnalyzer#with}).
     */
    PlanNode plan(Select select, Scope parent) {
        depth++;
        try {
            if (select.with() == null) {
                return planWithoutWith(select, parent);
            }
            from.enter(select.with());
            try {
                return planWithoutWith(select, parent);
            } finally {
                from.leave();
            }
        } finally {
            depth--;
        }
    }

    /** How many queries deep the analysis is now (1 while planning a top-level query's own FROM). */
    int depth() {
        return depth;
    }

    private PlanNode planWithoutWith(Select select, Scope parent) {
        if (select.cores().size() == 1 && select.cores().get(0) instanceof Select.QuerySpec spec) {
            return single(spec, select, parent);
        }
        PlanNode plan = core(select.cores().get(0), parent);
        for (int i = 1; i < select.cores().size(); i++) {
            PlanNode right = core(select.cores().get(i), parent);
            if (right.columns().size() != plan.columns().size()) {
                throw widthMismatch(select.operators().get(i - 1), position(select.cores().get(i)));
            }
            PlanNode.SetKind kind = PlanNode.SetKind.valueOf(select.operators().get(i - 1).name());
            plan = new PlanNode.SetOperation(kind, plan, right, plan.columns());
        }
        List<SortKey> keys = compoundOrder(select, plan.columns());
        if (!keys.isEmpty()) {
            plan = new PlanNode.Sort(plan, keys);
        }
        return limit(plan, select);
    }

    private PlanNode core(Select.Core core, Scope parent) {
        return switch (core) {
            case Select.QuerySpec spec -> single(spec, new Select(List.of(spec), List.of(), List.of(), null, null), parent);
            case Select.Values values -> values(values, parent);
        };
    }

    private PlanNode values(Select.Values values, Scope parent) {
        int width = values.rows().get(0).size();
        ExprBinder.Context cx = new ExprBinder.Context(new Scope(parent), false, null, "VALUES");
        List<List<Scalar>> rows = new ArrayList<>();
        List<ColumnInfo> columns = new ArrayList<>();
        for (List<Expr> row : values.rows()) {
            if (row.size() != width) {
                throw new HqlSemanticException(ErrorCode.HQL_COLUMN_COUNT, "all VALUES must have the same number of terms",
                        values.position());
            }
            List<Scalar> bound = new ArrayList<>();
            for (int i = 0; i < row.size(); i++) {
                Typed t = binder.bind(row.get(i), cx);
                bound.add(t.scalar());
                if (rows.isEmpty()) {
                    columns.add(t.column("column" + (i + 1)));
                }
            }
            rows.add(bound);
        }
        return new PlanNode.Values(rows, columns);
    }

    private PlanNode single(Select.QuerySpec q, Select select, Scope parent) {
        Scope scope = new Scope(parent);
        PlanNode input = q.from() == null ? oneEmptyRow() : from.plan(q.from(), scope);
        List<Typed> items = new ArrayList<>();
        List<String> names = new ArrayList<>();
        Map<String, Typed> aliases = new HashMap<>();
        ExprBinder.Context selectCx = new ExprBinder.Context(scope, true, null, "SELECT");
        for (Select.Item item : q.items()) {
            expand(item, scope, selectCx, items, names, aliases, q);
        }
        Scalar where = q.where() == null ? null
                : binder.bind(q.where(), new ExprBinder.Context(scope, false, aliases, "WHERE")).scalar();
        List<Typed> groupBy = new ArrayList<>();
        for (Expr g : q.groupBy()) {
            groupBy.add(groupTerm(g, items, scope, aliases));
        }
        ExprBinder.Context upperCx = new ExprBinder.Context(scope, true, aliases, "HAVING");
        Scalar having = q.having() == null ? null : binder.bind(q.having(), upperCx).scalar();

        List<Scalar> outputs = new ArrayList<>(items.stream().map(Typed::scalar).toList());
        List<ColumnInfo> columns = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            columns.add(items.get(i).column(names.get(i)));
        }
        int visible = outputs.size();
        List<SortKey> keys = new ArrayList<>();
        for (Select.OrderItem item : select.orderBy()) {
            int index = orderColumn(item, items, names, aliases, upperCx, outputs, columns);
            keys.add(sortKey(new Scalar.Column(0, index, columns.get(index).name()), item));
        }

        if (where != null) {
            input = new PlanNode.Filter(input, where);
        }
        List<Scalar> upper = new ArrayList<>(outputs);
        if (having != null) {
            upper.add(having);
        }
        boolean aggregates = AggregatePlanner.anyAggregate(upper);
        if (groupBy.isEmpty() && !aggregates && having != null) {
            throw new HqlSemanticException(ErrorCode.HQL_MISUSED_AGGREGATE, "HAVING clause on a non-aggregate query",
                    q.having().position());
        }
        if (groupBy.isEmpty() && having == null && aggregates
                && !AggregatePlanner.anyAggregate(outputs.subList(0, visible))) {
            // Only ORDER BY calls an aggregate: SQLite does not make that an aggregate query.
            throw new HqlSemanticException(ErrorCode.HQL_MISUSED_AGGREGATE, "misuse of aggregate function in ORDER BY",
                    q.position());
        }
        if (!groupBy.isEmpty() || having != null || aggregates) {
            AggregatePlanner aggregation = new AggregatePlanner(groupBy);
            outputs.replaceAll(aggregation::rewrite);
            Scalar havingOverGroups = having == null ? null : aggregation.rewrite(having);
            input = aggregation.node(input);
            if (havingOverGroups != null) {
                input = new PlanNode.Filter(input, havingOverGroups);
            }
        }
        PlanNode plan = new PlanNode.Project(input, outputs, columns);
        if (q.distinct()) {
            plan = new PlanNode.Distinct(plan);
        }
        if (!keys.isEmpty()) {
            plan = new PlanNode.Sort(plan, keys);
        }
        plan = limit(plan, select);
        if (columns.size() > visible) {
            List<Scalar> trimmed = new ArrayList<>();
            for (int i = 0; i < visible; i++) {
                trimmed.add(new Scalar.Column(0, i, columns.get(i).name()));
            }
            plan = new PlanNode.Project(plan, trimmed, columns.subList(0, visible));
        }
        return plan;
    }

    private void expand(Select.Item item, Scope scope, ExprBinder.Context cx, List<Typed> items, List<String> names,
                        Map<String, Typed> aliases, Select.QuerySpec q) {
        switch (item) {
            case Select.AllColumns a -> {
                if (q.from() == null) {
                    throw new HqlSemanticException(ErrorCode.HQL_UNKNOWN_TABLE, "no tables specified", q.position());
                }
                for (Scope.Entry e : scope.entries()) {
                    if (!e.qualifiedOnly() && !e.column().computed()) {
                        addColumn(e, items, names);
                    }
                }
            }
            case Select.TableColumns t -> {
                if (!scope.hasQualifier(t.table())) {
                    throw new HqlSemanticException(ErrorCode.HQL_UNKNOWN_TABLE, "no such table: " + t.table(), t.position());
                }
                for (Scope.Entry e : scope.entries()) {
                    if (e.qualifier() != null && e.qualifier().equalsIgnoreCase(t.table()) && !e.column().computed()) {
                        addColumn(e, items, names);
                    }
                }
            }
            case Select.ExprItem e -> {
                Typed t = binder.bind(e.expr(), cx);
                items.add(t);
                String name = e.alias() != null ? e.alias()
                        : e.expr() instanceof Expr.ColumnName c ? c.name() : e.text();
                names.add(name);
                if (e.alias() != null) {
                    aliases.putIfAbsent(e.alias().toLowerCase(Locale.ROOT), t);
                }
            }
        }
    }

    private static void addColumn(Scope.Entry e, List<Typed> items, List<String> names) {
        items.add(Typed.ofColumn(new Scalar.Column(0, e.index(), e.column().name()), e.column()));
        names.add(e.column().name());
    }

    private Typed groupTerm(Expr g, List<Typed> items, Scope scope, Map<String, Typed> aliases) {
        if (g instanceof Expr.Literal l && l.value() instanceof Long k) {
            if (k < 1 || k > items.size()) {
                throw new HqlSemanticException(ErrorCode.HQL_BAD_REFERENCE, "GROUP BY term out of range - should be between 1 and "
                        + items.size(), g.position());
            }
            Typed t = items.get((int) (k - 1));
            if (ExprBinder.hasAggregate(t.scalar())) {
                throw new HqlSemanticException(ErrorCode.HQL_MISUSED_AGGREGATE,
                        "aggregate functions are not allowed in the GROUP BY clause", g.position());
            }
            return t;
        }
        return binder.bind(g, new ExprBinder.Context(scope, false, aliases, "GROUP BY"));
    }

    /** The output position an ORDER BY term sorts on; an expression not among the results is appended as a hidden column. */
    private int orderColumn(Select.OrderItem item, List<Typed> items, List<String> names, Map<String, Typed> aliases,
                            ExprBinder.Context cx, List<Scalar> outputs, List<ColumnInfo> columns) {
        Expr e = item.expr();
        if (e instanceof Expr.Literal l && l.value() instanceof Long k) {
            if (k < 1 || k > items.size()) {
                throw new HqlSemanticException(ErrorCode.HQL_BAD_REFERENCE, "ORDER BY term out of range - should be between 1 and "
                        + items.size(), e.position());
            }
            return (int) (k - 1);
        }
        if (e instanceof Expr.ColumnName c && c.qualifier() == null && aliases.containsKey(c.name().toLowerCase(Locale.ROOT))) {
            for (int i = 0; i < names.size(); i++) {
                if (names.get(i).equalsIgnoreCase(c.name())) {
                    return i;
                }
            }
        }
        Typed t = binder.bind(e, cx);
        for (int i = 0; i < items.size(); i++) {
            if (items.get(i).scalar().equals(t.scalar())) {
                return i;
            }
        }
        outputs.add(t.scalar());
        columns.add(new ColumnInfo("order" + columns.size(), t.affinity(), t.type()));
        return outputs.size() - 1;
    }

    /** The error for SELECTs of different widths on either side of a compound operator. */
    static HqlSemanticException widthMismatch(Select.SetOperator operator, io.hyperspatial.hyperql.error.SourcePosition at) {
        return new HqlSemanticException(ErrorCode.HQL_COLUMN_COUNT, "SELECTs to the left and right of "
                + operator.name().replace('_', ' ') + " do not have the same number of result columns", at);
    }

    /** A compound query's ORDER BY: each term names a result column (by ordinal or name). */
    static List<SortKey> compoundOrder(Select select, List<ColumnInfo> columns) {
        List<SortKey> keys = new ArrayList<>();
        for (Select.OrderItem item : select.orderBy()) {
            int index = compoundOrderColumn(item, columns);
            keys.add(sortKey(new Scalar.Column(0, index, columns.get(index).name()), item));
        }
        return keys;
    }

    private static int compoundOrderColumn(Select.OrderItem item, List<ColumnInfo> columns) {
        Expr e = item.expr();
        if (e instanceof Expr.Literal l && l.value() instanceof Long k) {
            if (k < 1 || k > columns.size()) {
                throw new HqlSemanticException(ErrorCode.HQL_BAD_REFERENCE, "ORDER BY term out of range - should be between 1 and "
                        + columns.size(), e.position());
            }
            return (int) (k - 1);
        }
        if (e instanceof Expr.ColumnName c) {
            for (int i = 0; i < columns.size(); i++) {
                if (columns.get(i).name().equalsIgnoreCase(c.name())) {
                    return i;
                }
            }
        }
        throw new HqlSemanticException(ErrorCode.HQL_BAD_REFERENCE,
                "ORDER BY term does not match any column in the result set", e.position());
    }

    private static SortKey sortKey(Scalar column, Select.OrderItem item) {
        boolean nullsFirst = item.nullsFirst() != null ? item.nullsFirst() : !item.descending();
        return new SortKey(column, item.descending(), nullsFirst);
    }

    PlanNode limit(PlanNode plan, Select select) {
        if (select.limit() == null && select.offset() == null) {
            return plan;
        }
        ExprBinder.Context cx = new ExprBinder.Context(new Scope(null), false, null, "LIMIT");
        Scalar limit = select.limit() == null ? null : binder.bind(select.limit(), cx).scalar();
        Scalar offset = select.offset() == null ? null : binder.bind(select.offset(), cx).scalar();
        return new PlanNode.Limit(plan, limit, offset);
    }

    private static PlanNode oneEmptyRow() {
        return new PlanNode.Values(List.of(List.of()), List.of());
    }

    private static io.hyperspatial.hyperql.error.SourcePosition position(Select.Core core) {
        return switch (core) {
            case Select.QuerySpec q -> q.position();
            case Select.Values v -> v.position();
        };
    }
}
