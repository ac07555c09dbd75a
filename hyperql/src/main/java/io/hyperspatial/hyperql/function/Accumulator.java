package io.hyperspatial.hyperql.function;

import io.hyperspatial.hyperql.error.ErrorCode;
import io.hyperspatial.hyperql.error.HqlExecutionException;
import io.hyperspatial.hyperql.plan.AggregateFunction;
import io.hyperspatial.hyperql.value.Arithmetic;
import io.hyperspatial.hyperql.value.NumericText;
import io.hyperspatial.hyperql.value.TextForm;
import io.hyperspatial.hyperql.value.ValueOrder;

import java.util.HashSet;
import java.util.Set;

/**
 * The running state of one aggregate over one group. Not thread-safe; one per group and aggregate.
 */
public abstract sealed class Accumulator {
    /** A fresh accumulator for the function; {@code distinct} drops repeated values of the first argument. */
    public static Accumulator of(AggregateFunction function, boolean distinct) {
        Accumulator a = switch (function) {
            case COUNT_STAR -> new Count(true);
            case COUNT -> new Count(false);
            case SUM -> new Sum(false);
            case TOTAL -> new Sum(true);
            case AVG -> new Avg();
            case MIN -> new Extreme(-1);
            case MAX -> new Extreme(1);
            case GROUP_CONCAT -> new GroupConcat();
            case ANY_VALUE -> new Bare();
        };
        return distinct ? new Distinct(a) : a;
    }

    /**
     * Adds one row's argument values. The caller may reuse the array for the next row: an
     * accumulator keeps values, never the array.
     */
    public abstract void add(Object[] arguments);

    /** The aggregate's value over the rows added so far. */
    public abstract Object result();

    /**
     * What the last {@link #add} of a MIN or MAX tells about the group's bare columns, as SQLite's
     * min()/max() signal it: {@link BareColumns#LOAD} where the row holds a new extreme (or no
     * value was found yet), {@link BareColumns#KEEP} where it does not, {@link BareColumns#SAME}
     * where no step was taken (a DISTINCT aggregate passing over a NULL or a repeated value) and
     * the signal of the row before stands. Other aggregates say {@link BareColumns#SAME}.
     */
    public BareColumns bareColumns() {
        return BareColumns.SAME;
    }

    /** See {@link #bareColumns()}. */
    public enum BareColumns { LOAD, KEEP, SAME }

    /** For a bare column (ANY_VALUE): take this row's value even though one was taken; others add the row. */
    public void retake(Object[] arguments) {
        add(arguments);
    }

    private static final class Count extends Accumulator {
        private final boolean star;
        private long n;

        Count(boolean star) {
            this.star = star;
        }

        @Override
        public void add(Object[] arguments) {
            if (star || arguments[0] != null) {
                n++;
            }
        }

        @Override
        public Object result() {
            return n;
        }
    }

    private static final class Sum extends Accumulator {
        private final boolean total;
        private boolean any;
        private boolean real;
        private long integer;
        private double sum;

        Sum(boolean total) {
            this.total = total;
        }

        @Override
        public void add(Object[] arguments) {
            Object v = arguments[0];
            if (v == null) {
                return;
            }
            any = true;
            if (v instanceof String text && NumericText.parseWhole(text) instanceof Long whole) {
                v = whole;
            }
            if (v instanceof Long l && !real) {
                long r = integer + l;
                if (((integer ^ r) & (l ^ r)) < 0) {
                    if (!total) {
                        throw new HqlExecutionException(ErrorCode.HQL_OUT_OF_RANGE, "integer overflow in sum()");
                    }
                    real = true;
                    sum = (double) integer + l;
                    return;
                }
                integer = r;
                return;
            }
            if (!real) {
                real = true;
                sum = integer;
            }
            sum += Arithmetic.real(Arithmetic.toNumeric(v));
        }

        @Override
        public Object result() {
            if (total) {
                return real ? sum : (double) integer;
            }
            if (!any) {
                return null;
            }
            return real ? (Object) sum : (Object) integer;
        }
    }

    private static final class Avg extends Accumulator {
        private long n;
        private double sum;

        @Override
        public void add(Object[] arguments) {
            if (arguments[0] != null) {
                n++;
                sum += Arithmetic.real(Arithmetic.toNumeric(arguments[0]));
            }
        }

        @Override
        public Object result() {
            return n == 0 ? null : sum / n;
        }
    }

    private static final class Extreme extends Accumulator {
        private final int direction;
        private Object best;
        private BareColumns signal = BareColumns.SAME;

        Extreme(int direction) {
            this.direction = direction;
        }

        @Override
        public void add(Object[] arguments) {
            Object v = arguments[0];
            // As SQLite's min()/max(): a NULL keeps the bare columns only once a value was found.
            boolean moved = best == null || v != null && ValueOrder.compare(v, best) * direction > 0;
            signal = moved ? BareColumns.LOAD : BareColumns.KEEP;
            if (v != null && moved) {
                best = v;
            }
        }

        @Override
        public BareColumns bareColumns() {
            return signal;
        }

        @Override
        public Object result() {
            return best;
        }
    }

    private static final class GroupConcat extends Accumulator {
        private StringBuilder text;

        @Override
        public void add(Object[] arguments) {
            if (arguments[0] == null) {
                return;
            }
            if (text == null) {
                text = new StringBuilder();
            } else {
                text.append(arguments.length > 1 ? (arguments[1] == null ? "" : TextForm.of(arguments[1])) : ",");
            }
            text.append(TextForm.of(arguments[0]));
        }

        @Override
        public Object result() {
            return text == null ? null : text.toString();
        }
    }

    /**
     * A bare column's value (ANY_VALUE): the group's first row's, until {@link #retake} moves it
     * to the row where a MIN or MAX of the query moved.
     */
    private static final class Bare extends Accumulator {
        private Object value;
        private boolean taken;

        @Override
        public void add(Object[] arguments) {
            if (!taken) {
                retake(arguments);
            }
        }

        @Override
        public void retake(Object[] arguments) {
            value = arguments[0];
            taken = true;
        }

        @Override
        public Object result() {
            return value;
        }
    }

    private static final class Distinct extends Accumulator {
        private final Accumulator inner;
        private final Set<Object> seen = new HashSet<>();
        private boolean stepped;

        Distinct(Accumulator inner) {
            this.inner = inner;
        }

        /** A NULL or a repeated value takes no step: {@link BareColumns#SAME}, as in SQLite. */
        @Override
        public void add(Object[] arguments) {
            stepped = arguments.length == 0 || arguments[0] != null && seen.add(ValueOrder.hashKey(arguments[0]));
            if (stepped || arguments[0] == null) {
                inner.add(arguments);
            }
        }

        @Override
        public BareColumns bareColumns() {
            return stepped ? inner.bareColumns() : BareColumns.SAME;
        }

        @Override
        public Object result() {
            return inner.result();
        }
    }
}
