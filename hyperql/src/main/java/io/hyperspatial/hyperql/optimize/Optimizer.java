package io.hyperspatial.hyperql.optimize;

import io.hyperspatial.hyperql.plan.BoundStatement;
import io.hyperspatial.hyperql.plan.PlanNode;
import io.hyperspatial.hyperql.plan.PlanRewriter;
import io.hyperspatial.hyperql.plan.Scalar;
import io.hyperspatial.hyperql.plan.ScalarRewriter;

/**
 * The rule-based optimizer, applied to every plan of a statement including subqueries' plans:
 * constant folding, predicate pushdown, index selection from the tables' declared access paths
 * (and {@code NEAR … WITHIN} as a radius scan), hash joins for equi-joins, LIMIT over ORDER BY as top-N (and as a k-NN scan when it orders by a
 * vector distance the table can search), and projection pushdown into scans.
 * Every rule preserves results exactly. Stateless.
 */
public final class Optimizer {
    private Optimizer() {
    }

    /** The statement with its plans optimized. */
    public static BoundStatement optimize(BoundStatement s) {
        return switch (s) {
            case BoundStatement.Query q -> new BoundStatement.Query(plan(q.plan()));
            case BoundStatement.Explain e -> new BoundStatement.Explain(optimize(e.statement()));
            case BoundStatement.Insert i -> new BoundStatement.Insert(i.table(), i.targetColumns(), plan(i.source()), i.onConflict(),
                    i.checks(), i.rowDefaults());
            case BoundStatement.Update u -> new BoundStatement.Update(u.table(), plan(u.rows()), u.columns(),
                    u.values().stream().map(Optimizer::scalar).toList(), u.onConflict(), u.checks(),
                    u.rowDefaults());
            case BoundStatement.Delete d -> new BoundStatement.Delete(d.table(), plan(d.rows()));
            case BoundStatement.Triggered t -> new BoundStatement.Triggered(optimize(t.write()), t.triggers().stream()
                    .map(g -> new io.hyperspatial.hyperql.plan.BoundTrigger(g.name(), g.timing(), g.updateColumns(),
                            g.when() == null ? null : scalar(g.when()),
                            g.body().stream().map(Optimizer::optimize).toList()))
                    .toList());
            case BoundStatement.EdgeWrite w -> new BoundStatement.EdgeWrite(w.delete(), w.graph(), w.type(), w.from(), w.fromKey(),
                    w.to(), w.toKey(), plan(w.ends()));
            case BoundStatement.CreateTable c when c.asSelect() != null ->
                    new BoundStatement.CreateTable(c.schema(), c.ifNotExists(), plan(c.asSelect()));
            default -> s;
        };
    }

    /** An optimized plan. */
    static PlanNode plan(PlanNode plan) {
        PlanNode p = PlanRewriter.bottomUp(plan, n -> PlanRewriter.mapExpressions(n, Optimizer::scalar));
        p = PredicatePushdown.apply(p);
        p = PlanRewriter.bottomUp(p, IndexSelection::apply);
        p = PlanRewriter.bottomUp(p, RadiusPlanning::apply);
        p = PlanRewriter.bottomUp(p, JoinPlanning::apply);
        p = PlanRewriter.bottomUp(p, Optimizer::topN);
        p = PlanRewriter.bottomUp(p, KnnPlanning::apply);
        return ProjectionPushdown.apply(p);
    }

    /** An expression with its subqueries' plans optimized and its constant parts folded. */
    static Scalar scalar(Scalar e) {
        Scalar withSubqueries = ScalarRewriter.topDown(e, n -> switch (n) {
            case Scalar.Exists x -> new Scalar.Exists(subquery(x.query()));
            case Scalar.ScalarQuery q -> new Scalar.ScalarQuery(subquery(q.query()));
            case Scalar.InQuery in -> in.with(in.operands().stream().map(Optimizer::scalar).toList(), subquery(in.query()));
            case Scalar.RowCompare r -> r.map(Optimizer::scalar, Optimizer::subquery);
            default -> n;
        });
        return ConstantFolding.fold(withSubqueries);
    }

    private static Scalar.Subquery subquery(Scalar.Subquery q) {
        return new Scalar.Subquery(plan(q.plan()), q.correlated());
    }

    private static PlanNode topN(PlanNode node) {
        if (node instanceof PlanNode.Limit l && l.limit() != null && l.input() instanceof PlanNode.Sort s) {
            return new PlanNode.TopN(s.input(), s.keys(), l.limit(), l.offset());
        }
        return node;
    }
}
