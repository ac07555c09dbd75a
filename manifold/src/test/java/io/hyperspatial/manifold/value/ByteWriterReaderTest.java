package io.hyperspatial.manifold.value;

import io.hyperspatial.manifold.error.ErrorCode;
import io.hyperspatial.manifold.error.StorageException;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@link ByteWriter} and {@link ByteReader} together: the primitives every on-disk encoding is built from. */
class ByteWriterReaderTest {

    @ParameterizedTest(name = "varint {0} takes {1} bytes")
    @CsvSource({
            "0, 1", "1, 1", "127, 1",
            "128, 2", "16383, 2",
            "16384, 3", "2097151, 3",
            "2097152, 4", "268435455, 4",
            "268435456, 5", "2147483647, 5",
            "34359738367, 5", "34359738368, 6",
            "4398046511103, 6", "4398046511104, 7",
            "562949953421311, 7", "562949953421312, 8",
            "72057594037927935, 8", "72057594037927936, 9",
            "9223372036854775807, 9"})
    void varintsUseSevenBitsPerByteAndRoundTrip(long value, int bytes) {
        byte[] encoded = new ByteWriter().varint(value).toByteArray();

        assertThat(encoded).hasSize(bytes);
        ByteReader r = new ByteReader(encoded);
        assertThat(r.varint()).isEqualTo(value);
        assertThat(r.hasRemaining()).isFalse();
    }

    @Test
    void varintEncodingIsLittleEndianBase128() {
        assertThat(new ByteWriter().varint(300).toByteArray()).containsExactly(0xAC, 0x02);
        assertThat(new ByteWriter().varint(128).toByteArray()).containsExactly(0x80, 0x01);
    }

    @Test
    void negativeVarintsAreRejectedOnWrite() {
        assertThatThrownBy(() -> new ByteWriter().varint(-1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ByteWriter().varint(Long.MIN_VALUE)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void truncatedVarintIsCorruption() {
        assertCorrupt(() -> new ByteReader(new byte[]{(byte) 0x80}).varint());
        assertCorrupt(() -> new ByteReader(new byte[]{(byte) 0xFF, (byte) 0xFF}).varint());
        assertCorrupt(() -> new ByteReader(new byte[0]).varint());
    }

    @Test
    void varintLongerThanTenBytesIsCorruption() {
        byte[] eleven = new byte[11];
        Arrays.fill(eleven, (byte) 0x80);
        eleven[10] = 0;

        assertThatThrownBy(() -> new ByteReader(eleven).varint())
                .isInstanceOfSatisfying(StorageException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.CORRUPTION))
                .hasMessageContaining("longer than 10 bytes");
    }

    @Test
    void lengthAboveIntRangeIsCorruption() {
        byte[] big = new ByteWriter().varint(Integer.MAX_VALUE + 1L).toByteArray();

        assertCorrupt(() -> new ByteReader(big).length());
        assertThat(new ByteReader(new ByteWriter().varint(Integer.MAX_VALUE).toByteArray()).length())
                .isEqualTo(Integer.MAX_VALUE);
    }

    @Test
    void lengthThatDecodesNegativeIsCorruption() {
        byte[] minusOne = {(byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF,
                (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, 0x01};

        assertCorrupt(() -> new ByteReader(minusOne).length());
    }

    @Test
    void fixedWidthNumbersAreBigEndianAndRoundTripAtTheExtremes() {
        assertThat(new ByteWriter().i32(0x01020304).toByteArray()).containsExactly(1, 2, 3, 4);
        assertThat(new ByteWriter().i64(0x0102030405060708L).toByteArray()).containsExactly(1, 2, 3, 4, 5, 6, 7, 8);

        ByteWriter w = new ByteWriter(1);
        int[] ints = {0, -1, Integer.MIN_VALUE, Integer.MAX_VALUE};
        long[] longs = {0, -1, Long.MIN_VALUE, Long.MAX_VALUE};
        float[] floats = {0f, -0f, Float.MIN_VALUE, Float.MAX_VALUE, Float.NEGATIVE_INFINITY, Float.NaN};
        double[] doubles = {0d, -0d, Double.MIN_VALUE, -Double.MAX_VALUE, Double.POSITIVE_INFINITY, Double.NaN};
        for (int i : ints) {
            w.i32(i);
        }
        for (long l : longs) {
            w.i64(l);
        }
        for (float f : floats) {
            w.f32(f);
        }
        for (double d : doubles) {
            w.f64(d);
        }
        w.u8(0xFF);

        ByteReader r = new ByteReader(w.toByteArray());
        for (int i : ints) {
            assertThat(r.i32()).isEqualTo(i);
        }
        for (long l : longs) {
            assertThat(r.i64()).isEqualTo(l);
        }
        for (float f : floats) {
            assertThat(Float.floatToRawIntBits(r.f32())).isEqualTo(Float.floatToRawIntBits(f));
        }
        for (double d : doubles) {
            assertThat(Double.doubleToRawLongBits(r.f64())).isEqualTo(Double.doubleToRawLongBits(d));
        }
        assertThat(r.u8()).isEqualTo(0xFF);
        assertThat(r.remaining()).isZero();
    }

    @Test
    void stringsAreLengthPrefixedUtf8() {
        String s = "héllo 🌍";
        byte[] encoded = new ByteWriter().string(s).string("").toByteArray();

        assertThat(encoded[0]).isEqualTo((byte) s.getBytes(StandardCharsets.UTF_8).length);
        ByteReader r = new ByteReader(encoded);
        assertThat(r.string()).isEqualTo(s);
        assertThat(r.string()).isEmpty();
        assertThat(r.hasRemaining()).isFalse();
    }

    @Test
    void readsPastTheEndAreCorruptionNeverIndexErrors() {
        assertCorrupt(() -> new ByteReader(new byte[3]).i32());
        assertCorrupt(() -> new ByteReader(new byte[7]).i64());
        assertCorrupt(() -> new ByteReader(new byte[0]).u8());
        assertCorrupt(() -> new ByteReader(new byte[2]).bytes(3));
        assertCorrupt(() -> new ByteReader(new byte[]{5, 'a'}).string());
    }

    @Test
    void hugeLengthNearIntMaxIsCorruptionNotOverflow() {
        byte[] encoded = new ByteWriter().u8(7).varint(Integer.MAX_VALUE).bytes(new byte[]{1, 2}).toByteArray();
        ByteReader bytes = new ByteReader(encoded);
        bytes.u8();
        int n = bytes.length();
        assertCorrupt(() -> bytes.bytes(n));

        ByteReader string = new ByteReader(encoded);
        string.u8();
        assertCorrupt(string::string);
    }

    @Test
    void aReaderWindowEndsWhereItIsToldEvenIfTheArrayGoesOn() {
        byte[] buf = {9, 1, 2, 3, 4, 5, 6, 7, 8};
        ByteReader r = new ByteReader(buf, 1, 4);

        assertThat(r.i32()).isEqualTo(0x01020304);
        assertThat(r.hasRemaining()).isFalse();
        assertCorrupt(r::u8);
    }

    @Test
    void writerGrowsAndCanBeReset() {
        Random random = new Random(42);
        ByteWriter w = new ByteWriter(1);
        List<Long> written = new ArrayList<>();
        for (int i = 0; i < 10_000; i++) {
            long v = random.nextLong() >>> (1 + random.nextInt(63));
            written.add(v);
            w.varint(v);
        }
        ByteReader r = new ByteReader(w.toByteArray());
        for (long v : written) {
            assertThat(r.varint()).isEqualTo(v);
        }
        assertThat(r.hasRemaining()).isFalse();

        w.reset().u8(5);
        assertThat(w.length()).isEqualTo(1);
        assertThat(w.toByteArray()).containsExactly(5);
    }

    private static void assertCorrupt(ThrowingCallable read) {
        assertThatThrownBy(read).isInstanceOfSatisfying(StorageException.class,
                e -> assertThat(e.code()).isEqualTo(ErrorCode.CORRUPTION));
    }
}
