package io.hyperspatial.core.index.hnsw;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Draws each inserted node's top level from the HNSW distribution: level ⌊−ln(U)·mL⌋ with
 * mL = 1/ln(M), so a node reaches level l with probability M^−l and each level holds about 1/M
 * of the one below. The n-th draw is a pure function of the seed and n (a SplitMix64 hash of
 * the sequence number), so a single-threaded build is reproducible.
 *
 * <p>Thread-safe and lock-free: concurrent inserters each take the next sequence number.
 */
final class LevelGenerator {
    /** Levels are capped here; reaching it needs odds of about M^−16. */
    static final int MAX_LEVEL = 16;

    private final double levelMultiplier;
    private final long seed;
    private final AtomicLong sequence = new AtomicLong();

    LevelGenerator(int m, long seed) {
        this.levelMultiplier = 1.0 / Math.log(m);
        this.seed = seed;
    }

    int next() {
        long z = mix(seed + sequence.getAndIncrement() * 0x9E37_79B9_7F4A_7C15L);
        double uniform = ((z >>> 11) + 1) * 0x1.0p-53;
        return (int) Math.min(MAX_LEVEL, -Math.log(uniform) * levelMultiplier);
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58_476D_1CE4_E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D0_49BB_1331_11EBL;
        return z ^ (z >>> 31);
    }
}
