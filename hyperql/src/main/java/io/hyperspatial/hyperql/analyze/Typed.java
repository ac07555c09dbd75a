package io.hyperspatial.hyperql.analyze;

import io.hyperspatial.hyperql.plan.ColumnInfo;
import io.hyperspatial.hyperql.plan.Scalar;
import io.hyperspatial.hyperql.value.Affinity;
import io.hyperspatial.hyperql.value.SqlType;

/**
 * A bound expression with what the analyzer knows of it statically.
 *
 * @param scalar   the bound expression
 * @param affinity its affinity (columns and CASTs have one), or null
 * @param type     its static type, {@link SqlType#ANY} when unknown
 */
record Typed(Scalar scalar, Affinity affinity, SqlType type) {
    static Typed of(Scalar scalar, SqlType type) {
        return new Typed(scalar, null, type);
    }

    ColumnInfo column(String name) {
        return new ColumnInfo(name, affinity, type);
    }
}
