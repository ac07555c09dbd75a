package io.hyperspatial.hyperql.exec;

import io.hyperspatial.hyperql.plan.PlanNode;
import io.hyperspatial.hyperql.plan.SortKey;
import io.hyperspatial.hyperql.value.ValueOrder;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * ORDER BY: a full stable sort, or top-N with a bounded heap of {@code limit + offset} rows when a
 * LIMIT follows (O(n log k) instead of O(n log n), and memory bounded by k).
 */
final class Sorting {
    private Sorting() {
    }

    /** A row with its sort key values and arrival number (for stability). */
    record Keyed(Object[] row, Object[] keys, long sequence) {
    }

    static RowStream sort(PlanNode.Sort s, Frame frame) {
        List<Keyed> rows = new ArrayList<>();
        RowStream input = Executor.open(s.input(), frame);
        long seq = 0;
        for (Object[] r = input.next(); r != null; r = input.next()) {
            rows.add(keyed(s.keys(), r, seq++, frame));
        }
        rows.sort(comparator(s.keys()));
        return Executor.of(rows.stream().map(Keyed::row).iterator());
    }

    static RowStream topN(PlanNode.TopN t, Frame frame) {
        long limit = Executor.count(t.limit(), frame);
        long offset = Math.max(0, Executor.count(t.offset(), frame));
        if (limit < 0) {
            RowStream sorted = sort(new PlanNode.Sort(t.input(), t.keys()), frame);
            for (long i = 0; i < offset && sorted.next() != null; i++) {
                // skip the offset
            }
            return sorted;
        }
        SmallestK<Keyed> kept = new SmallestK<>(limit + offset, comparator(t.keys()));
        RowStream input = Executor.open(t.input(), frame);
        long seq = 0;
        for (Object[] r = input.next(); r != null; r = input.next()) {
            kept.offer(keyed(t.keys(), r, seq++, frame));
        }
        List<Keyed> rows = kept.sorted();
        List<Object[]> out = new ArrayList<>();
        for (int i = (int) Math.min(offset, rows.size()); i < rows.size(); i++) {
            out.add(rows.get(i).row());
        }
        return Executor.of(out.iterator());
    }

    static Keyed keyed(List<SortKey> keys, Object[] row, long seq, Frame frame) {
        Object[] values = new Object[keys.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = Evaluator.eval(keys.get(i).expression(), row, frame);
        }
        return new Keyed(row, values, seq);
    }

    static Comparator<Keyed> comparator(List<SortKey> keys) {
        return (a, b) -> {
            for (int i = 0; i < keys.size(); i++) {
                SortKey k = keys.get(i);
                Object x = a.keys()[i];
                Object y = b.keys()[i];
                int c;
                if (x == null || y == null) {
                    c = x == y ? 0 : (x == null) == k.nullsFirst() ? -1 : 1;
                } else {
                    c = ValueOrder.compare(x, y);
                    if (k.descending()) {
                        c = -c;
                    }
                }
                if (c != 0) {
                    return c;
                }
            }
            return Long.compare(a.sequence(), b.sequence());
        };
    }
}
