package io.hyperspatial.hyperql.function;

import io.hyperspatial.hyperql.error.ErrorCode;
import io.hyperspatial.hyperql.error.HqlExecutionException;
import io.hyperspatial.hyperql.plan.AggregateFunction;
import io.hyperspatial.hyperql.value.Arithmetic;
import io.hyperspatial.hyperql.value.NumericText;

/**
 * The state of one aggregate over one group's rows in one slice of a scan, made to be merged with
 * the state over the next slice's rows into exactly what one {@link Accumulator} over all the rows
 * in order gives. Where the merged value could differ from that one pass in any bit (a REAL added
 * to a sum, an integer sum leaving the range in which it is exact), the state says so
 * ({@link #exact()} false) and the caller aggregates in one pass instead. COUNT, MIN and MAX always
 * merge; SUM and TOTAL while every value is an integer; AVG while every value and running sum is
 * an integer a double holds exactly (|x| ≤ 2^53). Not thread-safe; one per group, aggregate and slice.
 */
public abstract sealed class PartialAggregate {
    /** Integers up to this magnitude are exact doubles, and so is any sum of them that stays within it. */
    private static final long EXACT_DOUBLE = 1L << 53;

    /** Whether {@link #of} can make a state for the function: not DISTINCT, not GROUP_CONCAT or a bare column. */
    public static boolean supports(AggregateFunction function, boolean distinct) {
        return !distinct && switch (function) {
            case COUNT_STAR, COUNT, SUM, TOTAL, AVG, MIN, MAX -> true;
            case GROUP_CONCAT, ANY_VALUE -> false;
        };
    }

    /**
     * A fresh state for the function.
     *
     * @throws IllegalArgumentException when {@link #supports} says no
     */
    public static PartialAggregate of(AggregateFunction function) {
        return switch (function) {
            case COUNT_STAR, COUNT -> new Count(function);
            case SUM -> new Sum(false);
            case TOTAL -> new Sum(true);
            case AVG -> new Avg();
            case MIN, MAX -> new Extreme(function);
            case GROUP_CONCAT, ANY_VALUE -> throw new IllegalArgumentException(function + " has no partial state");
        };
    }

    /** Adds one row's argument values (the caller may reuse the array). Never throws for a value: an unmergeable one clears {@link #exact()}. */
    public abstract void add(Object[] arguments);

    /** False once a row, or a merge, made the merged value possibly differ from one pass's. */
    public abstract boolean exact();

    /**
     * Folds in {@code later}, the same aggregate's state over rows that come after this state's
     * rows. Both must be {@link #exact()}; afterwards this one may not be.
     *
     * @throws HqlExecutionException with {@code HQL_OUT_OF_RANGE} where one pass over the rows in
     *                               order would have failed with "integer overflow in sum()"
     */
    public abstract void merge(PartialAggregate later);

    /** The aggregate's value over the rows added and merged, as {@link Accumulator#result()} gives it. */
    public abstract Object result();

    /** COUNT: one pass's count over this slice's rows, plus the counts of later slices merged in. */
    private static final class Count extends PartialAggregate {
        private final Accumulator count;
        private long merged;

        Count(AggregateFunction function) {
            this.count = Accumulator.of(function, false);
        }

        @Override
        public void add(Object[] arguments) {
            count.add(arguments);
        }

        @Override
        public boolean exact() {
            return true;
        }

        @Override
        public void merge(PartialAggregate later) {
            merged += (Long) later.result();
        }

        @Override
        public Object result() {
            return (Long) count.result() + merged;
        }
    }

    /**
     * An integer sum with the smallest and largest of its running sums, which tell whether one pass
     * that had reached another sum before these rows would have left the range on the way.
     */
    private abstract static sealed class RunningSum extends PartialAggregate {
        long sum;
        long lowest;
        long highest;
        boolean exact = true;

        /** Adds {@code v}; false when the running sum left {@code [-limit, limit]} (then nothing was added). */
        final boolean step(long v, long limit) {
            long r = sum + v;
            if (((sum ^ r) & (v ^ r)) < 0 || r > limit || r < -limit) {
                return false;
            }
            sum = r;
            lowest = Math.min(lowest, r);
            highest = Math.max(highest, r);
            return true;
        }

        /** Whether one pass from this sum through {@code later}'s rows stays within {@code [-limit, limit]}. */
        final boolean staysWithin(RunningSum later, long limit) {
            return within(sum, later.lowest, limit) && within(sum, later.highest, limit);
        }

        /** Continues this running sum with {@code later}'s (which must stay within range). */
        final void append(RunningSum later) {
            lowest = Math.min(lowest, sum + later.lowest);
            highest = Math.max(highest, sum + later.highest);
            sum += later.sum;
        }

        private static boolean within(long a, long b, long limit) {
            long r = a + b;
            return ((a ^ r) & (b ^ r)) >= 0 && r <= limit && r >= -limit;
        }

        @Override
        public final boolean exact() {
            return exact;
        }
    }

    /** SUM and TOTAL over integers (and texts that are whole numbers, as {@link Accumulator} reads them). */
    private static final class Sum extends RunningSum {
        private final boolean total;
        private boolean any;

        Sum(boolean total) {
            this.total = total;
        }

        @Override
        public void add(Object[] arguments) {
            Object v = arguments[0];
            if (v == null || !exact) {
                return;
            }
            any = true;
            if (v instanceof String text && NumericText.parseWhole(text) instanceof Long whole) {
                v = whole;
            }
            exact = v instanceof Long l && step(l, Long.MAX_VALUE);
        }

        @Override
        public void merge(PartialAggregate other) {
            Sum later = (Sum) other;
            any |= later.any;
            if (!staysWithin(later, Long.MAX_VALUE)) {
                if (!total) {
                    throw new HqlExecutionException(ErrorCode.HQL_OUT_OF_RANGE, "integer overflow in sum()");
                }
                exact = false;
                return;
            }
            append(later);
        }

        @Override
        public Object result() {
            if (total) {
                return (double) sum;
            }
            return any ? (Object) sum : null;
        }
    }

    /** AVG while its double sum is exact: integers whose every running sum a double holds exactly. */
    private static final class Avg extends RunningSum {
        private long n;

        @Override
        public void add(Object[] arguments) {
            if (arguments[0] == null || !exact) {
                return;
            }
            n++;
            exact = Arithmetic.toNumeric(arguments[0]) instanceof Long l && step(l, EXACT_DOUBLE);
        }

        @Override
        public void merge(PartialAggregate other) {
            Avg later = (Avg) other;
            n += later.n;
            if (staysWithin(later, EXACT_DOUBLE)) {
                append(later);
            } else {
                exact = false;
            }
        }

        @Override
        public Object result() {
            return n == 0 ? null : (double) sum / n;
        }
    }

    /**
     * MIN or MAX: one pass's accumulator, to which a later slice's extreme is one more row: one
     * pass keeps the first value no later one beats, so only a strictly better one replaces it.
     */
    private static final class Extreme extends PartialAggregate {
        private final Accumulator best;

        Extreme(AggregateFunction function) {
            this.best = Accumulator.of(function, false);
        }

        @Override
        public void add(Object[] arguments) {
            best.add(arguments);
        }

        @Override
        public boolean exact() {
            return true;
        }

        @Override
        public void merge(PartialAggregate later) {
            best.add(new Object[] {later.result()});
        }

        @Override
        public Object result() {
            return best.result();
        }
    }
}
