package io.hyperspatial.manifold.table;

import java.util.Locale;

/** The three positions an entity can have in hyperbolic space (see DESIGN.md, "Positions"). */
public enum PositionKind {
    /** Learned from the entity's edges. */
    GRAPH(1),
    /** Mapped from a dense vector field. */
    EMBEDDING(2),
    /** From a fingerprint of the entity's properties. */
    PROPERTY(3);

    private final int code;

    PositionKind(int code) {
        this.code = code;
    }

    /** The byte stored in keys; stable. */
    public int code() {
        return code;
    }

    public static PositionKind parse(String s) {
        return valueOf(s.trim().toUpperCase(Locale.ROOT));
    }
}
