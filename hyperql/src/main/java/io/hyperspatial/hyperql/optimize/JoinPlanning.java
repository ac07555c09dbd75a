package io.hyperspatial.hyperql.optimize;

import io.hyperspatial.hyperql.plan.Coercion;
import io.hyperspatial.hyperql.plan.PlanNode;
import io.hyperspatial.hyperql.plan.PlanWalker;
import io.hyperspatial.hyperql.plan.Scalar;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/**
 * Turns a nested-loop join whose condition has equalities between the two sides into a hash join
 * on those equalities (the rest of the condition stays as a residual), so an equi-join is
 * O(left + right) instead of O(left x right).
 */
final class JoinPlanning {
    private JoinPlanning() {
    }

    static PlanNode apply(PlanNode node) {
        if (!(node instanceof PlanNode.Join j) || j.condition() == null) {
            return node;
        }
        int leftWidth = j.left().columns().size();
        int width = leftWidth + j.right().columns().size();
        List<Scalar> leftKeys = new ArrayList<>();
        List<Scalar> rightKeys = new ArrayList<>();
        List<Coercion> coercions = new ArrayList<>();
        List<Scalar> residual = new ArrayList<>();
        for (Scalar t : Conjuncts.split(j.condition())) {
            if (t instanceof Scalar.Compare c && c.operator().equals("=") && !PlanWalker.hasSubquery(t)) {
                BitSet l = Conjuncts.columns(c.left());
                BitSet r = Conjuncts.columns(c.right());
                if (!l.isEmpty() && !r.isEmpty() && Conjuncts.within(l, 0, leftWidth) && Conjuncts.within(r, leftWidth, width)) {
                    leftKeys.add(c.left());
                    rightKeys.add(Conjuncts.shift(c.right(), -leftWidth));
                    coercions.add(c.coercion());
                    continue;
                }
                if (!l.isEmpty() && !r.isEmpty() && Conjuncts.within(r, 0, leftWidth) && Conjuncts.within(l, leftWidth, width)) {
                    leftKeys.add(c.right());
                    rightKeys.add(Conjuncts.shift(c.left(), -leftWidth));
                    coercions.add(new Coercion(c.coercion().right(), c.coercion().left()));
                    continue;
                }
            }
            residual.add(t);
        }
        if (leftKeys.isEmpty()) {
            return node;
        }
        return new PlanNode.HashJoin(j.left(), j.right(), j.kind(), leftKeys, rightKeys, coercions, Conjuncts.and(residual));
    }
}
