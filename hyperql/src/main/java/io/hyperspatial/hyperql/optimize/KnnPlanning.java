package io.hyperspatial.hyperql.optimize;

import io.hyperspatial.hyperql.plan.AccessMethod;
import io.hyperspatial.hyperql.plan.PlanNode;
import io.hyperspatial.hyperql.plan.Scalar;
import io.hyperspatial.hyperql.plan.SortKey;
import io.hyperspatial.hyperql.source.AccessPath;

/**
 * Plans {@code ORDER BY <distance> LIMIT k} as a k-NN scan when the table declares one for that
 * column and metric: the scan returns the k (limit + offset) nearest rows among those passing the
 * WHERE clause, which is pushed into the scan as its filter. Over a radius scan of the same column,
 * metric and query ({@code WHERE col NEAR q WITHIN r ORDER BY distance LIMIT k}), the limit is
 * pushed into the radius scan instead. The top-N above stays, so the final order and cut are
 * computed exactly whatever the source returns first. The query vector may be a constant, a
 * parameter or an uncorrelated subquery (run once per statement).
 */
final class KnnPlanning {
    private KnnPlanning() {
    }

    static PlanNode apply(PlanNode node) {
        if (!(node instanceof PlanNode.TopN top) || top.keys().size() != 1 || !(top.input() instanceof PlanNode.Project project)) {
            return node;
        }
        SortKey key = top.keys().get(0);
        if (key.descending() || !(key.expression() instanceof Scalar.Column sorted) || sorted.depth() != 0
                || !(project.outputs().get(sorted.index()) instanceof Scalar.Distance distance)) {
            return node;
        }
        Scalar filter = null;
        PlanNode below = project.input();
        if (below instanceof PlanNode.Filter f) {
            filter = f.predicate();
            below = f.input();
        }
        if (!(below instanceof PlanNode.Scan scan)) {
            return node;
        }
        Scalar.Column column = vectorColumn(distance.left(), distance.right());
        Scalar query = column == distance.left() ? distance.right() : distance.left();
        if (column == null || !RadiusPlanning.fixedPerScan(query)) {
            return node;
        }
        Scalar k = ConstantFolding.fold(top.offset() == null ? top.limit() : new Scalar.Arithmetic("+", top.limit(), top.offset()));
        AccessMethod access;
        if (scan.access() instanceof AccessMethod.Radius r && filter == null && r.limit() == null
                && r.column() == column.index() && r.metric() == distance.metric() && r.query().equals(query)) {
            access = r.withLimit(k);
        } else if (scan.access() instanceof AccessMethod.FullScan && !scan.withRowId() && declared(scan, column, distance)) {
            access = new AccessMethod.Knn(column.index(), query, distance.metric(), k, filter);
        } else {
            return node;
        }
        PlanNode.Scan knn = new PlanNode.Scan(scan.table(), scan.alias(), scan.columns(), access, scan.needed(),
                scan.withRowId());
        return new PlanNode.TopN(new PlanNode.Project(knn, project.outputs(), project.columns()), top.keys(), top.limit(),
                top.offset());
    }

    private static boolean declared(PlanNode.Scan scan, Scalar.Column column, Scalar.Distance distance) {
        return scan.table().accessPaths().stream().anyMatch(p -> p instanceof AccessPath.KnnScan k
                && k.column() == column.index() && k.metric() == distance.metric());
    }

    private static Scalar.Column vectorColumn(Scalar left, Scalar right) {
        if (left instanceof Scalar.Column c && c.depth() == 0) {
            return c;
        }
        if (right instanceof Scalar.Column c && c.depth() == 0) {
            return c;
        }
        return null;
    }
}
