package io.hyperspatial.hyperql.value;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class ValueSemanticsTest {

    @Test
    void realsPrintAsSqliteDoes() {
        assertThat(TextForm.real(2.0)).isEqualTo("2.0");
        assertThat(TextForm.real(0.1)).isEqualTo("0.1");
        assertThat(TextForm.real(1e20)).isEqualTo("1.0e+20");
        assertThat(TextForm.real(1e-5)).isEqualTo("1.0e-05");
        assertThat(TextForm.real(123456789012345678.0)).isEqualTo("1.23456789012346e+17");
        assertThat(TextForm.real(-2.5)).isEqualTo("-2.5");
        assertThat(TextForm.real(0.1 + 0.2)).isEqualTo("0.3");
    }

    @Test
    void integerArithmeticOverflowsToRealAndDivisionByZeroIsNull() {
        assertThat(Arithmetic.add(Long.MAX_VALUE, 1L)).isEqualTo(9.223372036854775807E18);
        assertThat(Arithmetic.subtract(Long.MIN_VALUE, 1L)).isInstanceOf(Double.class);
        assertThat(Arithmetic.multiply(1L << 32, 1L << 32)).isInstanceOf(Double.class);
        assertThat(Arithmetic.multiply(-(1L << 31), 1L << 32)).isEqualTo(Long.MIN_VALUE);
        assertThat(Arithmetic.divide(7L, 0L)).isNull();
        assertThat(Arithmetic.divide(-7L, 2L)).isEqualTo(-3L);
        assertThat(Arithmetic.remainder(7.5, 2L)).isEqualTo(1.0);
        assertThat(Arithmetic.negate(Long.MIN_VALUE)).isEqualTo(9.223372036854775808E18);
        assertThat(Arithmetic.add("3abc", 1L)).isEqualTo(4L);
        assertThat(Arithmetic.add(null, 1L)).isNull();
    }

    @Test
    void affinityConvertsOnlyWhatLooksLikeANumber() {
        assertThat(Affinity.ofDeclaredType("VARCHAR(10)")).isEqualTo(Affinity.TEXT);
        assertThat(Affinity.ofDeclaredType("BIGINT")).isEqualTo(Affinity.INTEGER);
        assertThat(Affinity.ofDeclaredType("DOUBLE PRECISION")).isEqualTo(Affinity.REAL);
        assertThat(Affinity.ofDeclaredType("DECIMAL(5,2)")).isEqualTo(Affinity.NUMERIC);
        assertThat(Affinity.ofDeclaredType("")).isEqualTo(Affinity.BLOB);
        assertThat(Affinity.INTEGER.apply(" 12 ")).isEqualTo(12L);
        assertThat(Affinity.INTEGER.apply("3.0")).isEqualTo(3L);
        assertThat(Affinity.INTEGER.apply("3.5")).isEqualTo(3.5);
        assertThat(Affinity.INTEGER.apply("12abc")).isEqualTo("12abc");
        assertThat(Affinity.REAL.apply(2L)).isEqualTo(2.0);
        assertThat(Affinity.TEXT.apply(2.5)).isEqualTo("2.5");
    }

    @Test
    void orderPutsNullThenNumbersThenTextThenBlobsAndComparesMixedNumbersExactly() {
        List<Object> values = new ArrayList<>(List.of(new Blob(new byte[] {1}), "b", 2.5, "a", 2L, Long.MAX_VALUE,
                9.223372036854775807E18, -1.0));
        values.add(null);
        values.sort(ValueOrder.NULLS_FIRST);

        assertThat(values).containsExactly(null, -1.0, 2L, 2.5, Long.MAX_VALUE, 9.223372036854775807E18, "a", "b",
                new Blob(new byte[] {1}));
        assertThat(ValueOrder.compare(Long.MAX_VALUE, 9.223372036854775807E18)).isNegative();
    }

    @Test
    void equalValuesHaveEqualHashKeys() {
        Random random = new Random(42);
        for (int i = 0; i < 10_000; i++) {
            long n = random.nextInt(2_000_001) - 1_000_000;
            Object a = random.nextBoolean() ? (Object) n : (Object) (double) n;
            Object b = random.nextBoolean() ? (Object) n : (Object) (double) n;
            assertThat(ValueOrder.compare(a, b)).isZero();
            assertThat(ValueOrder.hashKey(a)).isEqualTo(ValueOrder.hashKey(b));
        }
        assertThat(ValueOrder.hashKey(-0.0)).isEqualTo(ValueOrder.hashKey(0L));
        assertThat(ValueOrder.hashKey(0.5)).isNotEqualTo(ValueOrder.hashKey(0L));
    }
}
