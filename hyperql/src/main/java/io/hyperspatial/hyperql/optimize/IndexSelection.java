package io.hyperspatial.hyperql.optimize;

import io.hyperspatial.hyperql.plan.AccessMethod;
import io.hyperspatial.hyperql.plan.Coercion;
import io.hyperspatial.hyperql.plan.PlanNode;
import io.hyperspatial.hyperql.plan.PlanWalker;
import io.hyperspatial.hyperql.plan.Scalar;
import io.hyperspatial.hyperql.source.AccessPath;

import java.util.ArrayList;
import java.util.List;

/**
 * Chooses how a filtered table is read, from the access paths the table declared: an equality on a
 * column with a key lookup (unique ones first), else bounds on a column with a range scan, else a
 * full scan. The key or bound must not read the scanned row (constants, parameters and outer columns
 * of a correlated subquery do), and the column must not need coercion, so that the index compares
 * exactly as the filter would; the terms the index answers are removed from the filter.
 */
final class IndexSelection {
    private IndexSelection() {
    }

    /** One {@code column op key} term, oriented with the column on the left. */
    private record Bound(int column, String op, Scalar key, Coercion coercion, Scalar term) {
    }

    static PlanNode apply(PlanNode node) {
        if (!(node instanceof PlanNode.Filter f) || !(f.input() instanceof PlanNode.Scan scan)
                || !(scan.access() instanceof AccessMethod.FullScan)) {
            return node;
        }
        List<Scalar> terms = Conjuncts.split(f.predicate());
        List<Bound> bounds = new ArrayList<>();
        for (Scalar t : terms) {
            Bound b = bound(t);
            if (b != null) {
                bounds.add(b);
            }
        }
        List<AccessPath> paths = scan.table().accessPaths();
        for (boolean uniqueOnly : new boolean[] {true, false}) {
            for (AccessPath p : paths) {
                if (p instanceof AccessPath.KeyLookup k && (k.unique() || !uniqueOnly)) {
                    for (Bound b : bounds) {
                        if (b.column() == k.column() && b.op().equals("=")) {
                            return rebuilt(scan, new AccessMethod.KeyLookup(b.column(), b.key(), b.coercion()), terms, List.of(b));
                        }
                    }
                }
            }
        }
        for (AccessPath p : paths) {
            if (p instanceof AccessPath.RangeScan r) {
                PlanNode ranged = range(scan, r.column(), bounds, terms);
                if (ranged != null) {
                    return ranged;
                }
            }
        }
        return node;
    }

    private static PlanNode range(PlanNode.Scan scan, int column, List<Bound> bounds, List<Scalar> terms) {
        Bound lower = null;
        Bound upper = null;
        for (Bound b : bounds) {
            if (b.column() != column) {
                continue;
            }
            if ((b.op().equals(">") || b.op().equals(">=")) && lower == null) {
                lower = b;
            } else if ((b.op().equals("<") || b.op().equals("<=")) && upper == null) {
                upper = b;
            }
        }
        if (lower != null && upper != null && !lower.coercion().equals(upper.coercion())) {
            upper = null;
        }
        if (lower == null && upper == null) {
            return null;
        }
        Coercion coercion = lower != null ? lower.coercion() : upper.coercion();
        List<Bound> used = new ArrayList<>();
        if (lower != null) {
            used.add(lower);
        }
        if (upper != null) {
            used.add(upper);
        }
        AccessMethod.Range access = new AccessMethod.Range(column, lower == null ? null : lower.key(),
                lower != null && lower.op().equals(">="), upper == null ? null : upper.key(),
                upper != null && upper.op().equals("<="), coercion);
        return rebuilt(scan, access, terms, used);
    }

    private static PlanNode rebuilt(PlanNode.Scan scan, AccessMethod access, List<Scalar> terms, List<Bound> used) {
        PlanNode.Scan indexed = new PlanNode.Scan(scan.table(), scan.alias(), scan.columns(), access, scan.needed(),
                scan.withRowId());
        List<Scalar> rest = new ArrayList<>(terms);
        for (Bound b : used) {
            rest.remove(b.term());
        }
        return rest.isEmpty() ? indexed : new PlanNode.Filter(indexed, Conjuncts.and(rest));
    }

    private static Bound bound(Scalar t) {
        if (!(t instanceof Scalar.Compare c) || c.operator().equals("!=")) {
            return null;
        }
        if (c.left() instanceof Scalar.Column col && col.depth() == 0 && usableKey(c.right()) && c.coercion().left() == null) {
            return new Bound(col.index(), c.operator(), c.right(), c.coercion(), t);
        }
        if (c.right() instanceof Scalar.Column col && col.depth() == 0 && usableKey(c.left()) && c.coercion().right() == null) {
            String flipped = switch (c.operator()) {
                case "<" -> ">";
                case "<=" -> ">=";
                case ">" -> "<";
                case ">=" -> "<=";
                default -> c.operator();
            };
            return new Bound(col.index(), flipped, c.left(), new Coercion(c.coercion().right(), c.coercion().left()), t);
        }
        return null;
    }

    /** A key must not read the scanned row nor run a subquery. */
    private static boolean usableKey(Scalar key) {
        return Conjuncts.columns(key).isEmpty() && !PlanWalker.hasSubquery(key);
    }
}
