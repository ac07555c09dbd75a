package io.hyperspatial.hyperql.analyze;

import io.hyperspatial.hyperql.plan.ColumnInfo;
import io.hyperspatial.hyperql.plan.Scalar;
import io.hyperspatial.hyperql.source.VectorMetric;
import io.hyperspatial.hyperql.value.Affinity;
import io.hyperspatial.hyperql.value.SqlType;

/**
 * A bound expression with what the analyzer knows of it statically.
 *
 * @param scalar   the bound expression
 * @param affinity its affinity (columns and CASTs have one), or null
 * @param type     its static type, {@link SqlType#ANY} when unknown
 * @param metric   the metric of a table's vector column the expression is, or null
 */
record Typed(Scalar scalar, Affinity affinity, SqlType type, VectorMetric metric) {
    Typed(Scalar scalar, Affinity affinity, SqlType type) {
        this(scalar, affinity, type, null);
    }

    static Typed of(Scalar scalar, SqlType type) {
        return new Typed(scalar, null, type);
    }

    /** The column's static description, as a result column of that name. */
    static Typed ofColumn(Scalar scalar, ColumnInfo column) {
        return new Typed(scalar, column.affinity(), column.type(), column.metric());
    }

    ColumnInfo column(String name) {
        return new ColumnInfo(name, affinity, type, metric);
    }
}
