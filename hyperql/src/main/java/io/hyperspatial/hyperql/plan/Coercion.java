package io.hyperspatial.hyperql.plan;

import io.hyperspatial.hyperql.value.Affinity;

/**
 * The affinities a comparison applies to its operands before comparing (SQLite section 4.2):
 * a numeric affinity on one side turns numeric text on the other into a number; TEXT affinity on
 * one side turns a number without affinity on the other into text. Null means "leave as is".
 *
 * @param left  the affinity applied to the left operand, or null
 * @param right the affinity applied to the right operand, or null
 */
public record Coercion(Affinity left, Affinity right) {
    /** No conversion. */
    public static final Coercion NONE = new Coercion(null, null);

    /** The coercion for operands with these affinities (null: the expression has none). */
    public static Coercion between(Affinity left, Affinity right) {
        if (left != null && left.isNumeric() && (right == null || !right.isNumeric())) {
            return new Coercion(null, Affinity.NUMERIC);
        }
        if (right != null && right.isNumeric() && (left == null || !left.isNumeric())) {
            return new Coercion(Affinity.NUMERIC, null);
        }
        if (left == Affinity.TEXT && right == null) {
            return new Coercion(null, Affinity.TEXT);
        }
        if (right == Affinity.TEXT && left == null) {
            return new Coercion(Affinity.TEXT, null);
        }
        return NONE;
    }

    /** The left operand after coercion. */
    public Object applyLeft(Object v) {
        return left == null || v == null ? v : left.apply(v);
    }

    /** The right operand after coercion. */
    public Object applyRight(Object v) {
        return right == null || v == null ? v : right.apply(v);
    }
}
