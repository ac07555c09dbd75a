package io.hyperspatial.hyperql.plan;

import io.hyperspatial.hyperql.source.VectorMetric;
import io.hyperspatial.hyperql.value.Affinity;
import io.hyperspatial.hyperql.value.SqlType;

/**
 * A column of a plan node's output rows.
 *
 * @param name     the column name (the alias, the table column's name or the expression text)
 * @param affinity the affinity comparisons apply to the other operand, or null when the column has none
 * @param type     the static type, {@link SqlType#ANY} when only run time knows
 * @param metric   the metric of a vector column read from a table (directly or through subqueries
 *                 and views), which {@code NEAR} and a hyperbolic {@code distance()} use; else null
 * @param computed whether it is a table's computed column, which {@code *} and NATURAL joins leave out
 * @param rowid    whether it is a table's hidden rowid ({@link io.hyperspatial.hyperql.source.Table#keepsRowid()}):
 *                 computed too, and reached only by the names {@code rowid}, {@code oid} and
 *                 {@code _rowid_} where no column of that name is visible
 */
public record ColumnInfo(String name, Affinity affinity, SqlType type, VectorMetric metric, boolean computed,
                         boolean rowid) {
    /** A column that is not a hidden rowid. */
    public ColumnInfo(String name, Affinity affinity, SqlType type, VectorMetric metric, boolean computed) {
        this(name, affinity, type, metric, computed, false);
    }

    /** A table's hidden rowid. */
    public static ColumnInfo hiddenRowid() {
        return new ColumnInfo("rowid", Affinity.INTEGER, SqlType.INTEGER, null, true, true);
    }

    /** A column that is not a table's vector column. */
    public ColumnInfo(String name, Affinity affinity, SqlType type) {
        this(name, affinity, type, null, false);
    }

    /** A column that is not computed by its table. */
    public ColumnInfo(String name, Affinity affinity, SqlType type, VectorMetric metric) {
        this(name, affinity, type, metric, false);
    }
}
