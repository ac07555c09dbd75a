package io.hyperspatial.hyperql.exec;

import io.hyperspatial.hyperql.plan.Coercion;
import io.hyperspatial.hyperql.plan.Scalar;
import io.hyperspatial.hyperql.value.Truth;
import io.hyperspatial.hyperql.value.ValueOrder;

import java.util.List;

/**
 * Evaluates {@link Scalar.RowCompare}: both rows are read (a subquery side once, its first row or
 * NULLs when it has none; an uncorrelated one once per statement execution), coerced pair by
 * pair, then compared as SQLite compares row values:
 * <ul>
 *   <li>{@code =}: false when some pair differs, else NULL when some pair holds a NULL, else true;
 *       {@code !=} is its negation (NULL stays NULL);</li>
 *   <li>{@code < <= > >=}: left to right, a NULL pair gives NULL, the first pair that differs
 *       decides, and when all pairs are equal only {@code <=} and {@code >=} hold;</li>
 *   <li>{@code IS}: every pair the same, NULL being the same as NULL; {@code IS NOT} its negation.</li>
 * </ul>
 * This is what the written-out form {@code a < x OR (a = x AND b < y)} gives for listed rows.
 * Stateless.
 */
final class RowComparison {
    private RowComparison() {
    }

    static Object evaluate(Scalar.RowCompare c, Object[] row, Frame frame) {
        List<Coercion> coercions = c.coercions();
        Object[] left = values(c.left(), coercions.size(), row, frame);
        Object[] right = values(c.right(), coercions.size(), row, frame);
        for (int i = 0; i < left.length; i++) {
            left[i] = coercions.get(i).applyLeft(left[i]);
            right[i] = coercions.get(i).applyRight(right[i]);
        }
        return switch (c.operator()) {
            case "=" -> equal(left, right);
            case "!=" -> not(equal(left, right));
            case "IS" -> Truth.value(same(left, right));
            case "IS NOT" -> Truth.value(!same(left, right));
            case "<", "<=", ">", ">=" -> ordered(c.operator(), left, right);
            default -> throw new IllegalArgumentException(c.operator());
        };
    }

    private static Object[] values(Scalar.RowSide side, int width, Object[] row, Frame frame) {
        return switch (side) {
            case Scalar.RowSide.Listed l -> {
                Object[] out = new Object[width];
                for (int i = 0; i < width; i++) {
                    out[i] = Evaluator.eval(l.elements().get(i), row, frame);
                }
                yield out;
            }
            case Scalar.RowSide.FirstRow f -> firstRow(f.query(), width, row, frame);
        };
    }

    /** A copy of the subquery's first row, or NULLs. */
    private static Object[] firstRow(Scalar.Subquery q, int width, Object[] row, Frame frame) {
        Object[] first;
        if (q.correlated()) {
            first = read(q, width, frame.enter(row));
        } else {
            first = (Object[]) frame.subqueryResults().computeIfAbsent(q, k -> read(q, width, frame));
        }
        return first.clone();
    }

    private static Object[] read(Scalar.Subquery q, int width, Frame frame) {
        Object[] r = Executor.open(q.plan(), frame).next();
        Object[] out = new Object[width];
        if (r != null) {
            System.arraycopy(r, 0, out, 0, width);
        }
        return out;
    }

    /**
     * {@code l = r} for two rows of one width: false (0) when some pair of values differs, else
     * NULL when some pair holds a NULL, else true (1). Also what {@code IN} matches rows by.
     */
    static Object equal(Object[] l, Object[] r) {
        boolean unknown = false;
        for (int i = 0; i < l.length; i++) {
            if (l[i] == null || r[i] == null) {
                unknown = true;
            } else if (ValueOrder.compare(l[i], r[i]) != 0) {
                return 0L;
            }
        }
        return unknown ? null : 1L;
    }

    private static Object not(Object truth) {
        return truth == null ? null : Truth.value(!Truth.isTrue(truth));
    }

    private static boolean same(Object[] l, Object[] r) {
        for (int i = 0; i < l.length; i++) {
            boolean pair = l[i] == null || r[i] == null ? l[i] == r[i] : ValueOrder.compare(l[i], r[i]) == 0;
            if (!pair) {
                return false;
            }
        }
        return true;
    }

    private static Object ordered(String op, Object[] l, Object[] r) {
        for (int i = 0; i < l.length; i++) {
            if (l[i] == null || r[i] == null) {
                return null;
            }
            int c = ValueOrder.compare(l[i], r[i]);
            if (c != 0) {
                return Truth.value(op.startsWith("<") ? c < 0 : c > 0);
            }
        }
        return Truth.value(op.endsWith("="));
    }
}
