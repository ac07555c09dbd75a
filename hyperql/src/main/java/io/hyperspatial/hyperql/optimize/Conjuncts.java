package io.hyperspatial.hyperql.optimize;

import io.hyperspatial.hyperql.plan.PlanWalker;
import io.hyperspatial.hyperql.plan.Scalar;
import io.hyperspatial.hyperql.plan.ScalarRewriter;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/** Predicates as lists of AND-ed terms, and what columns of the current row a term reads. */
final class Conjuncts {
    private Conjuncts() {
    }

    /** The AND-ed terms of a predicate (null: none). */
    static List<Scalar> split(Scalar predicate) {
        List<Scalar> out = new ArrayList<>();
        if (predicate != null) {
            collect(predicate, out);
        }
        return out;
    }

    private static void collect(Scalar e, List<Scalar> out) {
        if (e instanceof Scalar.And a) {
            collect(a.left(), out);
            collect(a.right(), out);
        } else {
            out.add(e);
        }
    }

    /** The terms AND-ed together, or null when there are none. */
    static Scalar and(List<Scalar> terms) {
        Scalar out = null;
        for (Scalar t : terms) {
            out = out == null ? t : new Scalar.And(out, t);
        }
        return out;
    }

    /** The positions of the current row that the expression reads, including reads from correlated subqueries. */
    static BitSet columns(Scalar e) {
        BitSet out = new BitSet();
        PlanWalker.columns(e, 0, (c, level) -> {
            if (c.depth() == level) {
                out.set(c.index());
            }
        });
        return out;
    }

    /** The expression with every current-row column moved by {@code delta}; only for expressions without subqueries. */
    static Scalar shift(Scalar e, int delta) {
        if (delta == 0) {
            return e;
        }
        return ScalarRewriter.topDown(e, n -> n instanceof Scalar.Column c && c.depth() == 0
                ? new Scalar.Column(0, c.index() + delta, c.name()) : n);
    }

    /** True when every column the expression reads lies in [from, to). */
    static boolean within(BitSet columns, int from, int to) {
        return columns.isEmpty() || (columns.nextSetBit(0) >= from && columns.length() <= to);
    }
}
