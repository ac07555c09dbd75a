package io.hyperspatial.hyperql.optimize;

import io.hyperspatial.hyperql.plan.AccessMethod;
import io.hyperspatial.hyperql.plan.PlanNode;
import io.hyperspatial.hyperql.plan.PlanRewriter;
import io.hyperspatial.hyperql.plan.Scalar;

import java.util.BitSet;
import java.util.List;

/**
 * Tells every scan which columns the plan above it reads, so a source can skip decoding the rest:
 * walks the plan from the top with the set of columns each node's output must provide.
 */
final class ProjectionPushdown {
    private ProjectionPushdown() {
    }

    /** The plan with scans' {@code needed} columns set, given that all its output is read. */
    static PlanNode apply(PlanNode plan) {
        BitSet all = new BitSet();
        all.set(0, plan.columns().size());
        return prune(plan, all);
    }

    private static PlanNode prune(PlanNode node, BitSet required) {
        return switch (node) {
            case PlanNode.Scan s -> scan(s, required);
            case PlanNode.Values v -> v;
            case PlanNode.Filter f -> new PlanNode.Filter(prune(f.input(), with(required, f.expressions())), f.predicate());
            case PlanNode.Project p -> new PlanNode.Project(prune(p.input(), with(new BitSet(), p.outputs())), p.outputs(), p.columns());
            case PlanNode.Join j -> {
                BitSet need = with(required, j.expressions());
                int lw = j.left().columns().size();
                yield new PlanNode.Join(prune(j.left(), need.get(0, lw)), prune(j.right(), need.get(lw, Math.max(lw, need.length()))),
                        j.kind(), j.condition());
            }
            case PlanNode.HashJoin h -> {
                int lw = h.left().columns().size();
                BitSet need = with(required, h.expressions());
                BitSet right = with(need.get(lw, Math.max(lw, need.length())), h.rightKeys());
                yield new PlanNode.HashJoin(prune(h.left(), need.get(0, lw)), prune(h.right(), right), h.kind(), h.leftKeys(),
                        h.rightKeys(), h.coercions(), h.residual());
            }
            case PlanNode.Aggregate a -> new PlanNode.Aggregate(prune(a.input(), with(new BitSet(), a.expressions())),
                    a.groupKeys(), a.aggregates(), a.columns());
            case PlanNode.Sort s -> new PlanNode.Sort(prune(s.input(), with(required, s.expressions())), s.keys());
            case PlanNode.TopN t -> new PlanNode.TopN(prune(t.input(), with(required, t.expressions())), t.keys(), t.limit(), t.offset());
            case PlanNode.Limit l -> new PlanNode.Limit(prune(l.input(), required), l.limit(), l.offset());
            case PlanNode.Distinct d -> new PlanNode.Distinct(apply(d.input()));
            case PlanNode.SetOperation s -> new PlanNode.SetOperation(s.kind(), apply(s.left()), apply(s.right()), s.columns());
            case PlanNode.RecursiveUnion r -> new PlanNode.RecursiveUnion(apply(r.initial()),
                    r.recursive().stream().map(ProjectionPushdown::apply).toList(), r.table(), r.distinct(), r.order(), r.columns());
            case PlanNode.WorkingTable w -> w;
            case PlanNode.GraphMatch g -> PlanRewriter.withInputs(g, List.of(apply(g.start())));
        };
    }

    private static PlanNode scan(PlanNode.Scan s, BitSet required) {
        int width = s.table().schema().columns().size() + (s.hiddenRowid() ? 1 : 0);
        BitSet needed = required.get(0, width);
        if (s.access() instanceof AccessMethod.Knn k) {
            needed.set(k.column());
            if (k.filter() != null) {
                needed.or(Conjuncts.columns(k.filter()));
            }
        }
        if (s.access() instanceof AccessMethod.Radius r) {
            needed.set(r.column());
            if (r.filter() != null) {
                needed.or(Conjuncts.columns(r.filter()));
            }
        }
        if (s.withRowId() || needed.cardinality() == width) {
            needed = null;
        }
        return new PlanNode.Scan(s.table(), s.alias(), s.columns(), s.access(), needed, s.withRowId());
    }

    private static BitSet with(BitSet base, List<Scalar> exprs) {
        BitSet out = (BitSet) base.clone();
        for (Scalar e : exprs) {
            out.or(Conjuncts.columns(e));
        }
        return out;
    }
}
