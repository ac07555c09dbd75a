package io.hyperspatial.manifold.schema;

import io.hyperspatial.manifold.error.ErrorCode;
import io.hyperspatial.manifold.error.SchemaViolationException;

import java.util.Locale;

/**
 * How the index of a dense vector field encodes vectors for graph traversal (full-precision
 * vectors are kept for the exact rerank): float32, one signed byte per dimension, or one bit.
 */
public enum VectorQuantization {
    NONE, INT8, BINARY;

    public String displayName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * The quantization named {@code none}, {@code int8} or {@code binary} (any case).
     *
     * @throws SchemaViolationException ({@link ErrorCode#INVALID_ARGUMENT}, field {@code quantization}) for another name
     */
    public static VectorQuantization parse(String name) {
        try {
            return valueOf(name.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new SchemaViolationException(ErrorCode.INVALID_ARGUMENT, "quantization",
                    "unknown quantization '" + name + "'; expected none, int8 or binary");
        }
    }
}
