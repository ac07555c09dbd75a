package io.hyperspatial.core.index.score;

import io.hyperspatial.core.index.IndexConfig;

import java.nio.file.Path;

/**
 * The spaces an index scores with: float32 vectors on the heap when unquantized; int8 or binary
 * codes on the heap over float32 vectors in a mapped file when quantized, so quantization shrinks
 * the heap (the full-precision vectors are read only to rerank and report distances).
 */
public final class QuantizedSpaces {
    private QuantizedSpaces() {
    }

    /**
     * The empty exact space of an index: on the heap for {@code NONE}, otherwise mapped from a new
     * file under {@code vectorDirectory}.
     */
    public static ExactScoringSpace exact(IndexConfig config, Path vectorDirectory) {
        return switch (config.quantization()) {
            case NONE -> ScoringSpaces.create(config);
            case INT8, BINARY -> MappedFloatSpace.create(config, vectorDirectory);
        };
    }

    /** The empty space an index scores with: {@link #wrap} over {@link #exact}. */
    public static ScoringSpace create(IndexConfig config, Path vectorDirectory) {
        return wrap(exact(config, vectorDirectory), config);
    }

    /**
     * The space the graph should score with: {@code exact} itself for {@code NONE}, otherwise an
     * {@link Int8ScoringSpace} or {@link BinaryScoringSpace} over it, which encodes any vectors
     * already there. All adds and sets must go through the returned space.
     */
    public static ScoringSpace wrap(ScoringSpace exact, IndexConfig config) {
        return switch (config.quantization()) {
            case NONE -> exact;
            case INT8 -> new Int8ScoringSpace(exact, config);
            case BINARY -> new BinaryScoringSpace(exact, config);
        };
    }
}
