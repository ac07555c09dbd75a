package io.hyperspatial.hyperql.source;

import io.hyperspatial.hyperql.value.Affinity;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A column of a table.
 *
 * @param name          the column name as declared
 * @param declaredType  the declared type text ({@code ""} when none)
 * @param affinity      the SQLite affinity derived from the declared type (BLOB for vectors)
 * @param notNull       whether NULL is rejected
 * @param defaultValue  the value stored when an INSERT does not name the column (null: NULL), or an
 *                      {@link Expression} the engine evaluates for each inserted row
 * @param vector        the vector type of a {@code VECTOR(n)} column, or null
 * @param computed      a read-only column the source computes (e.g. an entity's learned position): it is
 *                      read only when named, never part of {@code *}, a positional INSERT or a NATURAL
 *                      join, and writing it is {@code HQL_UNSUPPORTED}
 */
public record ColumnSchema(String name, String declaredType, Affinity affinity, boolean notNull, Object defaultValue,
                           VectorType vector, boolean computed) {

    /** A stored column. */
    public ColumnSchema(String name, String declaredType, Affinity affinity, boolean notNull, Object defaultValue,
                        VectorType vector) {
        this(name, declaredType, affinity, notNull, defaultValue, vector, false);
    }

    /**
     * A default that is not one value: an expression that reads the clock or draws random numbers
     * ({@code CURRENT_TIMESTAMP}, {@code (datetime('now'))}, {@code (random())}), evaluated for
     * each inserted row (the clock once per statement, as SQLite does).
     *
     * @param sql the expression as written
     */
    public record Expression(String sql) {
    }

    /** A plain column with the affinity of its declared type, nullable, no default. */
    public static ColumnSchema of(String name, String declaredType) {
        return new ColumnSchema(name, declaredType, Affinity.ofDeclaredType(declaredType), false, null, null);
    }

    /**
     * The type of a vector column.
     *
     * @param dimensions   the number of components every value has
     * @param metric       the distance its index and {@code distance()} use
     * @param indexOptions the options its index was declared with ({@code VECTOR(n) WITH (m = 32, ...)}):
     *                     lower-case names {@code m}, {@code ef_construction}, {@code ef_search}
     *                     ({@link Long} values) and {@code quantization} ({@link String}); the
     *                     parser has checked names and ranges, a source may ignore them
     */
    public record VectorType(int dimensions, VectorMetric metric, Map<String, Object> indexOptions) {
        public VectorType {
            indexOptions = Collections.unmodifiableMap(new LinkedHashMap<>(indexOptions));
        }

        /** A vector type with no index options. */
        public VectorType(int dimensions, VectorMetric metric) {
            this(dimensions, metric, Map.of());
        }
    }
}
