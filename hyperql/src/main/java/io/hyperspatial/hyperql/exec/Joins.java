package io.hyperspatial.hyperql.exec;

import io.hyperspatial.hyperql.plan.Coercion;
import io.hyperspatial.hyperql.plan.PlanNode;
import io.hyperspatial.hyperql.plan.Scalar;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Join operators. Both keep the left input streaming and materialize the right one once (a right
 * input never depends on left rows), except that a hash join over a right table with a unique
 * key on a join column builds its table from the rows the left input's keys look up, when the
 * left input is small ({@link ProbingJoin}). Output order is left order, then right order within a left row,
 * as a nested loop would give. The hash join skips NULL keys, which never compare equal.
 */
final class Joins {
    private Joins() {
    }

    static RowStream nestedLoop(PlanNode.Join j, Frame frame) {
        RowStream left = Executor.open(j.left(), frame);
        List<Object[]> right = Executor.materialize(j.right(), frame);
        int rightWidth = j.right().columns().size();
        return new Pairing(left, rightWidth, j.kind() == PlanNode.JoinKind.LEFT, j.condition(), frame) {
            @Override
            List<Object[]> candidates(Object[] leftRow) {
                return right;
            }
        };
    }

    static RowStream hash(PlanNode.HashJoin h, Frame frame) {
        RowStream left = Executor.open(h.left(), frame);
        int rightWidth = h.right().columns().size();
        boolean outer = h.kind() == PlanNode.JoinKind.LEFT;
        ProbingJoin probing = ProbingJoin.of(h);
        Map<RowKey, List<Object[]>> table = null;
        if (probing != null) {
            long limit = probing.leftLimit();
            List<Object[]> first = new ArrayList<>();
            for (Object[] r = left.next(); r != null; r = left.next()) {
                first.add(r);
                if (first.size() > limit) {
                    break;
                }
            }
            if (first.size() <= limit) {
                table = probing.lookUp(h, first, frame);
                left = Executor.of(first.iterator());
            } else {
                left = Executor.concat(Executor.of(first.iterator()), left);
            }
        }
        if (table == null) {
            table = new HashMap<>();
            RowStream rightRows = Executor.open(h.right(), frame);
            for (Object[] r = rightRows.next(); r != null; r = rightRows.next()) {
                RowKey key = key(h.rightKeys(), h.coercions(), false, r, frame);
                if (key != null) {
                    table.computeIfAbsent(key, k -> new ArrayList<>(2)).add(r);
                }
            }
        }
        Map<RowKey, List<Object[]>> rightByKey = table;
        return new Pairing(left, rightWidth, outer, h.residual(), frame) {
            @Override
            List<Object[]> candidates(Object[] leftRow) {
                RowKey key = key(h.leftKeys(), h.coercions(), true, leftRow, frame);
                List<Object[]> found = key == null ? null : rightByKey.get(key);
                return found == null ? List.of() : found;
            }
        };
    }

    /** A join key's values, coerced as its side needs; null when one is NULL (it matches nothing). */
    static RowKey key(List<Scalar> exprs, List<Coercion> coercions, boolean left, Object[] row, Frame frame) {
        Object[] values = new Object[exprs.size()];
        for (int i = 0; i < values.length; i++) {
            Object v = Evaluator.eval(exprs.get(i), row, frame);
            if (v == null) {
                return null;
            }
            values[i] = left ? coercions.get(i).applyLeft(v) : coercions.get(i).applyRight(v);
        }
        return RowKey.of(values);
    }

    /**
     * Pairs each left row with its candidate right rows that pass the condition; pads unmatched
     * rows for LEFT joins. Each pair tried is a checkpoint of the statement's control.
     */
    private abstract static class Pairing implements RowStream {
        private final RowStream left;
        private final int rightWidth;
        private final boolean outer;
        private final Scalar condition;
        private final Frame frame;
        private Object[] leftRow;
        private List<Object[]> candidates = List.of();
        private int next;
        private boolean matched;

        Pairing(RowStream left, int rightWidth, boolean outer, Scalar condition, Frame frame) {
            this.left = left;
            this.rightWidth = rightWidth;
            this.outer = outer;
            this.condition = condition;
            this.frame = frame;
        }

        abstract List<Object[]> candidates(Object[] leftRow);

        @Override
        public Object[] next() {
            while (true) {
                if (leftRow != null) {
                    while (next < candidates.size()) {
                        frame.checkpoint();
                        Object[] joined = concat(leftRow, candidates.get(next++));
                        if (condition == null || Evaluator.test(condition, joined, frame)) {
                            matched = true;
                            return joined;
                        }
                    }
                    Object[] finished = leftRow;
                    leftRow = null;
                    if (outer && !matched) {
                        return concat(finished, new Object[rightWidth]);
                    }
                }
                leftRow = left.next();
                if (leftRow == null) {
                    return null;
                }
                candidates = candidates(leftRow);
                next = 0;
                matched = false;
            }
        }

        private static Object[] concat(Object[] a, Object[] b) {
            Object[] out = new Object[a.length + b.length];
            System.arraycopy(a, 0, out, 0, a.length);
            System.arraycopy(b, 0, out, a.length, b.length);
            return out;
        }
    }
}
