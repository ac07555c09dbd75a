package io.hyperspatial.hyperql.exec;

import io.hyperspatial.hyperql.plan.AccessMethod;
import io.hyperspatial.hyperql.plan.PlanNode;
import io.hyperspatial.hyperql.plan.Scalar;
import io.hyperspatial.hyperql.source.AccessPath;
import io.hyperspatial.hyperql.source.AccessRequest;

import java.util.ArrayList;
import java.util.List;

/**
 * The index side of a hash join whose right input is a table (possibly filtered) with a unique
 * key lookup on one of the join columns: when the left input turns out small, each left row looks
 * its match up by that key instead of the join reading the whole right table into a hash table.
 * The choice is made at run time from the actual left rows, up to {@link #leftLimit()}: at most
 * one row per left row comes back either way, and it is checked against every join key with the
 * hash join's own key equality and against the right input's filter, so the answer, its order
 * included, is the hash join's. Stateless apart from the plan parts it holds.
 *
 * @param scan     the right table's scan
 * @param filter   the filter over it, or null
 * @param keyIndex which of the join's keys the lookup serves
 * @param column   the right table's column of that key
 */
record ProbingJoin(PlanNode.Scan scan, Scalar filter, int keyIndex, int column) {
    /** Left rows probed one by one at most, per this many rows a full scan of the right table reads. */
    static final int ROWS_PER_PROBE = 8;
    /** Left inputs up to this many rows are always probed. */
    static final int MIN_LEFT_LIMIT = 16;

    /** The probing side of the join, or null when its right input offers no unique lookup on a join key. */
    static ProbingJoin of(PlanNode.HashJoin h) {
        Scalar filter = null;
        PlanNode right = h.right();
        if (right instanceof PlanNode.Filter f) {
            filter = f.predicate();
            right = f.input();
        }
        if (!(right instanceof PlanNode.Scan scan) || !(scan.access() instanceof AccessMethod.FullScan)) {
            return null;
        }
        for (int i = 0; i < h.rightKeys().size(); i++) {
            if (h.rightKeys().get(i) instanceof Scalar.Column c && c.depth() == 0 && h.coercions().get(i).right() == null) {
                for (AccessPath p : scan.table().accessPaths()) {
                    if (p instanceof AccessPath.KeyLookup k && k.unique() && k.column() == c.index()) {
                        return new ProbingJoin(scan, filter, i, c.index());
                    }
                }
            }
        }
        return null;
    }

    /** The most left rows that are probed one by one; a larger left input is hash-joined. */
    long leftLimit() {
        return Math.max(MIN_LEFT_LIMIT, scan.table().fullScanRows() / ROWS_PER_PROBE);
    }

    /** The right rows matching a left row: looked up by key, then held to every join key and the filter. */
    List<Object[]> matches(PlanNode.HashJoin h, Object[] leftRow, Frame frame) {
        RowKey leftKey = Joins.key(h.leftKeys(), h.coercions(), true, leftRow, frame);
        if (leftKey == null) {
            return List.of();
        }
        Object key = h.coercions().get(keyIndex).applyLeft(Evaluator.eval(h.leftKeys().get(keyIndex), leftRow, frame));
        RowStream rows = ScanStream.rows(scan, new AccessRequest.Lookup(column, key, scan.needed()), frame);
        List<Object[]> out = new ArrayList<>(1);
        for (Object[] r = rows.next(); r != null; r = rows.next()) {
            if ((filter == null || Evaluator.test(filter, r, frame))
                    && leftKey.equals(Joins.key(h.rightKeys(), h.coercions(), false, r, frame))) {
                out.add(r);
            }
        }
        return out;
    }
}
