package io.hyperspatial.hyperql.optimize;

import io.hyperspatial.hyperql.plan.PlanNode;
import io.hyperspatial.hyperql.plan.PlanRewriter;
import io.hyperspatial.hyperql.plan.PlanWalker;
import io.hyperspatial.hyperql.plan.Scalar;
import io.hyperspatial.hyperql.value.Truth;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/**
 * Moves filters down to the inputs they concern: a WHERE or ON term that reads only one side of a
 * join filters that side before the join; a term that reads both sides of an inner join becomes
 * part of its condition (where the join planner can make it a hash key). Outer-join semantics are
 * kept: nothing is pushed into the preserved side of a LEFT join from its ON clause, nor into the
 * null-padded side from WHERE. Terms with subqueries are pushed only to a left side, whose row
 * positions do not change.
 */
final class PredicatePushdown {
    private PredicatePushdown() {
    }

    static PlanNode apply(PlanNode node) {
        return switch (node) {
            case PlanNode.Filter f -> filter(f);
            case PlanNode.Join j -> join(new PlanNode.Join(apply(j.left()), apply(j.right()), j.kind(), j.condition()));
            default -> PlanRewriter.withInputs(node, node.inputs().stream().map(PredicatePushdown::apply).toList());
        };
    }

    private static PlanNode filter(PlanNode.Filter f) {
        List<Scalar> terms = new ArrayList<>();
        for (Scalar t : Conjuncts.split(f.predicate())) {
            if (!(t instanceof Scalar.Constant c && Truth.isTrue(c.value()))) {
                terms.add(t);
            }
        }
        if (terms.isEmpty()) {
            return apply(f.input());
        }
        return switch (f.input()) {
            case PlanNode.Filter inner -> {
                List<Scalar> all = new ArrayList<>(Conjuncts.split(inner.predicate()));
                all.addAll(terms);
                yield filter(new PlanNode.Filter(inner.input(), Conjuncts.and(all)));
            }
            case PlanNode.Join j -> whereOverJoin(j, terms);
            case PlanNode.GraphMatch g -> GraphPushdown.apply(g, terms);
            default -> new PlanNode.Filter(apply(f.input()), Conjuncts.and(terms));
        };
    }

    private static PlanNode whereOverJoin(PlanNode.Join j, List<Scalar> terms) {
        int leftWidth = j.left().columns().size();
        int width = leftWidth + j.right().columns().size();
        List<Scalar> left = new ArrayList<>();
        List<Scalar> right = new ArrayList<>();
        List<Scalar> stay = new ArrayList<>();
        boolean inner = j.kind() == PlanNode.JoinKind.INNER;
        for (Scalar t : terms) {
            BitSet columns = Conjuncts.columns(t);
            if (Conjuncts.within(columns, 0, leftWidth)) {
                left.add(t);
            } else if (inner && Conjuncts.within(columns, leftWidth, width) && !PlanWalker.hasSubquery(t)) {
                right.add(Conjuncts.shift(t, -leftWidth));
            } else {
                stay.add(t);
            }
        }
        Scalar condition = j.condition();
        if (inner && !stay.isEmpty()) {
            List<Scalar> all = new ArrayList<>(Conjuncts.split(condition));
            all.addAll(stay);
            condition = Conjuncts.and(all);
            stay = List.of();
        }
        PlanNode joined = join(new PlanNode.Join(apply(filtered(j.left(), left)), apply(filtered(j.right(), right)),
                j.kind(), condition));
        return stay.isEmpty() ? joined : new PlanNode.Filter(joined, Conjuncts.and(stay));
    }

    /** Pushes the join's own condition terms that read one side only into that side. */
    private static PlanNode join(PlanNode.Join j) {
        if (j.condition() == null) {
            return j;
        }
        int leftWidth = j.left().columns().size();
        int width = leftWidth + j.right().columns().size();
        boolean inner = j.kind() == PlanNode.JoinKind.INNER;
        List<Scalar> left = new ArrayList<>();
        List<Scalar> right = new ArrayList<>();
        List<Scalar> stay = new ArrayList<>();
        for (Scalar t : Conjuncts.split(j.condition())) {
            BitSet columns = Conjuncts.columns(t);
            if (inner && Conjuncts.within(columns, 0, leftWidth) && !columns.isEmpty()) {
                left.add(t);
            } else if (!columns.isEmpty() && Conjuncts.within(columns, leftWidth, width) && !PlanWalker.hasSubquery(t)) {
                right.add(Conjuncts.shift(t, -leftWidth));
            } else {
                stay.add(t);
            }
        }
        if (left.isEmpty() && right.isEmpty()) {
            return j;
        }
        PlanNode l = left.isEmpty() ? j.left() : apply(filtered(j.left(), left));
        PlanNode r = right.isEmpty() ? j.right() : apply(filtered(j.right(), right));
        return new PlanNode.Join(l, r, j.kind(), Conjuncts.and(stay));
    }

    private static PlanNode filtered(PlanNode input, List<Scalar> terms) {
        return terms.isEmpty() ? input : new PlanNode.Filter(input, Conjuncts.and(terms));
    }
}
