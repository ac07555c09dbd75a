package io.hyperspatial.manifold.table;

import io.hyperspatial.manifold.value.Value;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class IndexKeyCodecTest {

    /** The reference order, written from the documented rules: class, then value. */
    private static int compare(Value a, Value b) {
        int ca = rank(a);
        int cb = rank(b);
        if (ca != cb) {
            return Integer.compare(ca, cb);
        }
        return switch (a) {
            case Value.BoolValue x -> Boolean.compare(x.value(), ((Value.BoolValue) b).value());
            case Value.IntValue x -> exact(a).compareTo(exact(b));
            case Value.FloatValue x -> exact(a).compareTo(exact(b));
            case Value.TimestampValue x -> Long.compare(x.epochMicros(), ((Value.TimestampValue) b).epochMicros());
            case Value.StringValue x -> Integer.signum(x.value().compareTo(((Value.StringValue) b).value()));
            case Value.BytesValue x -> Integer.signum(Arrays.compareUnsigned(x.value(), ((Value.BytesValue) b).value()));
            default -> throw new AssertionError(a);
        };
    }

    private static int rank(Value v) {
        return switch (v) {
            case Value.BoolValue x -> 0;
            case Value.IntValue x -> 1;
            case Value.FloatValue x -> 1;
            case Value.TimestampValue x -> 2;
            case Value.StringValue x -> 3;
            case Value.BytesValue x -> 4;
            default -> throw new AssertionError(v);
        };
    }

    private static BigDecimal exact(Value v) {
        return v instanceof Value.IntValue i ? BigDecimal.valueOf(i.value()) : new BigDecimal(((Value.FloatValue) v).value());
    }

    private static Value randomValue(Random r) {
        return switch (r.nextInt(9)) {
            case 0 -> Value.of(r.nextBoolean());
            case 1 -> Value.of((long) r.nextInt(21) - 10);
            case 2 -> Value.of(r.nextLong());
            case 3 -> Value.of((r.nextInt(41) - 20) / 4.0);
            case 4 -> Value.of(r.nextGaussian() * Math.pow(10, r.nextInt(30) - 10));
            case 5 -> Value.of((1L << 53) + r.nextInt(9) - 4 + (r.nextBoolean() ? 0 : Long.MAX_VALUE / 2));
            case 6 -> Value.of(Instant.ofEpochSecond(r.nextInt(2_000_000_000) - 1_000_000_000L));
            case 7 -> Value.of(randomText(r));
            default -> {
                byte[] b = new byte[r.nextInt(4)];
                for (int i = 0; i < b.length; i++) {
                    b[i] = (byte) (r.nextInt(3) - 1);
                }
                yield Value.of(b);
            }
        };
    }

    private static String randomText(Random r) {
        String alphabet = "\u0000\u0001a~\u00e9\u0100\u4e2d\ud83c\udf0d\uffff";
        StringBuilder s = new StringBuilder();
        int n = r.nextInt(4);
        for (int i = 0; i < n; i++) {
            s.append(alphabet.charAt(r.nextInt(alphabet.length())));
        }
        return s.toString();
    }

    @Test
    void byteOrderOfEncodingsIsTheValueOrder() {
        Random r = new Random(20_260_401L);
        List<Value> values = new ArrayList<>();
        for (int i = 0; i < 600; i++) {
            values.add(randomValue(r));
        }
        values.addAll(List.of(Value.of(Long.MAX_VALUE), Value.of(Long.MIN_VALUE), Value.of(Long.MAX_VALUE - 1),
                Value.of(0x1p63), Value.of(-0x1p63), Value.of(-0.0), Value.of(0.0), Value.of(0L),
                Value.of(Double.MAX_VALUE), Value.of(-Double.MAX_VALUE), Value.of(Double.MIN_VALUE)));
        for (Value a : values) {
            for (Value b : values) {
                int expected = compare(a, b);
                int actual = Integer.signum(Arrays.compareUnsigned(IndexKeyCodec.encode(a), IndexKeyCodec.encode(b)));
                assertThat(actual).as("%s vs %s", a, b).isEqualTo(expected);
            }
        }
    }

    @Test
    void equalNumbersOfEitherTypeEncodeAlike() {
        assertThat(IndexKeyCodec.encode(Value.of(2L))).isEqualTo(IndexKeyCodec.encode(Value.of(2.0)));
        assertThat(IndexKeyCodec.encode(Value.of(-0.0))).isEqualTo(IndexKeyCodec.encode(Value.of(0L)));
        assertThat(IndexKeyCodec.encode(Value.of((1L << 53) + 1))).isNotEqualTo(IndexKeyCodec.encode(Value.of(0x1p53)));
    }

    @Test
    void nullListsMapsAndNaNAreNotIndexable() {
        assertThat(IndexKeyCodec.indexable(Value.NULL)).isFalse();
        assertThat(IndexKeyCodec.indexable(Value.list(List.of()))).isFalse();
        assertThat(IndexKeyCodec.indexable(Value.of(Double.NaN))).isFalse();
        assertThat(IndexKeyCodec.indexable(Value.of("x"))).isTrue();
        assertThatThrownBy(() -> IndexKeyCodec.encode(Value.NULL)).isInstanceOf(IllegalArgumentException.class);
    }
}
