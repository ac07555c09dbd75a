package io.hyperspatial.hyperql.optimize;

import io.hyperspatial.hyperql.plan.AccessMethod;
import io.hyperspatial.hyperql.plan.PlanNode;
import io.hyperspatial.hyperql.plan.PlanWalker;
import io.hyperspatial.hyperql.plan.Scalar;
import io.hyperspatial.hyperql.source.AccessPath;

import java.util.ArrayList;
import java.util.List;

/**
 * Plans a {@code col NEAR q WITHIN r} term of a table's filter as a radius scan when the table
 * declares one for that column and metric and neither q nor r reads the scanned row: the other
 * terms of the filter are pushed into the scan, which returns exactly the rows that pass the
 * whole filter, nearest first. Runs after {@link IndexSelection}, so a key lookup or range scan
 * the filter allows is kept, with the NEAR term checked row by row. A LIMIT over an ORDER BY of the
 * same distance is pushed into the scan later, by {@link KnnPlanning}.
 */
final class RadiusPlanning {
    private RadiusPlanning() {
    }

    static PlanNode apply(PlanNode node) {
        if (!(node instanceof PlanNode.Filter f) || !(f.input() instanceof PlanNode.Scan scan)
                || !(scan.access() instanceof AccessMethod.FullScan)) {
            return node;
        }
        List<Scalar> terms = Conjuncts.split(f.predicate());
        for (Scalar t : terms) {
            if (t instanceof Scalar.Near n && n.operand() instanceof Scalar.Column c && c.depth() == 0
                    && fixedPerScan(n.query()) && fixedPerScan(n.radius()) && declared(scan, c.index(), n)) {
                List<Scalar> rest = new ArrayList<>(terms);
                rest.remove(t);
                AccessMethod.Radius radius = new AccessMethod.Radius(c.index(), n.query(), n.metric(), n.radius(), null,
                        Conjuncts.and(rest), n.where());
                return new PlanNode.Scan(scan.table(), scan.alias(), scan.columns(), radius, scan.needed(),
                        scan.withRowId());
            }
        }
        return node;
    }

    private static boolean declared(PlanNode.Scan scan, int column, Scalar.Near n) {
        return scan.table().accessPaths().stream().anyMatch(p -> p instanceof AccessPath.RadiusScan r
                && r.column() == column && r.metric() == n.metric());
    }

    /**
     * Whether an expression has one value for the whole scan: it reads no column of the scanned
     * row and runs no correlated subquery (an uncorrelated one runs once per statement).
     */
    static boolean fixedPerScan(Scalar e) {
        if (!Conjuncts.columns(e).isEmpty()) {
            return false;
        }
        boolean[] correlated = {false};
        PlanWalker.forEach(e, n -> {
            for (Scalar.Subquery q : PlanWalker.subqueries(n)) {
                correlated[0] |= q.correlated();
            }
        });
        return !correlated[0];
    }
}
