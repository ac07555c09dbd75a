package io.hyperspatial.hyperql.exec;

import io.hyperspatial.hyperql.function.Accumulator;
import io.hyperspatial.hyperql.plan.AggregateFunction;
import io.hyperspatial.hyperql.plan.PlanNode;
import io.hyperspatial.hyperql.plan.Scalar;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * Hash aggregation: one pass over the input into a hash table of groups ({@link GroupTable}), then
 * the groups in key order (SQLite's output order for GROUP BY without ORDER BY). Without group keys
 * there is one group, also over an empty input. A group reports its key values as its last row had them.
 *
 * <p>Bare columns (ANY_VALUE: used neither grouped nor aggregated) take SQLite's values: the
 * group's first row's; with a MIN or MAX in the query, those of every row where the last MIN or
 * MAX to step found a new extreme (so {@code SELECT name, MAX(score)} names the row holding the
 * maximum), following the signal of {@link Accumulator#bareColumns()}.
 *
 * <p>A large full scan is aggregated on several threads when it can be, with the same result
 * ({@link ParallelAggregation}).
 */
final class Aggregation {
    private Aggregation() {
    }

    static RowStream open(PlanNode.Aggregate a, Frame frame) {
        List<Object[]> parallel = ParallelAggregation.run(a, frame);
        if (parallel != null) {
            return Executor.of(parallel.iterator());
        }
        List<Scalar> keys = a.groupKeys();
        List<Scalar.AggregateCall> calls = a.aggregates();
        GroupTable<Group> groups = new GroupTable<>(keys, k -> new Group(k, calls), g -> g.keys);
        boolean[] bare = new boolean[calls.size()];
        boolean extremes = false;
        for (int i = 0; i < bare.length; i++) {
            AggregateFunction f = calls.get(i).function();
            bare[i] = f == AggregateFunction.ANY_VALUE;
            extremes |= f == AggregateFunction.MIN || f == AggregateFunction.MAX;
        }
        Object[][] args = argumentArrays(calls);
        RowStream input = Executor.open(a.input(), frame);
        for (Object[] r = input.next(); r != null; r = input.next()) {
            Group g = groups.groupOf(r, frame);
            boolean first = g.rows++ == 0;
            for (int i = 0; i < calls.size(); i++) {
                if (!bare[i]) {
                    g.accumulators[i].add(arguments(calls.get(i), r, frame, args[i]));
                    switch (g.accumulators[i].bareColumns()) {
                        case LOAD -> g.keepBare = false;
                        case KEEP -> g.keepBare = true;
                        case SAME -> { }
                    }
                }
            }
            if (first || extremes && !g.keepBare) {
                for (int i = 0; i < calls.size(); i++) {
                    if (bare[i]) {
                        g.accumulators[i].retake(arguments(calls.get(i), r, frame, args[i]));
                    }
                }
            }
        }
        groups.addEmptyWholeTableGroup();
        return Executor.of(inKeyOrder(groups.groups().values(), g -> g.keys, calls.size(), (g, i) -> g.accumulators[i].result())
                .iterator());
    }

    /**
     * The output rows of groups, in the order of their key values: each row the group's keys, then
     * the results of its {@code aggregates} aggregates.
     */
    static <G> List<Object[]> inKeyOrder(java.util.Collection<G> groups, Function<G, Object[]> keysOf, int aggregates,
                                        BiFunction<G, Integer, Object> resultOf) {
        List<G> ordered = new ArrayList<>(groups);
        ordered.sort((x, y) -> RowKey.compareRows(keysOf.apply(x), keysOf.apply(y)));
        List<Object[]> rows = new ArrayList<>(ordered.size());
        for (G g : ordered) {
            Object[] keys = keysOf.apply(g);
            Object[] out = new Object[keys.length + aggregates];
            System.arraycopy(keys, 0, out, 0, keys.length);
            for (int i = 0; i < aggregates; i++) {
                out[keys.length + i] = resultOf.apply(g, i);
            }
            rows.add(out);
        }
        return rows;
    }

    /**
     * One argument array per call, to evaluate every row's arguments into: accumulators take their
     * arguments' values, never the array, so the arrays serve every row.
     */
    static Object[][] argumentArrays(List<Scalar.AggregateCall> calls) {
        Object[][] args = new Object[calls.size()][];
        for (int i = 0; i < args.length; i++) {
            args[i] = new Object[calls.get(i).arguments().size()];
        }
        return args;
    }

    /** Evaluates the call's arguments on {@code row} into {@code args}, which it returns. */
    static Object[] arguments(Scalar.AggregateCall call, Object[] row, Frame frame, Object[] args) {
        for (int j = 0; j < args.length; j++) {
            args[j] = Evaluator.eval(call.arguments().get(j), row, frame);
        }
        return args;
    }

    private static final class Group {
        /** The keys as the group's last row had them (equal keys may differ in type: 1 and 1.0), as SQLite reports them. */
        Object[] keys;
        final Accumulator[] accumulators;
        long rows;
        /** SQLite's "hit" register: the last MIN or MAX to step kept the bare columns where they are. */
        boolean keepBare;

        Group(Object[] keys, List<Scalar.AggregateCall> calls) {
            this.keys = keys;
            this.accumulators = new Accumulator[calls.size()];
            for (int i = 0; i < accumulators.length; i++) {
                accumulators[i] = Accumulator.of(calls.get(i).function(), calls.get(i).distinct());
            }
        }
    }
}
