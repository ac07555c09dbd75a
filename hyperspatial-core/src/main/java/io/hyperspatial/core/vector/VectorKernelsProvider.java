package io.hyperspatial.core.vector;

import java.util.Locale;

/**
 * Chooses the {@link VectorKernels} once per JVM from the system property
 * {@code hyperspatial.vectorization}: {@code auto} (the default) uses {@link PanamaKernels} when
 * the {@code jdk.incubator.vector} module is in the boot layer (the JVM was started with
 * {@code --add-modules jdk.incubator.vector}) and {@link ScalarKernels} otherwise; {@code panama}
 * insists on the Vector API and fails when the module is missing; {@code scalar} forces the twin.
 */
final class VectorKernelsProvider {
    static final String PROPERTY = "hyperspatial.vectorization";
    static final String VECTOR_MODULE = "jdk.incubator.vector";
    static final VectorKernels INSTANCE = choose(System.getProperty(PROPERTY, "auto"), vectorModulePresent());

    private VectorKernelsProvider() {
    }

    static boolean vectorModulePresent() {
        return ModuleLayer.boot().findModule(VECTOR_MODULE).isPresent();
    }

    /**
     * The kernels for a requested mode, given whether the Vector API module is present. Loads
     * {@link PanamaKernels} only when it is used, so a JVM without the module never touches it.
     */
    static VectorKernels choose(String requested, boolean vectorModulePresent) {
        return switch (requested.trim().toLowerCase(Locale.ROOT)) {
            case "scalar" -> new ScalarKernels();
            case "auto" -> vectorModulePresent ? new PanamaKernels() : new ScalarKernels();
            case "panama" -> {
                if (!vectorModulePresent) {
                    throw new IllegalStateException(PROPERTY + "=panama needs the " + VECTOR_MODULE
                            + " module: start the JVM with --add-modules " + VECTOR_MODULE);
                }
                yield new PanamaKernels();
            }
            default -> throw new IllegalArgumentException(
                    PROPERTY + " must be auto, panama or scalar, got '" + requested + "'");
        };
    }
}
