package io.hyperspatial.hyperql.plan;

import java.util.function.UnaryOperator;

/**
 * Rebinds a subquery's references to the row of an enclosing query: every column that reaches out
 * exactly to that query (depth {@code n} inside a subquery nested {@code n} deep) is replaced by
 * what {@code rebind} returns for it, through nested subqueries and every expression of their plans.
 * The aggregate rewrite uses it so that a correlated subquery above GROUP BY reads the group's row,
 * not the scanned row it was bound against. Stateless.
 */
public final class OuterColumns {
    private OuterColumns() {
    }

    /** The expression with the columns of the enclosing row at {@code depth} rebound. */
    public static Scalar rebind(Scalar e, int depth, UnaryOperator<Scalar.Column> rebind) {
        return ScalarRewriter.topDown(e, node -> switch (node) {
            case Scalar.Column c when c.depth() == depth -> rebind.apply(c);
            case Scalar.Exists x -> new Scalar.Exists(subquery(x.query(), depth, rebind));
            case Scalar.ScalarQuery x -> new Scalar.ScalarQuery(subquery(x.query(), depth, rebind));
            case Scalar.InQuery x -> x.with(x.operands().stream().map(o -> rebind(o, depth, rebind)).toList(),
                    subquery(x.query(), depth, rebind));
            case Scalar.RowCompare x -> x.map(o -> rebind(o, depth, rebind), q -> subquery(q, depth, rebind));
            default -> node;
        });
    }

    /** The subquery with its references {@code depth + 1} levels out rebound; uncorrelated ones are returned as they are. */
    public static Scalar.Subquery subquery(Scalar.Subquery q, int depth, UnaryOperator<Scalar.Column> rebind) {
        if (!q.correlated()) {
            return q;
        }
        PlanNode plan = PlanRewriter.bottomUp(q.plan(),
                node -> PlanRewriter.mapExpressions(node, e -> rebind(e, depth + 1, rebind)));
        return new Scalar.Subquery(plan, true);
    }
}
