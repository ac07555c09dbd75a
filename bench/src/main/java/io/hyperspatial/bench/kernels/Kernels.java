package io.hyperspatial.bench.kernels;

import io.hyperspatial.core.vector.PanamaKernels;
import io.hyperspatial.core.vector.ScalarKernels;
import io.hyperspatial.core.vector.VectorKernels;

/** The two kernel implementations by the names the benchmarks take as a parameter. */
final class Kernels {
    private Kernels() {
    }

    static VectorKernels named(String name) {
        return switch (name) {
            case "panama" -> new PanamaKernels();
            case "scalar" -> new ScalarKernels();
            default -> throw new IllegalArgumentException("kernels must be panama or scalar, got '" + name + "'");
        };
    }
}
