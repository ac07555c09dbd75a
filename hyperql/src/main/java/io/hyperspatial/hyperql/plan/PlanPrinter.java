package io.hyperspatial.hyperql.plan;

import io.hyperspatial.hyperql.value.Blob;
import io.hyperspatial.hyperql.value.TextForm;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Renders plans and expressions as text for EXPLAIN: one line per node, children indented by two
 * spaces, subqueries shown under the node that evaluates them. Column references print as their
 * names (with {@code ^n} for a column n query levels out).
 */
public final class PlanPrinter {
    private PlanPrinter() {
    }

    /** The plan, one line per node. */
    public static List<String> lines(PlanNode plan) {
        List<String> out = new ArrayList<>();
        print(plan, 0, out);
        return out;
    }

    private static void print(PlanNode node, int depth, List<String> out) {
        String indent = "  ".repeat(depth);
        out.add(indent + describe(node));
        for (Scalar e : node.expressions()) {
            subqueries(e, depth + 1, out);
        }
        for (PlanNode input : node.inputs()) {
            print(input, depth + 1, out);
        }
    }

    private static void subqueries(Scalar e, int depth, List<String> out) {
        for (Scalar.Subquery q : PlanWalker.subqueries(e)) {
            out.add("  ".repeat(depth) + (q.correlated() ? "Subquery (correlated, runs per row)" : "Subquery (runs once)"));
            print(q.plan(), depth + 1, out);
        }
        for (Scalar child : PlanWalker.children(e)) {
            subqueries(child, depth, out);
        }
    }

    /** One node's line. */
    static String describe(PlanNode node) {
        return switch (node) {
            case PlanNode.Scan s -> scan(s);
            case PlanNode.Values v -> "Values rows=" + v.rows().size();
            case PlanNode.Filter f -> "Filter " + expr(f.predicate());
            case PlanNode.Project p -> "Project " + list(p.outputs());
            case PlanNode.Join j -> (j.kind() == PlanNode.JoinKind.LEFT ? "NestedLoopLeftJoin" : "NestedLoopJoin")
                    + (j.condition() == null ? "" : " on " + expr(j.condition()));
            case PlanNode.HashJoin h -> (h.kind() == PlanNode.JoinKind.LEFT ? "HashLeftJoin" : "HashJoin")
                    + " " + list(h.leftKeys()) + " = " + list(h.rightKeys())
                    + (h.residual() == null ? "" : " residual " + expr(h.residual()));
            case PlanNode.Aggregate a -> "HashAggregate keys=" + list(a.groupKeys()) + " aggregates=" + list(List.copyOf(a.aggregates()));
            case PlanNode.Sort s -> "Sort " + keys(s.keys());
            case PlanNode.TopN t -> "TopN " + keys(t.keys()) + " limit " + expr(t.limit())
                    + (t.offset() == null ? "" : " offset " + expr(t.offset()));
            case PlanNode.Limit l -> "Limit " + (l.limit() == null ? "all" : expr(l.limit()))
                    + (l.offset() == null ? "" : " offset " + expr(l.offset()));
            case PlanNode.Distinct d -> "Distinct";
            case PlanNode.SetOperation s -> s.kind().name().replace('_', ' ');
            case PlanNode.RecursiveUnion r -> "RecursiveUnion " + r.table() + (r.distinct() ? " distinct" : "")
                    + (r.order().isEmpty() ? "" : " queue order " + keys(r.order()));
            case PlanNode.WorkingTable w -> "WorkingTable " + w.table();
            case PlanNode.GraphMatch g -> graphMatch(g);
        };
    }

    private static String graphMatch(PlanNode.GraphMatch g) {
        StringBuilder out = new StringBuilder(switch (g.mode()) {
            case ALL_PATHS -> "GraphMatch ";
            case FEWEST_EDGES -> "ShortestPath ";
            case LEAST_WEIGHT -> "ShortestWeightedPath ";
        }).append(g.patternText());
        for (int i = 0; i < g.steps().size(); i++) {
            GraphStep s = g.steps().get(i);
            if (s.filter() != null) {
                out.append(" filter at step ").append(i + 1).append(' ').append(expr(s.filter()));
            }
        }
        return out.toString();
    }

    private static String scan(PlanNode.Scan s) {
        String table = s.table().schema().name() + (s.alias() != null && !s.alias().equalsIgnoreCase(s.table().schema().name())
                ? " AS " + s.alias() : "");
        String access = switch (s.access()) {
            case AccessMethod.FullScan f -> "Scan " + table;
            case AccessMethod.KeyLookup k -> "KeyLookup " + table + " on " + column(s, k.column()) + " = " + expr(k.key());
            case AccessMethod.Range r -> "RangeScan " + table + " on " + column(s, r.column())
                    + (r.lower() == null ? "" : (r.lowerInclusive() ? " >= " : " > ") + expr(r.lower()))
                    + (r.upper() == null ? "" : (r.upperInclusive() ? " <= " : " < ") + expr(r.upper()));
            case AccessMethod.Knn k -> "KnnScan " + table + " on " + k.metric().render(column(s, k.column()), expr(k.query()))
                    + " k=" + expr(k.k()) + (k.filter() == null ? "" : " filter " + expr(k.filter()));
            case AccessMethod.Radius r -> "RadiusScan " + table + " on " + r.metric().render(column(s, r.column()),
                    expr(r.query())) + " <= " + expr(r.radius()) + (r.limit() == null ? "" : " limit=" + expr(r.limit()))
                    + (r.filter() == null ? "" : " filter " + expr(r.filter()));
        };
        return access + " columns=" + columns(s);
    }

    private static String column(PlanNode.Scan s, int index) {
        return s.columns().get(index).name();
    }

    /** The columns the scan reads; a DML scan's row id and the hidden rowid both show as {@code rowid}, once. */
    private static String columns(PlanNode.Scan s) {
        BitSet needed = s.needed();
        List<String> names = new ArrayList<>();
        int width = s.table().schema().columns().size() + (s.hiddenRowid() ? 1 : 0);
        for (int i = 0; i < width; i++) {
            if (needed == null || needed.get(i)) {
                names.add(column(s, i));
            }
        }
        if (s.withRowId() && !s.hiddenRowid()) {
            names.add("rowid");
        }
        return "[" + String.join(", ", names) + "]";
    }

    private static String keys(List<SortKey> keys) {
        return keys.stream().map(k -> expr(k.expression()) + (k.descending() ? " DESC" : "")).collect(Collectors.joining(", "));
    }

    private static String list(List<Scalar> exprs) {
        return "[" + exprs.stream().map(PlanPrinter::expr).collect(Collectors.joining(", ")) + "]";
    }

    /** An expression as SQL-like text. */
    public static String expr(Scalar e) {
        return switch (e) {
            case Scalar.Column c -> c.depth() == 0 ? c.name() : c.name() + "^" + c.depth();
            case Scalar.Constant c -> literal(c.value());
            case Scalar.Param p -> p.label();
            case Scalar.SessionValue v -> v.function().sqlName() + "()";
            case Scalar.Unary u -> u.operator().equals("NOT") ? "NOT " + expr(u.operand()) : u.operator() + expr(u.operand());
            case Scalar.Arithmetic a -> "(" + expr(a.left()) + " " + a.operator() + " " + expr(a.right()) + ")";
            case Scalar.Compare c -> "(" + expr(c.left()) + " " + c.operator() + " " + expr(c.right()) + ")";
            case Scalar.Is i -> "(" + expr(i.left()) + (i.negated() ? " IS NOT " : " IS ") + expr(i.right()) + ")";
            case Scalar.IsNull n -> "(" + expr(n.operand()) + (n.negated() ? " IS NOT NULL)" : " IS NULL)");
            case Scalar.And a -> "(" + expr(a.left()) + " AND " + expr(a.right()) + ")";
            case Scalar.Or o -> "(" + expr(o.left()) + " OR " + expr(o.right()) + ")";
            case Scalar.InList in -> "(" + expr(in.operand()) + (in.negated() ? " NOT IN " : " IN ") + list(in.items()) + ")";
            case Scalar.InQuery in -> "(" + (in.operands().size() == 1 ? expr(in.operands().getFirst())
                    : in.operands().stream().map(PlanPrinter::expr).collect(Collectors.joining(", ", "(", ")")))
                    + (in.negated() ? " NOT IN " : " IN ") + "subquery)";
            case Scalar.Exists x -> "EXISTS(subquery)";
            case Scalar.ScalarQuery q -> "(subquery)";
            case Scalar.RowCompare r -> "(" + row(r.left()) + " " + r.operator() + " " + row(r.right()) + ")";
            case Scalar.Like l -> "(" + expr(l.operand()) + (l.negated() ? " NOT" : "") + (l.glob() ? " GLOB " : " LIKE ")
                    + expr(l.pattern()) + ")";
            case Scalar.Case c -> "CASE";
            case Scalar.Cast c -> "CAST(" + expr(c.operand()) + " AS " + c.target() + ")";
            case Scalar.Call c -> c.function().name() + list(c.arguments()).replace('[', '(').replace(']', ')');
            case Scalar.Distance d -> d.metric().operator() == null ? d.metric().render(expr(d.left()), expr(d.right()))
                    : "(" + d.metric().render(expr(d.left()), expr(d.right())) + ")";
            case Scalar.Near n -> "(" + expr(n.operand()) + " NEAR " + expr(n.query()) + " WITHIN " + expr(n.radius()) + ")";
            case Scalar.AggregateCall a -> a.function().name().toLowerCase(java.util.Locale.ROOT)
                    + "(" + (a.distinct() ? "DISTINCT " : "") + a.arguments().stream().map(PlanPrinter::expr)
                    .collect(Collectors.joining(", ")) + ")";
        };
    }

    private static String row(Scalar.RowSide side) {
        return switch (side) {
            case Scalar.RowSide.Listed l -> l.elements().stream().map(PlanPrinter::expr).collect(Collectors.joining(", ", "(", ")"));
            case Scalar.RowSide.FirstRow f -> "(subquery row)";
        };
    }

    private static String literal(Object v) {
        return switch (v) {
            case null -> "NULL";
            case String s -> "'" + s.replace("'", "''") + "'";
            case Blob b -> b.toString();
            default -> TextForm.of(v);
        };
    }
}
