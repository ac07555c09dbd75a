package io.hyperspatial.core.index.score;

import io.hyperspatial.core.index.IndexConfig;

/** Creates the exact float32 {@link ScoringSpace} of an index's metric. */
public final class ScoringSpaces {
    private ScoringSpaces() {
    }

    public static FloatScoringSpace create(IndexConfig config) {
        int d = config.dimension();
        return switch (config.metric()) {
            case L2 -> new L2Space(d);
            case DOT -> new DotSpace(d);
            case COSINE -> new CosineSpace(d);
            case POINCARE -> new PoincareSpace(d, config.curvature());
            case LORENTZ -> new LorentzSpace(d, config.curvature());
        };
    }
}
