package io.hyperspatial.hyperql.exec;

import io.hyperspatial.hyperql.error.ErrorCode;
import io.hyperspatial.hyperql.error.HqlExecutionException;
import io.hyperspatial.hyperql.plan.PlanNode;
import io.hyperspatial.hyperql.plan.Scalar;
import io.hyperspatial.hyperql.value.Affinity;
import io.hyperspatial.hyperql.value.TextForm;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.TreeSet;

/**
 * Turns plan nodes into {@link RowStream}s. Streaming nodes (scan, filter, project, limit, joins'
 * probe side) pull rows one at a time; sort, aggregation, set operations and joins' build side
 * materialize their input. Stateless; each call opens fresh streams.
 */
public final class Executor {
    static final Object[] EMPTY_ROW = new Object[0];

    private Executor() {
    }

    /** Opens the plan's output as a stream, evaluating within the frame. */
    public static RowStream open(PlanNode node, Frame frame) {
        return switch (node) {
            case PlanNode.Scan s -> ScanStream.open(s, frame);
            case PlanNode.Values v -> values(v, frame);
            case PlanNode.Filter f -> filter(open(f.input(), frame), f.predicate(), frame);
            case PlanNode.Project p -> project(open(p.input(), frame), p.outputs(), frame);
            case PlanNode.Join j -> Joins.nestedLoop(j, frame);
            case PlanNode.HashJoin h -> Joins.hash(h, frame);
            case PlanNode.Aggregate a -> Aggregation.open(a, frame);
            case PlanNode.Sort s -> Sorting.sort(s, frame);
            case PlanNode.TopN t -> Sorting.topN(t, frame);
            case PlanNode.Limit l -> limit(l, frame);
            case PlanNode.Distinct d -> distinct(open(d.input(), frame));
            case PlanNode.SetOperation s -> setOperation(s, frame);
            case PlanNode.RecursiveUnion r -> RecursiveQueue.open(r, frame);
            case PlanNode.WorkingTable w -> workingTable(w, frame);
            case PlanNode.GraphMatch g -> GraphTraversal.open(g, frame);
        };
    }

    /** All rows of the plan. */
    public static List<Object[]> materialize(PlanNode node, Frame frame) {
        return drain(open(node, frame));
    }

    static List<Object[]> drain(RowStream stream) {
        List<Object[]> rows = new ArrayList<>();
        for (Object[] r = stream.next(); r != null; r = stream.next()) {
            rows.add(r);
        }
        return rows;
    }

    static RowStream of(Iterator<Object[]> rows) {
        return () -> rows.hasNext() ? rows.next() : null;
    }

    /** The rows of {@code first}, then those of {@code rest}. */
    static RowStream concat(RowStream first, RowStream rest) {
        return new RowStream() {
            private boolean firstDone;

            @Override
            public Object[] next() {
                if (!firstDone) {
                    Object[] r = first.next();
                    if (r != null) {
                        return r;
                    }
                    firstDone = true;
                }
                return rest.next();
            }
        };
    }

    /**
     * A LIMIT or OFFSET value: an integer (numeric text and integral reals convert), -1 (no
     * limit) when negative. Anything else, NULL included, is SQLite's "datatype mismatch".
     */
    static long count(Scalar e, Frame frame) {
        if (e == null) {
            return -1;
        }
        Object v = Evaluator.eval(e, EMPTY_ROW, frame);
        if (!(Affinity.NUMERIC.apply(v) instanceof Long l)) {
            String got = v == null ? "NULL" : "'" + TextForm.of(v) + "'";
            throw new HqlExecutionException(ErrorCode.HQL_TYPE_MISMATCH,
                    "datatype mismatch: LIMIT and OFFSET take an integer, got " + got);
        }
        return Math.max(-1, l);
    }

    private static RowStream values(PlanNode.Values v, Frame frame) {
        Iterator<List<Scalar>> rows = v.rows().iterator();
        return () -> {
            if (!rows.hasNext()) {
                return null;
            }
            List<Scalar> exprs = rows.next();
            Object[] out = new Object[exprs.size()];
            for (int i = 0; i < out.length; i++) {
                out[i] = Evaluator.eval(exprs.get(i), EMPTY_ROW, frame);
            }
            return out;
        };
    }

    private static RowStream workingTable(PlanNode.WorkingTable w, Frame frame) {
        Object[] row = frame.workingRow(w.table());
        return new RowStream() {
            private boolean done = row == null;

            @Override
            public Object[] next() {
                if (done) {
                    return null;
                }
                done = true;
                return row;
            }
        };
    }

    private static RowStream filter(RowStream input, Scalar predicate, Frame frame) {
        return () -> {
            for (Object[] r = input.next(); r != null; r = input.next()) {
                if (Evaluator.test(predicate, r, frame)) {
                    return r;
                }
            }
            return null;
        };
    }

    private static RowStream project(RowStream input, List<Scalar> outputs, Frame frame) {
        Scalar[] exprs = outputs.toArray(Scalar[]::new);
        return () -> {
            Object[] r = input.next();
            if (r == null) {
                return null;
            }
            Object[] out = new Object[exprs.length];
            for (int i = 0; i < exprs.length; i++) {
                out[i] = Evaluator.eval(exprs[i], r, frame);
            }
            return out;
        };
    }

    private static RowStream limit(PlanNode.Limit l, Frame frame) {
        long limit = count(l.limit(), frame);
        long offset = Math.max(0, count(l.offset(), frame));
        RowStream input = open(l.input(), frame);
        return new RowStream() {
            private long skipped;
            private long emitted;

            @Override
            public Object[] next() {
                if (limit >= 0 && emitted >= limit) {
                    return null;
                }
                for (Object[] r = input.next(); r != null; r = input.next()) {
                    if (skipped < offset) {
                        skipped++;
                        continue;
                    }
                    emitted++;
                    return r;
                }
                return null;
            }
        };
    }

    private static RowStream distinct(RowStream input) {
        java.util.Set<RowKey> seen = new java.util.HashSet<>();
        return () -> {
            for (Object[] r = input.next(); r != null; r = input.next()) {
                if (seen.add(RowKey.of(r))) {
                    return r;
                }
            }
            return null;
        };
    }

    private static RowStream setOperation(PlanNode.SetOperation s, Frame frame) {
        if (s.kind() == PlanNode.SetKind.UNION_ALL) {
            return concat(open(s.left(), frame), open(s.right(), frame));
        }
        TreeSet<Object[]> result = new TreeSet<>(RowKey::compareRows);
        addReplacing(result, materialize(s.left(), frame));
        List<Object[]> right = materialize(s.right(), frame);
        switch (s.kind()) {
            case UNION -> addReplacing(result, right);
            case INTERSECT -> {
                TreeSet<Object[]> other = new TreeSet<>(RowKey::compareRows);
                other.addAll(right);
                result.retainAll(other);
            }
            case EXCEPT -> right.forEach(result::remove);
            default -> throw new IllegalStateException();
        }
        return of(result.iterator());
    }

    /** Adds rows to a set where a later row replaces an equal earlier one (SQLite keeps 15.0 of 15 UNION 15.0). */
    private static void addReplacing(TreeSet<Object[]> set, List<Object[]> rows) {
        for (Object[] r : rows) {
            set.remove(r);
            set.add(r);
        }
    }
}
