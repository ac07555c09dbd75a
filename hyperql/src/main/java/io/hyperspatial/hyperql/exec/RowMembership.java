package io.hyperspatial.hyperql.exec;

import io.hyperspatial.hyperql.plan.Coercion;
import io.hyperspatial.hyperql.plan.Scalar;
import io.hyperspatial.hyperql.value.Truth;
import io.hyperspatial.hyperql.value.ValueOrder;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * {@code (a, b, ...) [NOT] IN (SELECT x, y, ...)} with SQLite's three-valued answer: true when a
 * subquery row equals the left row in every column; otherwise NULL when some row could still
 * equal it, every column pair being equal or involving a NULL; otherwise false (and false for no
 * rows at all, whatever the left side holds). NOT IN negates true and false and keeps NULL.
 *
 * <p>An uncorrelated subquery's rows are read once per statement execution into a hash set of
 * the rows without NULLs and a list of all rows; a left row without NULLs then costs one hash
 * lookup, and only a miss while rows with NULLs exist (or a left row with NULLs) scans the list.
 * A correlated one is read again for every outer row.
 */
final class RowMembership {
    private RowMembership() {
    }

    static Object in(Scalar.InQuery in, Object[] row, Frame frame) {
        List<Coercion> coercions = in.coercions();
        int width = in.operands().size();
        Object[] left = new Object[width];
        boolean leftHasNull = false;
        for (int i = 0; i < width; i++) {
            Object v = Evaluator.eval(in.operands().get(i), row, frame);
            left[i] = v == null ? null : coercions.get(i).applyLeft(v);
            leftHasNull |= v == null;
        }
        Answer answer;
        if (in.query().correlated()) {
            answer = scan(Executor.open(in.query().plan(), frame.enter(row)), left, coercions);
        } else {
            Rows rows = (Rows) frame.subqueryResults().computeIfAbsent(in.query(), k -> Rows.of(in.query(), coercions, frame));
            answer = rows.lookup(left, leftHasNull);
        }
        return switch (answer) {
            case MEMBER -> Truth.value(!in.negated());
            case NOT_MEMBER -> Truth.value(in.negated());
            case UNKNOWN -> null;
        };
    }

    private enum Answer { MEMBER, NOT_MEMBER, UNKNOWN }

    /** Compares the left row with each of the subquery's rows as they come. */
    private static Answer scan(RowStream rows, Object[] left, List<Coercion> coercions) {
        boolean unknown = false;
        for (Object[] r = rows.next(); r != null; r = rows.next()) {
            switch (match(left, coerced(r, coercions))) {
                case MEMBER -> {
                    return Answer.MEMBER;
                }
                case UNKNOWN -> unknown = true;
                case NOT_MEMBER -> { }
            }
        }
        return unknown ? Answer.UNKNOWN : Answer.NOT_MEMBER;
    }

    /** MEMBER if every pair is equal, NOT_MEMBER if some pair of values differs, else UNKNOWN (a NULL decides). */
    private static Answer match(Object[] left, Object[] right) {
        Object equal = RowComparison.equal(left, right);
        return equal == null ? Answer.UNKNOWN : Truth.isTrue(equal) ? Answer.MEMBER : Answer.NOT_MEMBER;
    }

    private static Object[] coerced(Object[] r, List<Coercion> coercions) {
        Object[] out = new Object[coercions.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = r[i] == null ? null : coercions.get(i).applyRight(r[i]);
        }
        return out;
    }

    /** An uncorrelated subquery's rows, coerced: hash keys of those without NULLs, and all of them. */
    private record Rows(Set<List<Object>> complete, List<Object[]> all, boolean anyWithNull) {
        static Rows of(Scalar.Subquery q, List<Coercion> coercions, Frame frame) {
            RowStream stream = Executor.open(q.plan(), frame);
            Set<List<Object>> complete = new HashSet<>();
            List<Object[]> all = new ArrayList<>();
            boolean anyWithNull = false;
            for (Object[] r = stream.next(); r != null; r = stream.next()) {
                Object[] row = coerced(r, coercions);
                all.add(row);
                if (Arrays.asList(row).contains(null)) {
                    anyWithNull = true;
                } else {
                    complete.add(key(row));
                }
            }
            return new Rows(complete, all, anyWithNull);
        }

        Answer lookup(Object[] left, boolean leftHasNull) {
            if (all.isEmpty()) {
                return Answer.NOT_MEMBER;
            }
            if (!leftHasNull) {
                if (complete.contains(key(left))) {
                    return Answer.MEMBER;
                }
                if (!anyWithNull) {
                    return Answer.NOT_MEMBER;
                }
            }
            boolean unknown = false;
            for (Object[] r : all) {
                Answer a = match(left, r);
                if (a == Answer.MEMBER) {
                    return a;
                }
                unknown |= a == Answer.UNKNOWN;
            }
            return unknown ? Answer.UNKNOWN : Answer.NOT_MEMBER;
        }

        private static List<Object> key(Object[] row) {
            List<Object> key = new ArrayList<>(row.length);
            for (Object v : row) {
                key.add(ValueOrder.hashKey(v));
            }
            return key;
        }
    }
}
