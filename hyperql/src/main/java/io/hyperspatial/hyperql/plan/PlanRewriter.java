package io.hyperspatial.hyperql.plan;

import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/** Rebuilds plan nodes with new inputs or rewritten expressions; the optimizer's rules are written with it. */
public final class PlanRewriter {
    private PlanRewriter() {
    }

    /** Applies {@code rule} to every node, inputs first. */
    public static PlanNode bottomUp(PlanNode node, UnaryOperator<PlanNode> rule) {
        List<PlanNode> inputs = node.inputs();
        PlanNode rebuilt = node;
        if (!inputs.isEmpty()) {
            List<PlanNode> rewritten = new ArrayList<>(inputs.size());
            for (PlanNode input : inputs) {
                rewritten.add(bottomUp(input, rule));
            }
            rebuilt = withInputs(node, rewritten);
        }
        return rule.apply(rebuilt);
    }

    /** The node over new inputs (same count and order as {@link PlanNode#inputs()}). */
    public static PlanNode withInputs(PlanNode node, List<PlanNode> in) {
        return switch (node) {
            case PlanNode.Scan s -> s;
            case PlanNode.Values v -> v;
            case PlanNode.Filter f -> new PlanNode.Filter(in.get(0), f.predicate());
            case PlanNode.Project p -> new PlanNode.Project(in.get(0), p.outputs(), p.columns());
            case PlanNode.Join j -> new PlanNode.Join(in.get(0), in.get(1), j.kind(), j.condition());
            case PlanNode.HashJoin h -> new PlanNode.HashJoin(in.get(0), in.get(1), h.kind(), h.leftKeys(), h.rightKeys(),
                    h.coercions(), h.residual());
            case PlanNode.Aggregate a -> new PlanNode.Aggregate(in.get(0), a.groupKeys(), a.aggregates(), a.columns());
            case PlanNode.Sort s -> new PlanNode.Sort(in.get(0), s.keys());
            case PlanNode.TopN t -> new PlanNode.TopN(in.get(0), t.keys(), t.limit(), t.offset());
            case PlanNode.Limit l -> new PlanNode.Limit(in.get(0), l.limit(), l.offset());
            case PlanNode.Distinct d -> new PlanNode.Distinct(in.get(0));
            case PlanNode.SetOperation s -> new PlanNode.SetOperation(s.kind(), in.get(0), in.get(1), s.columns());
            case PlanNode.RecursiveUnion r -> new PlanNode.RecursiveUnion(in.get(0), in.subList(1, in.size()), r.table(),
                    r.distinct(), r.order(), r.columns());
            case PlanNode.WorkingTable w -> w;
            case PlanNode.GraphMatch g -> new PlanNode.GraphMatch(in.get(0), g.graph(), g.startTable(), g.startVariable(),
                    g.mode(), g.steps(), g.columns());
        };
    }

    /** The node with every expression it holds rewritten by {@code f} (inputs untouched). */
    public static PlanNode mapExpressions(PlanNode node, UnaryOperator<Scalar> f) {
        return switch (node) {
            case PlanNode.Scan s -> new PlanNode.Scan(s.table(), s.alias(), s.columns(), access(s.access(), f), s.needed(),
                    s.withRowId());
            case PlanNode.Values v -> new PlanNode.Values(v.rows().stream().map(r -> map(r, f)).toList(), v.columns());
            case PlanNode.Filter x -> new PlanNode.Filter(x.input(), f.apply(x.predicate()));
            case PlanNode.Project p -> new PlanNode.Project(p.input(), map(p.outputs(), f), p.columns());
            case PlanNode.Join j -> new PlanNode.Join(j.left(), j.right(), j.kind(), j.condition() == null ? null : f.apply(j.condition()));
            case PlanNode.HashJoin h -> new PlanNode.HashJoin(h.left(), h.right(), h.kind(), map(h.leftKeys(), f),
                    map(h.rightKeys(), f), h.coercions(), h.residual() == null ? null : f.apply(h.residual()));
            case PlanNode.Aggregate a -> new PlanNode.Aggregate(a.input(), map(a.groupKeys(), f),
                    a.aggregates().stream().map(c -> (Scalar.AggregateCall) f.apply(c)).toList(), a.columns());
            case PlanNode.Sort s -> new PlanNode.Sort(s.input(), keys(s.keys(), f));
            case PlanNode.TopN t -> new PlanNode.TopN(t.input(), keys(t.keys(), f), f.apply(t.limit()),
                    t.offset() == null ? null : f.apply(t.offset()));
            case PlanNode.Limit l -> new PlanNode.Limit(l.input(), l.limit() == null ? null : f.apply(l.limit()),
                    l.offset() == null ? null : f.apply(l.offset()));
            case PlanNode.Distinct d -> d;
            case PlanNode.SetOperation s -> s;
            case PlanNode.RecursiveUnion r -> r;
            case PlanNode.WorkingTable w -> w;
            case PlanNode.GraphMatch g -> new PlanNode.GraphMatch(g.start(), g.graph(), g.startTable(), g.startVariable(),
                    g.mode(), g.steps().stream().map(st -> st.filter() == null ? st : st.withFilter(f.apply(st.filter()))).toList(),
                    g.columns());
        };
    }

    private static AccessMethod access(AccessMethod a, UnaryOperator<Scalar> f) {
        return switch (a) {
            case AccessMethod.FullScan x -> x;
            case AccessMethod.KeyLookup k -> new AccessMethod.KeyLookup(k.column(), f.apply(k.key()), k.coercion());
            case AccessMethod.Range r -> new AccessMethod.Range(r.column(), r.lower() == null ? null : f.apply(r.lower()),
                    r.lowerInclusive(), r.upper() == null ? null : f.apply(r.upper()), r.upperInclusive(), r.coercion());
            case AccessMethod.Knn k -> new AccessMethod.Knn(k.column(), f.apply(k.query()), k.metric(), f.apply(k.k()),
                    k.filter() == null ? null : f.apply(k.filter()));
            case AccessMethod.Radius r -> new AccessMethod.Radius(r.column(), f.apply(r.query()), r.metric(),
                    f.apply(r.radius()), r.limit() == null ? null : f.apply(r.limit()),
                    r.filter() == null ? null : f.apply(r.filter()), r.where());
        };
    }

    private static List<Scalar> map(List<Scalar> exprs, UnaryOperator<Scalar> f) {
        List<Scalar> out = new ArrayList<>(exprs.size());
        for (Scalar e : exprs) {
            out.add(f.apply(e));
        }
        return out;
    }

    private static List<SortKey> keys(List<SortKey> keys, UnaryOperator<Scalar> f) {
        return keys.stream().map(k -> new SortKey(f.apply(k.expression()), k.descending(), k.nullsFirst())).toList();
    }
}
