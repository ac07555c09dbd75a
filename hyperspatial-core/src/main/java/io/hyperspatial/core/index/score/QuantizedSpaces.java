package io.hyperspatial.core.index.score;

import io.hyperspatial.core.index.IndexConfig;

/** Wraps an exact space in the quantized space an index's configuration asks for. */
public final class QuantizedSpaces {
    private QuantizedSpaces() {
    }

    /**
     * The space the graph should score with: {@code exact} itself for {@code NONE}, otherwise an
     * {@link Int8ScoringSpace} or {@link BinaryScoringSpace} over it. All adds and sets must go
     * through the returned space.
     */
    public static ScoringSpace wrap(ScoringSpace exact, IndexConfig config) {
        return switch (config.quantization()) {
            case NONE -> exact;
            case INT8 -> new Int8ScoringSpace(exact, config);
            case BINARY -> new BinaryScoringSpace(exact, config);
        };
    }
}
