package io.hyperspatial.core.index.persist;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * Reads a snapshot's payload, little-endian, from a memory segment (the file mapped by
 * {@link SnapshotFile#read}, whose checksum has already been verified). Arrays are copied in
 * bulk straight from the mapping. A read past the end, or a count that cannot fit in the bytes
 * left, is a {@link MalformedSnapshotException}, so a payload that passed the checksum but does
 * not parse (a writer bug, a hand-made file) never makes a reader allocate gigabytes or loop.
 *
 * <p>Not thread-safe: one reader per file.
 */
public final class SnapshotInput {
    private static final ValueLayout.OfInt INT = ValueLayout.JAVA_INT_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);
    private static final ValueLayout.OfLong LONG = ValueLayout.JAVA_LONG_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);
    private static final ValueLayout.OfFloat FLOAT = ValueLayout.JAVA_FLOAT_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);
    private static final ValueLayout.OfDouble DOUBLE = ValueLayout.JAVA_DOUBLE_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);

    private final MemorySegment payload;
    private long position;

    SnapshotInput(MemorySegment payload) {
        this.payload = payload;
    }

    public int readByte() {
        require(1);
        return payload.get(ValueLayout.JAVA_BYTE, position++);
    }

    public boolean readBoolean() {
        int b = readByte();
        if (b != 0 && b != 1) {
            throw new MalformedSnapshotException("a boolean byte of " + b + " at payload offset " + (position - 1));
        }
        return b == 1;
    }

    public int readInt() {
        require(Integer.BYTES);
        int v = payload.get(INT, position);
        position += Integer.BYTES;
        return v;
    }

    public long readLong() {
        require(Long.BYTES);
        long v = payload.get(LONG, position);
        position += Long.BYTES;
        return v;
    }

    public double readDouble() {
        require(Double.BYTES);
        double v = payload.get(DOUBLE, position);
        position += Double.BYTES;
        return v;
    }

    public String readString() {
        int length = readCount(1, "string length");
        byte[] bytes = new byte[length];
        MemorySegment.copy(payload, ValueLayout.JAVA_BYTE, position, bytes, 0, length);
        position += length;
        return new String(bytes, StandardCharsets.UTF_8);
    }

    /**
     * A non-negative count of items of {@code bytesEach} bytes that are to follow; malformed if
     * negative or if that many could not fit in what is left.
     */
    public int readCount(int bytesEach, String what) {
        int n = readInt();
        if (n < 0 || (long) n * bytesEach > remaining()) {
            throw new MalformedSnapshotException(what + " of " + n + " at payload offset " + (position - Integer.BYTES)
                    + " does not fit in the " + remaining() + " bytes left");
        }
        return n;
    }

    public void readInts(int[] into, int offset, int length) {
        require((long) length * Integer.BYTES);
        MemorySegment.copy(payload, INT, position, into, offset, length);
        position += (long) length * Integer.BYTES;
    }

    public void readFloats(float[] into, int offset, int length) {
        require((long) length * Float.BYTES);
        MemorySegment.copy(payload, FLOAT, position, into, offset, length);
        position += (long) length * Float.BYTES;
    }

    /** Bytes not read yet. */
    public long remaining() {
        return payload.byteSize() - position;
    }

    private void require(long bytes) {
        if (bytes > remaining()) {
            throw new MalformedSnapshotException("payload ends at offset " + payload.byteSize() + " but " + bytes
                    + " more bytes are needed at offset " + position);
        }
    }
}
