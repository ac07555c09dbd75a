package io.hyperspatial.manifold.value;

import io.hyperspatial.manifold.error.ErrorCode;
import io.hyperspatial.manifold.error.StorageException;

import java.nio.charset.StandardCharsets;

/**
 * Reads what {@link ByteWriter} wrote. A read past the end is reported as
 * {@link ErrorCode#CORRUPTION}, never as an index exception. Not thread-safe.
 */
public final class ByteReader {
    private final byte[] buf;
    private int pos;
    private final int end;

    public ByteReader(byte[] buf) {
        this(buf, 0, buf.length);
    }

    public ByteReader(byte[] buf, int offset, int length) {
        this.buf = buf;
        this.pos = offset;
        this.end = offset + length;
    }

    private void need(int n) {
        if (n > end - pos) {
            throw new StorageException(ErrorCode.CORRUPTION,
                    "truncated record: needed " + n + " bytes at offset " + pos + " of " + end);
        }
    }

    public int u8() {
        need(1);
        return buf[pos++] & 0xFF;
    }

    public int i32() {
        need(4);
        int v = ((buf[pos] & 0xFF) << 24) | ((buf[pos + 1] & 0xFF) << 16)
                | ((buf[pos + 2] & 0xFF) << 8) | (buf[pos + 3] & 0xFF);
        pos += 4;
        return v;
    }

    public long i64() {
        need(8);
        long v = 0;
        for (int i = 0; i < 8; i++) {
            v = (v << 8) | (buf[pos++] & 0xFF);
        }
        return v;
    }

    public float f32() {
        return Float.intBitsToFloat(i32());
    }

    public double f64() {
        return Double.longBitsToDouble(i64());
    }

    public long varint() {
        long v = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            int b = u8();
            v |= (long) (b & 0x7F) << shift;
            if ((b & 0x80) == 0) {
                return v;
            }
        }
        throw new StorageException(ErrorCode.CORRUPTION, "varint longer than 10 bytes at offset " + pos);
    }

    /** A varint that must fit a non-negative int, e.g. a length. */
    public int length() {
        long v = varint();
        if (v < 0 || v > Integer.MAX_VALUE) {
            throw new StorageException(ErrorCode.CORRUPTION, "length " + Long.toUnsignedString(v)
                    + " too large at offset " + pos);
        }
        return (int) v;
    }

    public byte[] bytes(int n) {
        need(n);
        byte[] b = new byte[n];
        System.arraycopy(buf, pos, b, 0, n);
        pos += n;
        return b;
    }

    public String string() {
        int n = length();
        need(n);
        String s = new String(buf, pos, n, StandardCharsets.UTF_8);
        pos += n;
        return s;
    }

    /** The offset of the next byte to read, in the whole buffer. */
    public int position() {
        return pos;
    }

    /** Moves past {@code n} bytes without reading them. */
    public void skip(int n) {
        need(n);
        pos += n;
    }

    public boolean hasRemaining() {
        return pos < end;
    }

    public int remaining() {
        return end - pos;
    }
}
