package io.hyperspatial.manifold.value;

import io.hyperspatial.manifold.error.ErrorCode;
import io.hyperspatial.manifold.error.StorageException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ValueCodecTest {

    static Stream<Value> values() {
        byte[] allBytes = new byte[256];
        for (int i = 0; i < allBytes.length; i++) {
            allBytes[i] = (byte) i;
        }
        Map<String, Value> inner = new LinkedHashMap<>();
        inner.put("z", Value.of(-1));
        inner.put("a", Value.list(List.of(Value.of("deep"), Value.NULL, Value.of(new byte[0]))));
        inner.put("", Value.map(Map.of()));
        return Stream.of(
                Value.NULL,
                Value.of(true),
                Value.of(false),
                Value.of(0L),
                Value.of(-1L),
                Value.of(Long.MIN_VALUE),
                Value.of(Long.MAX_VALUE),
                Value.of(0.0),
                Value.of(-0.0),
                Value.of(Double.MIN_VALUE),
                Value.of(-Double.MAX_VALUE),
                Value.of(Double.MAX_VALUE),
                Value.of(Double.NaN),
                Value.of(Double.POSITIVE_INFINITY),
                Value.of(Double.NEGATIVE_INFINITY),
                Value.of(""),
                Value.of("plain ascii"),
                Value.of("héllo wörld — ünïcødé"),
                Value.of("日本語のテキスト"),
                Value.of("emoji 🌍🚀 outside the BMP"),
                Value.of("nul\u0000inside"),
                Value.of("x".repeat(100_000)),
                Value.of(new byte[0]),
                Value.of(allBytes),
                Value.of(Instant.parse("2024-02-29T12:34:56.123456Z")),
                Value.of(Instant.parse("1969-12-31T23:59:59.999999Z")),
                Value.of(Instant.EPOCH),
                Value.TimestampValue.ofEpochMicros(Long.MAX_VALUE),
                Value.TimestampValue.ofEpochMicros(Long.MIN_VALUE),
                Value.list(List.of()),
                Value.map(Map.of()),
                Value.list(List.of(Value.of(1), Value.of("two"), Value.of(3.0), Value.NULL, Value.of(true))),
                Value.map(Map.of("inner", Value.map(inner), "list", Value.list(List.of(Value.map(inner))))),
                Value.list(List.of(Value.list(List.of(Value.list(List.of(Value.of("nested three deep"))))))));
    }

    @ParameterizedTest
    @MethodSource("values")
    void roundTripsEveryValue(Value value) {
        byte[] encoded = ValueCodec.encode(value);

        Value decoded = ValueCodec.decode(encoded);

        assertThat(decoded).isEqualTo(value);
        assertThat(decoded.type()).isEqualTo(value.type());
        assertThat(ValueCodec.encode(decoded)).isEqualTo(encoded);
    }

    @Test
    void keepsTheBitsOfNegativeZeroAndNaN() {
        double decoded = ((Value.FloatValue) ValueCodec.decode(ValueCodec.encode(Value.of(-0.0)))).value();
        assertThat(Double.doubleToRawLongBits(decoded)).isEqualTo(Double.doubleToRawLongBits(-0.0));

        double nanWithPayload = Double.longBitsToDouble(0x7ff8_0000_dead_beefL);
        double nan = ((Value.FloatValue) ValueCodec.decode(ValueCodec.encode(Value.of(nanWithPayload)))).value();
        assertThat(Double.doubleToRawLongBits(nan)).isEqualTo(0x7ff8_0000_dead_beefL);
    }

    @Test
    void timestampsKeepMicrosecondsAndDropNanoseconds() {
        Instant precise = Instant.parse("2025-06-01T08:00:00.123456789Z");

        Value decoded = ValueCodec.decode(ValueCodec.encode(Value.of(precise)));

        assertThat(((Value.TimestampValue) decoded).value()).isEqualTo(Instant.parse("2025-06-01T08:00:00.123456Z"));
        assertThat(((Value.TimestampValue) decoded).epochMicros()).isEqualTo(1_748_764_800_123_456L);
    }

    @Test
    void timestampsBeforeTheEpochKeepTheirMicroseconds() {
        Value.TimestampValue t = (Value.TimestampValue) ValueCodec.decode(
                ValueCodec.encode(Value.of(Instant.ofEpochSecond(-1, 1_000))));

        assertThat(t.epochMicros()).isEqualTo(-999_999L);
        assertThat(t.value()).isEqualTo(Instant.parse("1969-12-31T23:59:59.000001Z"));
    }

    @Test
    void extremeTimestampsKeepTheirEpochMicros() {
        for (long micros : new long[]{Long.MIN_VALUE, -1, 0, 1, Long.MAX_VALUE}) {
            Value decoded = ValueCodec.decode(ValueCodec.encode(Value.TimestampValue.ofEpochMicros(micros)));
            assertThat(((Value.TimestampValue) decoded).epochMicros()).as("micros %d", micros).isEqualTo(micros);
        }
    }

    @Test
    void equalMapsEncodeToEqualBytesWhateverTheInsertionOrder() {
        Map<String, Value> ab = new LinkedHashMap<>();
        ab.put("a", Value.of(1));
        ab.put("b", Value.of(2));
        Map<String, Value> ba = new LinkedHashMap<>();
        ba.put("b", Value.of(2));
        ba.put("a", Value.of(1));

        assertThat(ValueCodec.encode(Value.map(ab))).isEqualTo(ValueCodec.encode(Value.map(ba)));
    }

    @Test
    void bytesValuesAreCopiedInAndOut() {
        byte[] raw = {1, 2, 3};
        Value.BytesValue value = (Value.BytesValue) Value.of(raw);
        raw[0] = 99;
        value.value()[1] = 99;

        assertThat(value.value()).containsExactly(1, 2, 3);
    }

    @ParameterizedTest
    @MethodSource("values")
    void everyTruncationOfAnEncodingIsReportedAsCorruption(Value value) {
        byte[] encoded = ValueCodec.encode(value);
        int step = Math.max(1, encoded.length / 200);
        for (int n = 0; n < encoded.length; n += step) {
            byte[] truncated = Arrays.copyOf(encoded, n);
            assertCorrupt(truncated);
        }
    }

    @Test
    void unknownTagsAreCorruption() {
        assertCorrupt(new byte[]{10});
        assertCorrupt(new byte[]{(byte) 0xFF});
        assertCorrupt(new byte[]{8, 1, 42});
        assertThatThrownBy(() -> ValueCodec.decode(new byte[]{42}))
                .hasMessageContaining("unknown value tag 42");
    }

    @Test
    void trailingBytesAreCorruption() {
        byte[] encoded = ValueCodec.encode(Value.of(7));
        byte[] longer = Arrays.copyOf(encoded, encoded.length + 1);

        assertCorrupt(longer);
    }

    @Test
    void lengthsBeyondTheRecordAreCorruption() {
        assertCorrupt(new byte[]{5, 100, 'a'});
        assertCorrupt(new byte[]{6, 3, 1, 2});
        assertCorrupt(new byte[]{8, 5, 0, 0});
        assertCorrupt(new byte[]{9, 1, 1, 'k'});
    }

    @Test
    void hugeLengthsAreCorruptionNotAnAllocationFailure() {
        byte[] maxInt = new ByteWriter().varint(Integer.MAX_VALUE).toByteArray();
        byte[] tooLarge = new ByteWriter().varint(1L << 40).toByteArray();
        for (int tag : new int[]{5, 6, 8, 9}) {
            assertCorrupt(withTag(tag, maxInt));
            assertCorrupt(withTag(tag, tooLarge));
        }
    }

    @Test
    void tenByteLengthsThatDecodeNegativeAreCorruption() {
        byte[] minusOne = {(byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF,
                (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, 0x01};
        for (int tag : new int[]{5, 6, 8, 9}) {
            assertCorrupt(withTag(tag, minusOne));
        }
    }

    private static byte[] withTag(int tag, byte[] rest) {
        return new ByteWriter().u8(tag).bytes(rest).bytes(new byte[]{1, 2, 3}).toByteArray();
    }

    private static void assertCorrupt(byte[] bytes) {
        assertThatThrownBy(() -> ValueCodec.decode(bytes))
                .as("decoding %s", Arrays.toString(bytes.length > 40 ? Arrays.copyOf(bytes, 40) : bytes))
                .isInstanceOfSatisfying(StorageException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.CORRUPTION));
    }
}
