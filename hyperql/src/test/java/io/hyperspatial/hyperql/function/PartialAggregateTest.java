package io.hyperspatial.hyperql.function;

import io.hyperspatial.hyperql.error.HqlExecutionException;
import io.hyperspatial.hyperql.plan.AggregateFunction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Partial aggregates over slices of a sequence, merged in order, must give exactly what one
 * {@link Accumulator} over the whole sequence gives, or say they cannot ({@code exact()} false);
 * seeded random sequences mix small and huge integers, NULLs, REALs and numeric and other text.
 */
class PartialAggregateTest {
    private static final List<AggregateFunction> SUPPORTED = List.of(AggregateFunction.COUNT_STAR,
            AggregateFunction.COUNT, AggregateFunction.SUM, AggregateFunction.TOTAL, AggregateFunction.AVG,
            AggregateFunction.MIN, AggregateFunction.MAX);

    @ParameterizedTest
    @EnumSource(value = AggregateFunction.class, names = {"COUNT_STAR", "COUNT", "SUM", "TOTAL", "AVG", "MIN", "MAX"})
    void mergedSlicesEqualOnePassOrSayTheyCannot(AggregateFunction function) {
        Random random = new Random(function.ordinal());
        int compared = 0;
        for (int round = 0; round < 3_000; round++) {
            List<Object> values = values(random, round % 3);
            Outcome onePass = onePass(function, values);
            Outcome merged = merged(function, values, cuts(random, values.size()));
            if (merged.inexact) {
                continue;
            }
            compared++;
            assertThat(merged.error).as("%s over %s", function, values).isEqualTo(onePass.error);
            if (onePass.error == null) {
                assertThat(merged.result).as("%s over %s", function, values).isEqualTo(onePass.result);
            }
        }
        // Mostly integer sequences merge exactly: the comparisons above are not vacuous.
        assertThat(compared).isGreaterThan(1_000);
    }

    @Test
    void integerSumsAlwaysMergeUnlessARunningSumLeavesTheRange() {
        Random random = new Random(7);
        for (int round = 0; round < 1_000; round++) {
            List<Object> values = new ArrayList<>();
            for (int i = random.nextInt(50); i > 0; i--) {
                values.add(random.nextInt(5) == 0 ? null : (long) random.nextInt(2_000_001) - 1_000_000);
            }
            for (AggregateFunction f : List.of(AggregateFunction.SUM, AggregateFunction.TOTAL, AggregateFunction.AVG)) {
                Outcome merged = merged(f, values, cuts(random, values.size()));
                assertThat(merged.inexact).as("%s over %s", f, values).isFalse();
                assertThat(merged.result).isEqualTo(onePass(f, values).result);
            }
        }
    }

    @Test
    void aSumThatOverflowsOnlyInOrderFailsAsOnePassDoes() {
        List<Object> values = List.of(Long.MAX_VALUE - 5, 0L, 10L, -20L);
        Outcome merged = merged(AggregateFunction.SUM, values, new int[] {1});
        assertThat(merged.inexact).isFalse();
        assertThat(merged.error).isEqualTo("integer overflow in sum()").isEqualTo(onePass(AggregateFunction.SUM, values).error);
        // TOTAL does not fail: one pass turns REAL there, which a merge cannot follow bit for bit.
        assertThat(merged(AggregateFunction.TOTAL, values, new int[] {1}).inexact).isTrue();
    }

    @Test
    void aSliceThatOverflowsOnItsOwnCannotBeMerged() {
        // One pass: -100, then MAX - 50, then +100 stays in range; the second slice alone does not.
        List<Object> values = List.of(-100L, Long.MAX_VALUE - 50, 100L);
        assertThat(merged(AggregateFunction.SUM, values, new int[] {1}).inexact).isTrue();
        assertThat(onePass(AggregateFunction.SUM, values).result).isEqualTo(Long.MAX_VALUE - 50);
    }

    @Test
    void realValuesAreNotMergedIntoSums() {
        for (AggregateFunction f : List.of(AggregateFunction.SUM, AggregateFunction.TOTAL, AggregateFunction.AVG)) {
            assertThat(merged(f, List.of(1L, 0.1, 2L), new int[] {1}).inexact).as("%s", f).isTrue();
        }
        assertThat(merged(AggregateFunction.MAX, List.of(1L, 0.1, 2.5), new int[] {1}).result).isEqualTo(2.5);
    }

    @Test
    void onlyFunctionsWithAPartialFormAreSupported() {
        assertThat(PartialAggregate.supports(AggregateFunction.GROUP_CONCAT, false)).isFalse();
        assertThat(PartialAggregate.supports(AggregateFunction.ANY_VALUE, false)).isFalse();
        assertThat(PartialAggregate.supports(AggregateFunction.SUM, true)).isFalse();
        assertThat(SUPPORTED).allMatch(f -> PartialAggregate.supports(f, false));
        assertThatThrownBy(() -> PartialAggregate.of(AggregateFunction.GROUP_CONCAT))
                .isInstanceOf(IllegalArgumentException.class);
    }

    /** Kind 0: small integers and NULLs; 1: anything, huge integers included; 2: integers near the range's ends. */
    private static List<Object> values(Random random, int kind) {
        List<Object> values = new ArrayList<>();
        for (int i = random.nextInt(40); i > 0; i--) {
            int pick = random.nextInt(20);
            values.add(switch (kind) {
                case 0 -> pick < 3 ? null : (long) random.nextInt(1000) - 500;
                case 1 -> switch (pick) {
                    case 0 -> null;
                    case 1 -> random.nextDouble() * 100;
                    case 2 -> String.valueOf(random.nextInt(100));
                    case 3 -> "x" + random.nextInt(10);
                    case 4 -> random.nextLong();
                    case 5 -> (double) random.nextInt(10);
                    default -> (long) random.nextInt(100) - 50;
                };
                default -> pick < 10 ? (pick % 2 == 0 ? Long.MAX_VALUE : Long.MIN_VALUE) / (1 + random.nextInt(3))
                        : (long) random.nextInt(100) - 50;
            });
        }
        return values;
    }

    /** Sorted cut points in {@code [0, size]}: the slices are the runs between them (some empty). */
    private static int[] cuts(Random random, int size) {
        int[] cuts = new int[random.nextInt(5)];
        for (int i = 0; i < cuts.length; i++) {
            cuts[i] = random.nextInt(size + 1);
        }
        java.util.Arrays.sort(cuts);
        return cuts;
    }

    private record Outcome(Object result, String error, boolean inexact) {
    }

    private static Outcome onePass(AggregateFunction f, List<Object> values) {
        Accumulator a = Accumulator.of(f, false);
        try {
            for (Object v : values) {
                a.add(new Object[] {v});
            }
            return new Outcome(a.result(), null, false);
        } catch (HqlExecutionException e) {
            return new Outcome(null, e.getMessage(), false);
        }
    }

    private static Outcome merged(AggregateFunction f, List<Object> values, int[] cuts) {
        List<PartialAggregate> slices = new ArrayList<>();
        int from = 0;
        for (int i = 0; i <= cuts.length; i++) {
            int to = i < cuts.length ? cuts[i] : values.size();
            PartialAggregate p = PartialAggregate.of(f);
            for (Object v : values.subList(from, to)) {
                p.add(new Object[] {v});
            }
            if (!p.exact()) {
                return new Outcome(null, null, true);
            }
            slices.add(p);
            from = to;
        }
        PartialAggregate all = slices.getFirst();
        try {
            for (PartialAggregate later : slices.subList(1, slices.size())) {
                all.merge(later);
                if (!all.exact()) {
                    return new Outcome(null, null, true);
                }
            }
        } catch (HqlExecutionException e) {
            return new Outcome(null, e.getMessage(), false);
        }
        return new Outcome(all.result(), null, false);
    }
}
