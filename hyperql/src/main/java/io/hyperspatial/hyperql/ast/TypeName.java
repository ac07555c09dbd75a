package io.hyperspatial.hyperql.ast;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A declared type as written: {@code INTEGER}, {@code VARCHAR(10)}, or
 * {@code VECTOR(n, metric) [WITH (option = value, ...)]}.
 *
 * @param text         the declared type text ({@code "VARCHAR(10)"}); empty when none was given
 * @param dimensions   the vector dimensions, or 0 when not a vector type
 * @param metric       the vector metric name ({@code l2}, {@code cosine}, {@code dot}); null when not a vector
 * @param indexOptions a vector's index options by lower-case name, in the order written (values
 *                     {@link Long} or {@link String}); empty when none were given
 */
public record TypeName(String text, int dimensions, String metric, Map<String, Object> indexOptions) {
    /** No declared type. */
    public static final TypeName NONE = new TypeName("", 0, null);

    public TypeName {
        indexOptions = Collections.unmodifiableMap(new LinkedHashMap<>(indexOptions));
    }

    /** A type without index options. */
    public TypeName(String text, int dimensions, String metric) {
        this(text, dimensions, metric, Map.of());
    }

    /** True for {@code VECTOR(n)}. */
    public boolean isVector() {
        return dimensions > 0;
    }
}
