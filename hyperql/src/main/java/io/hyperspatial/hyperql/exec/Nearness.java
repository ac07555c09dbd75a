package io.hyperspatial.hyperql.exec;

import io.hyperspatial.hyperql.error.ErrorCode;
import io.hyperspatial.hyperql.error.HqlExecutionException;
import io.hyperspatial.hyperql.function.HyperbolicDistance;
import io.hyperspatial.hyperql.source.VectorMetric;
import io.hyperspatial.hyperql.value.SqlType;
import io.hyperspatial.hyperql.value.TextForm;
import io.hyperspatial.hyperql.value.Truth;
import io.hyperspatial.hyperql.value.Vector;

/**
 * Distances and {@code NEAR … WITHIN} as the executor evaluates them row by row, and the checks a
 * k-NN or radius scan applies to its query and radius before it asks a source, so that a scan
 * fails exactly where the row-by-row evaluation would. Stateless.
 */
public final class Nearness {
    private Nearness() {
    }

    /** The distance under the metric; vectors of different dimensions are {@code HQL_TYPE_MISMATCH}. */
    public static double distance(VectorMetric metric, Vector a, Vector b, String where) {
        if (metric.hyperbolic()) {
            return metric.distance(a, b, where == null ? metric.sqlName() + " distance" : where);
        }
        if (a.dimensions() != b.dimensions()) {
            throw new HqlExecutionException(ErrorCode.HQL_TYPE_MISMATCH, (where == null ? "" : where + ": ")
                    + "vectors of different dimensions: " + a.dimensions() + " and " + b.dimensions());
        }
        return metric.distance(a, b);
    }

    /** {@code operand NEAR query WITHIN radius}: 1, 0, or NULL when a side is NULL. */
    public static Object test(VectorMetric metric, Object operand, Object query, Object radius, String where) {
        Double r = radius == null ? null : radius(radius, where);
        if (operand == null || query == null || r == null) {
            return null;
        }
        return Truth.value(distance(metric, Casts.toVector(operand), Casts.toVector(query), where) <= r);
    }

    /**
     * A radius as a double: a non-negative finite number ({@code HQL_OUT_OF_RANGE} otherwise; text or a
     * blob is {@code HQL_TYPE_MISMATCH}); {@code where} names the NEAR in the message.
     */
    public static double radius(Object value, String where) {
        double r;
        if (value instanceof Long l) {
            r = l;
        } else if (value instanceof Double d) {
            r = d;
        } else {
            throw new HqlExecutionException(ErrorCode.HQL_TYPE_MISMATCH, where + ": the radius must be a number, got "
                    + (value instanceof String s ? "the text '" + s + "'" : "a value of type " + SqlType.of(value).typeofName()));
        }
        if (!(r >= 0) || Double.isInfinite(r)) {
            throw new HqlExecutionException(ErrorCode.HQL_OUT_OF_RANGE, where
                    + ": the radius must be a non-negative finite number, got " + TextForm.of(value));
        }
        return r;
    }

    /**
     * Checks a scan's query vector as the row-by-row distance would: its dimensions against the
     * column's (when declared, {@code > 0}), and a hyperbolic point against its model.
     */
    public static Vector checkQuery(VectorMetric metric, Vector query, int dimensions, String where) {
        if (dimensions > 0 && query.dimensions() != dimensions) {
            throw new HqlExecutionException(ErrorCode.HQL_TYPE_MISMATCH, (where == null ? "" : where + ": ")
                    + "vectors of different dimensions: " + dimensions + " and " + query.dimensions());
        }
        String at = where == null ? metric.sqlName() + " distance" : where;
        switch (metric) {
            case POINCARE -> HyperbolicDistance.checkPoincare(query, "query", at);
            case LORENTZ -> HyperbolicDistance.checkLorentz(query, "query", at);
            default -> {
            }
        }
        return query;
    }
}
