package io.hyperspatial.hyperql.ast;

/**
 * A declared type as written: {@code INTEGER}, {@code VARCHAR(10)}, or {@code VECTOR(n, metric)}.
 *
 * @param text       the declared type text ({@code "VARCHAR(10)"}); empty when none was given
 * @param dimensions the vector dimensions, or 0 when not a vector type
 * @param metric     the vector metric name ({@code l2}, {@code cosine}, {@code dot}); null when not a vector
 */
public record TypeName(String text, int dimensions, String metric) {
    /** No declared type. */
    public static final TypeName NONE = new TypeName("", 0, null);

    /** True for {@code VECTOR(n)}. */
    public boolean isVector() {
        return dimensions > 0;
    }
}
