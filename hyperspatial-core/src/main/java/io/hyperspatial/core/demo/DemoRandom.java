package io.hyperspatial.core.demo;

import java.util.SplittableRandom;

/**
 * Independent random streams derived from one seed: the stream for (purpose, index) depends on
 * nothing else, so an entity's data does not change with the order or batching of generation.
 */
final class DemoRandom {
    /** The tree shape and category placement of items. */
    static final int TREE = 1;
    /** Category embeddings, by category index. */
    static final int CATEGORY_VECTOR = 2;
    /** Item embeddings, by item index. */
    static final int ITEM_VECTOR = 3;
    /** Item properties and views, by item index. */
    static final int ITEM_DATA = 4;
    /** Category names, by category index. */
    static final int CATEGORY_NAME = 5;

    private DemoRandom() {
    }

    static SplittableRandom stream(long seed, int purpose, long index) {
        return new SplittableRandom(mix(mix(seed ^ (purpose * 0x9E3779B97F4A7C15L)) + index));
    }

    /** SplitMix64's finaliser: a bijection that spreads every input bit over the output. */
    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
