package io.hyperspatial.bench.storage;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Interleaving of the systems under test: a measurement is split into rounds and each round runs
 * every system once, in an order rotated from round to round, so load from other processes on a
 * shared machine falls on all of them alike rather than on whichever ran last. Stateless.
 */
final class Rounds {
    private Rounds() {
    }

    /** The items in the order they run in {@code round}. */
    static <T> List<T> order(List<T> items, int round) {
        List<T> rotated = new ArrayList<>(items);
        Collections.rotate(rotated, -(round % items.size()));
        return rotated;
    }

    /** Index where round {@code round} of {@code total} operations split into {@code rounds} starts. */
    static int start(int total, int rounds, int round) {
        return (int) ((long) total * round / rounds);
    }
}
