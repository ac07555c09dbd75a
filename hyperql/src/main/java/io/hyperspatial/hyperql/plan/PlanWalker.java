package io.hyperspatial.hyperql.plan;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Walks expressions and plans: direct children of a scalar, subqueries inside a plan, and the
 * question every subquery needs answered — does it read a column of an enclosing query?
 */
public final class PlanWalker {
    private PlanWalker() {
    }

    /** The direct sub-expressions of a scalar (not descending into subquery plans). */
    public static List<Scalar> children(Scalar e) {
        return switch (e) {
            case Scalar.Column c -> List.of();
            case Scalar.Constant c -> List.of();
            case Scalar.Param p -> List.of();
            case Scalar.SessionValue v -> List.of();
            case Scalar.Unary u -> List.of(u.operand());
            case Scalar.Arithmetic a -> List.of(a.left(), a.right());
            case Scalar.Compare c -> List.of(c.left(), c.right());
            case Scalar.Is i -> List.of(i.left(), i.right());
            case Scalar.IsNull n -> List.of(n.operand());
            case Scalar.And a -> List.of(a.left(), a.right());
            case Scalar.Or o -> List.of(o.left(), o.right());
            case Scalar.InList in -> {
                List<Scalar> out = new ArrayList<>(in.items());
                out.add(0, in.operand());
                yield out;
            }
            case Scalar.InQuery in -> in.operands();
            case Scalar.RowCompare r -> r.elements();
            case Scalar.Exists x -> List.of();
            case Scalar.ScalarQuery q -> List.of();
            case Scalar.Like l -> l.escape() == null ? List.of(l.operand(), l.pattern()) : List.of(l.operand(), l.pattern(), l.escape());
            case Scalar.Case c -> {
                List<Scalar> out = new ArrayList<>();
                if (c.operand() != null) {
                    out.add(c.operand());
                }
                out.addAll(c.whens());
                out.addAll(c.thens());
                if (c.otherwise() != null) {
                    out.add(c.otherwise());
                }
                yield out;
            }
            case Scalar.Cast c -> List.of(c.operand());
            case Scalar.Call c -> c.arguments();
            case Scalar.Distance d -> List.of(d.left(), d.right());
            case Scalar.Near n -> List.of(n.operand(), n.query(), n.radius());
            case Scalar.AggregateCall a -> a.arguments();
        };
    }

    /** The subqueries directly inside a scalar node (none, one, or two for a row comparison of two subqueries). */
    public static List<Scalar.Subquery> subqueries(Scalar e) {
        return switch (e) {
            case Scalar.InQuery in -> List.of(in.query());
            case Scalar.Exists x -> List.of(x.query());
            case Scalar.ScalarQuery q -> List.of(q.query());
            case Scalar.RowCompare r -> r.queries();
            default -> List.of();
        };
    }

    /** Visits every column reference in the expression, with its nesting level (0: the expression's own row's level). */
    public static void columns(Scalar e, int level, ColumnVisitor visitor) {
        if (e instanceof Scalar.Column c) {
            visitor.visit(c, level);
        }
        for (Scalar child : children(e)) {
            columns(child, level, visitor);
        }
        for (Scalar.Subquery q : subqueries(e)) {
            columns(q.plan(), level + 1, visitor);
        }
    }

    /** Visits every column reference in the plan's expressions, including nested subqueries. */
    public static void columns(PlanNode plan, int level, ColumnVisitor visitor) {
        for (Scalar e : plan.expressions()) {
            columns(e, level, visitor);
        }
        if (plan instanceof PlanNode.HashJoin h) {
            for (Scalar e : h.rightKeys()) {
                columns(e, level, visitor);
            }
        }
        for (PlanNode input : plan.inputs()) {
            columns(input, level, visitor);
        }
    }

    /** True when the plan reads a column of a query enclosing it. */
    public static boolean referencesOuter(PlanNode plan) {
        boolean[] found = {false};
        columns(plan, 0, (c, level) -> found[0] |= c.depth() > level);
        return found[0];
    }

    /** True when the expression contains a subquery anywhere. */
    public static boolean hasSubquery(Scalar e) {
        if (!subqueries(e).isEmpty()) {
            return true;
        }
        for (Scalar child : children(e)) {
            if (hasSubquery(child)) {
                return true;
            }
        }
        return false;
    }

    /** Calls the action on every node of the expression tree (not inside subqueries), parents first. */
    public static void forEach(Scalar e, Consumer<Scalar> action) {
        action.accept(e);
        for (Scalar child : children(e)) {
            forEach(child, action);
        }
    }

    /** Receives column references with the nesting level they were found at. */
    @FunctionalInterface
    public interface ColumnVisitor {
        void visit(Scalar.Column column, int level);
    }
}
