package io.hyperspatial.hyperql.plan;

/**
 * A scalar function: its name, how many arguments it takes and what it computes. Instances are
 * shared (one per function), so plans compare them by identity.
 *
 * @param name           the name it is called by
 * @param minArguments   the fewest arguments it takes
 * @param maxArguments   the most arguments it takes ({@link Integer#MAX_VALUE}: any number)
 * @param deterministic  false for functions such as {@code random()} that constant folding must not evaluate
 * @param implementation what it computes from its argument values (and, for the date and time
 *                       functions, the statement's clock)
 */
public record ScalarFunction(String name, int minArguments, int maxArguments, boolean deterministic,
                             Implementation implementation) {

    /** Computes a function's value from its arguments' values and the running statement's clock. */
    @FunctionalInterface
    public interface Implementation {
        Object apply(Object[] arguments, StatementClock clock);
    }

    @Override
    public boolean equals(Object o) {
        return this == o;
    }

    @Override
    public int hashCode() {
        return System.identityHashCode(this);
    }
}
