package io.hyperspatial.core.index;

import io.hyperspatial.manifold.schema.VectorQuantization;

import java.util.Locale;

/** How an index encodes vectors for graph traversal; full-precision vectors are kept for exact rerank. */
public enum Quantization {
    /** float32, no quantization. */
    NONE,
    /** One signed byte per dimension (scalar quantization), about a quarter of float32's memory. */
    INT8,
    /** One bit per dimension, about a thirty-second; needs a larger rerank pool. */
    BINARY;

    /** The quantization a vector field's schema declares. */
    public static Quantization of(VectorQuantization declared) {
        return valueOf(declared.name());
    }

    public static Quantization parse(String s) {
        try {
            return valueOf(s.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown quantization '" + s + "'; expected none, int8 or binary", e);
        }
    }
}
