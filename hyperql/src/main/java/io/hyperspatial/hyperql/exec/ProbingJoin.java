package io.hyperspatial.hyperql.exec;

import io.hyperspatial.hyperql.plan.AccessMethod;
import io.hyperspatial.hyperql.plan.PlanNode;
import io.hyperspatial.hyperql.plan.Scalar;
import io.hyperspatial.hyperql.source.AccessPath;
import io.hyperspatial.hyperql.source.AccessRequest;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The index side of a hash join whose right input is a table (possibly filtered) with a unique
 * key lookup on one of the join columns: when the left input turns out small, the left rows' keys
 * are looked up (one request for all of them) instead of the join reading the whole right table
 * into its hash table. The choice is made at run time from the actual left rows, up to
 * {@link #leftLimit()}: at most one row per left row matches either way, and the rows found are
 * keyed by every join key with the hash join's own key equality and held to the right input's
 * filter, so the answer, its order included, is the hash join's. Stateless apart from the plan
 * parts it holds.
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

    /**
     * The right rows the left rows can match, by their join key as the hash join keys its table:
     * the distinct lookup keys of the left rows asked for in one request (which the source may
     * serve with one batched read), each row found held to the right input's filter.
     */
    Map<RowKey, List<Object[]>> lookUp(PlanNode.HashJoin h, List<Object[]> leftRows, Frame frame) {
        Set<Object> keys = new LinkedHashSet<>();
        for (Object[] leftRow : leftRows) {
            if (Joins.key(h.leftKeys(), h.coercions(), true, leftRow, frame) != null) {
                keys.add(h.coercions().get(keyIndex).applyLeft(Evaluator.eval(h.leftKeys().get(keyIndex), leftRow, frame)));
            }
        }
        Map<RowKey, List<Object[]>> table = new HashMap<>();
        if (keys.isEmpty()) {
            return table;
        }
        RowStream rows = ScanStream.rows(scan, new AccessRequest.Lookups(column, List.copyOf(keys), scan.needed()), frame);
        for (Object[] r = rows.next(); r != null; r = rows.next()) {
            if (filter == null || Evaluator.test(filter, r, frame)) {
                RowKey key = Joins.key(h.rightKeys(), h.coercions(), false, r, frame);
                if (key != null) {
                    table.computeIfAbsent(key, k -> new ArrayList<>(1)).add(r);
                }
            }
        }
        return table;
    }
}
