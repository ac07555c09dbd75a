package io.hyperspatial.hyperql.exec;

import io.hyperspatial.hyperql.plan.AccessMethod;
import io.hyperspatial.hyperql.plan.PlanNode;
import io.hyperspatial.hyperql.plan.Scalar;
import io.hyperspatial.hyperql.source.AccessRequest;
import io.hyperspatial.hyperql.source.ColumnSchema;
import io.hyperspatial.hyperql.source.RowCursor;
import io.hyperspatial.hyperql.source.VectorMetric;
import io.hyperspatial.hyperql.value.Vector;

import java.util.function.Predicate;

/** Reads a table through the access method the optimizer chose, copying each row out of the cursor. */
final class ScanStream {
    private ScanStream() {
    }

    static RowStream open(PlanNode.Scan s, Frame frame) {
        AccessRequest request = switch (s.access()) {
            case AccessMethod.FullScan f -> new AccessRequest.FullScan(s.needed());
            case AccessMethod.KeyLookup k -> {
                Object key = Evaluator.eval(k.key(), Executor.EMPTY_ROW, frame);
                yield key == null ? null : new AccessRequest.Lookup(k.column(), k.coercion().applyRight(key), s.needed());
            }
            case AccessMethod.Range r -> range(r, s, frame);
            case AccessMethod.Knn k -> knn(k, s, frame);
            case AccessMethod.Radius r -> radius(r, s, frame);
        };
        if (request == null) {
            return () -> null;
        }
        return rows(s, request, frame);
    }

    /**
     * The rows of a request on the scan's table, each copied out of the cursor (with the hidden
     * rowid, which the cursor's rows carry after the columns, and the row id when the scan wants
     * them), each a checkpoint of the statement's control.
     */
    static RowStream rows(PlanNode.Scan s, AccessRequest request, Frame frame) {
        RowCursor cursor = s.table().open(request);
        int width = s.table().schema().columns().size() + (s.hiddenRowid() ? 1 : 0);
        boolean withRowId = s.withRowId();
        if (!withRowId && !s.hiddenRowid() && cursor.handsOverRows()) {
            return () -> {
                frame.checkpoint();
                return cursor.next() ? cursor.row() : null;
            };
        }
        return () -> {
            frame.checkpoint();
            if (!cursor.next()) {
                return null;
            }
            Object[] row = cursor.row();
            Object[] out = new Object[withRowId ? width + 1 : width];
            System.arraycopy(row, 0, out, 0, width);
            if (withRowId) {
                out[width] = cursor.rowId();
            }
            return out;
        };
    }

    /** The k-NN request, or null when the query vector is NULL or k is 0. */
    private static AccessRequest knn(AccessMethod.Knn k, PlanNode.Scan s, Frame frame) {
        Object query = Evaluator.eval(k.query(), Executor.EMPTY_ROW, frame);
        long count = Executor.count(k.k(), frame);
        if (query == null || count == 0) {
            return null;
        }
        int limit = count < 0 || count > Integer.MAX_VALUE ? Integer.MAX_VALUE : (int) count;
        return new AccessRequest.Knn(k.column(), queryVector(s, k.column(), k.metric(), query, null), k.metric(), limit,
                filter(k.filter(), frame), s.needed());
    }

    /** The radius request, or null when the query or the radius is NULL (no row can match) or the limit is 0. */
    private static AccessRequest radius(AccessMethod.Radius r, PlanNode.Scan s, Frame frame) {
        Object query = Evaluator.eval(r.query(), Executor.EMPTY_ROW, frame);
        Object radius = Evaluator.eval(r.radius(), Executor.EMPTY_ROW, frame);
        double within = radius == null ? 0 : Nearness.radius(radius, r.where());
        long count = r.limit() == null ? -1 : Executor.count(r.limit(), frame);
        if (query == null || radius == null || count == 0) {
            return null;
        }
        int limit = count < 0 || count > Integer.MAX_VALUE ? Integer.MAX_VALUE : (int) count;
        return new AccessRequest.Within(r.column(), queryVector(s, r.column(), r.metric(), query, r.where()), r.metric(),
                within, limit, filter(r.filter(), frame), s.needed());
    }

    /** The query as a vector checked against the column, as the row-by-row distance would check it. */
    private static Vector queryVector(PlanNode.Scan s, int column, VectorMetric metric, Object query, String where) {
        ColumnSchema.VectorType type = s.table().schema().columns().get(column).vector();
        return Nearness.checkQuery(metric, Casts.toVector(query), type == null ? 0 : type.dimensions(), where);
    }

    private static Predicate<Object[]> filter(Scalar filter, Frame frame) {
        return filter == null ? row -> true : row -> Evaluator.test(filter, row, frame);
    }

    /** The range request, or null when a bound is NULL (then no row can match). */
    private static AccessRequest range(AccessMethod.Range r, PlanNode.Scan s, Frame frame) {
        Object lower = null;
        Object upper = null;
        if (r.lower() != null) {
            lower = Evaluator.eval(r.lower(), Executor.EMPTY_ROW, frame);
            if (lower == null) {
                return null;
            }
            lower = r.coercion().applyRight(lower);
        }
        if (r.upper() != null) {
            upper = Evaluator.eval(r.upper(), Executor.EMPTY_ROW, frame);
            if (upper == null) {
                return null;
            }
            upper = r.coercion().applyRight(upper);
        }
        return new AccessRequest.Range(r.column(), lower, r.lowerInclusive(), upper, r.upperInclusive(), s.needed());
    }
}
