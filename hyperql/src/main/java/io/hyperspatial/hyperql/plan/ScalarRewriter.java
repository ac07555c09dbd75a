package io.hyperspatial.hyperql.plan;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * Rebuilds expressions with replaced children, the one primitive that the aggregate rewrite,
 * constant folding and join key shifting are written with. Subquery plans are left untouched.
 */
public final class ScalarRewriter {
    private ScalarRewriter() {
    }

    /**
     * Rewrites top-down: {@code rule} is applied to a node first; if it returns a different node that
     * node is kept as is, otherwise the children are rewritten.
     */
    public static Scalar topDown(Scalar e, UnaryOperator<Scalar> rule) {
        Scalar replaced = rule.apply(e);
        return replaced != e ? replaced : mapChildren(e, c -> topDown(c, rule));
    }

    /** Rewrites bottom-up: children first, then {@code rule} on the rebuilt node. */
    public static Scalar bottomUp(Scalar e, UnaryOperator<Scalar> rule) {
        return rule.apply(mapChildren(e, c -> bottomUp(c, rule)));
    }

    /** The node with {@code f} applied to each child; the same node when no child changed. */
    private static Scalar mapChildren(Scalar e, UnaryOperator<Scalar> f) {
        List<Scalar> children = PlanWalker.children(e);
        List<Scalar> rewritten = new ArrayList<>(children.size());
        boolean changed = false;
        for (Scalar c : children) {
            Scalar r = f.apply(c);
            changed |= r != c;
            rewritten.add(r);
        }
        return changed ? withChildren(e, rewritten) : e;
    }

    /** The node with its children (in {@link PlanWalker#children} order) replaced. */
    public static Scalar withChildren(Scalar e, List<Scalar> c) {
        return switch (e) {
            case Scalar.Column x -> x;
            case Scalar.Constant x -> x;
            case Scalar.Param x -> x;
            case Scalar.SessionValue x -> x;
            case Scalar.Exists x -> x;
            case Scalar.ScalarQuery x -> x;
            case Scalar.Unary u -> new Scalar.Unary(u.operator(), c.get(0));
            case Scalar.Arithmetic a -> new Scalar.Arithmetic(a.operator(), c.get(0), c.get(1));
            case Scalar.Compare x -> new Scalar.Compare(x.operator(), c.get(0), c.get(1), x.coercion());
            case Scalar.Is i -> new Scalar.Is(c.get(0), c.get(1), i.negated(), i.coercion());
            case Scalar.IsNull n -> new Scalar.IsNull(c.get(0), n.negated());
            case Scalar.And a -> new Scalar.And(c.get(0), c.get(1));
            case Scalar.Or o -> new Scalar.Or(c.get(0), c.get(1));
            case Scalar.InList in -> new Scalar.InList(c.get(0), List.copyOf(c.subList(1, c.size())), in.coercions(), in.negated());
            case Scalar.InQuery in -> in.with(c, in.query());
            case Scalar.RowCompare r -> {
                Iterator<Scalar> next = c.iterator();
                yield r.map(old -> next.next(), q -> q);
            }
            case Scalar.Like l -> new Scalar.Like(c.get(0), c.get(1), l.escape() == null ? null : c.get(2), l.negated(), l.glob());
            case Scalar.Case k -> {
                int i = 0;
                Scalar operand = k.operand() == null ? null : c.get(i++);
                int n = k.whens().size();
                List<Scalar> whens = List.copyOf(c.subList(i, i + n));
                List<Scalar> thens = List.copyOf(c.subList(i + n, i + 2 * n));
                Scalar otherwise = k.otherwise() == null ? null : c.get(i + 2 * n);
                yield new Scalar.Case(operand, whens, thens, otherwise, k.coercions());
            }
            case Scalar.Cast x -> new Scalar.Cast(c.get(0), x.target(), x.dimensions());
            case Scalar.Call x -> new Scalar.Call(x.function(), List.copyOf(c));
            case Scalar.Distance d -> new Scalar.Distance(d.metric(), c.get(0), c.get(1), d.where());
            case Scalar.Near n -> new Scalar.Near(n.metric(), c.get(0), c.get(1), c.get(2), n.where());
            case Scalar.AggregateCall a -> new Scalar.AggregateCall(a.function(), List.copyOf(c), a.distinct());
        };
    }
}
