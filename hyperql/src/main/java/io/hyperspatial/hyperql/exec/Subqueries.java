package io.hyperspatial.hyperql.exec;

import io.hyperspatial.hyperql.plan.Coercion;
import io.hyperspatial.hyperql.plan.Scalar;
import io.hyperspatial.hyperql.value.Truth;
import io.hyperspatial.hyperql.value.ValueOrder;

import java.util.HashSet;
import java.util.Set;

/**
 * Evaluates subqueries inside expressions. An uncorrelated subquery runs once per statement
 * execution (its result is kept in the {@link Frame}); a correlated one runs for every outer row.
 */
final class Subqueries {
    private static final Object NULL_RESULT = new Object();

    private Subqueries() {
    }

    static boolean exists(Scalar.Subquery q, Object[] row, Frame frame) {
        if (!q.correlated()) {
            return (Boolean) frame.subqueryResults().computeIfAbsent(q, k -> Executor.open(q.plan(), frame).next() != null);
        }
        return Executor.open(q.plan(), frame.enter(row)).next() != null;
    }

    static Object scalar(Scalar.Subquery q, Object[] row, Frame frame) {
        if (!q.correlated()) {
            Object cached = frame.subqueryResults().computeIfAbsent(q, k -> {
                Object v = firstValue(q, frame);
                return v == null ? NULL_RESULT : v;
            });
            return cached == NULL_RESULT ? null : cached;
        }
        return firstValue(q, frame.enter(row));
    }

    static Object in(Scalar.InQuery in, Object[] row, Frame frame) {
        if (in.operands().size() > 1) {
            return RowMembership.in(in, row, frame);
        }
        Object value = Evaluator.eval(in.operands().getFirst(), row, frame);
        Coercion c = in.coercions().getFirst();
        if (!in.query().correlated()) {
            ValueSet set = (ValueSet) frame.subqueryResults().computeIfAbsent(in.query(), k -> ValueSet.of(in.query(), c, frame));
            if (set.empty) {
                return Truth.value(in.negated());
            }
            if (value == null) {
                return null;
            }
            if (set.keys.contains(ValueOrder.hashKey(c.applyLeft(value)))) {
                return Truth.value(!in.negated());
            }
            return set.hasNull ? null : Truth.value(in.negated());
        }
        RowStream rows = Executor.open(in.query().plan(), frame.enter(row));
        boolean any = false;
        boolean sawNull = false;
        Object v = value == null ? null : c.applyLeft(value);
        for (Object[] r = rows.next(); r != null; r = rows.next()) {
            any = true;
            if (r[0] == null) {
                sawNull = true;
            } else if (v != null && ValueOrder.compare(v, c.applyRight(r[0])) == 0) {
                return Truth.value(!in.negated());
            }
        }
        if (!any) {
            return Truth.value(in.negated());
        }
        return v == null || sawNull ? null : Truth.value(in.negated());
    }

    private static Object firstValue(Scalar.Subquery q, Frame frame) {
        Object[] first = Executor.open(q.plan(), frame).next();
        return first == null ? null : first[0];
    }

    /** The values of an uncorrelated IN subquery, as hash keys after coercion. */
    private record ValueSet(Set<Object> keys, boolean hasNull, boolean empty) {
        static ValueSet of(Scalar.Subquery q, Coercion c, Frame frame) {
            RowStream rows = Executor.open(q.plan(), frame);
            Set<Object> keys = new HashSet<>();
            boolean hasNull = false;
            boolean empty = true;
            for (Object[] r = rows.next(); r != null; r = rows.next()) {
                empty = false;
                if (r[0] == null) {
                    hasNull = true;
                } else {
                    keys.add(ValueOrder.hashKey(c.applyRight(r[0])));
                }
            }
            return new ValueSet(keys, hasNull, empty);
        }
    }
}
