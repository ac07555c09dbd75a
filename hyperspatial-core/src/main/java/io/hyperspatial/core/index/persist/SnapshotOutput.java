package io.hyperspatial.core.index.persist;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32C;

/**
 * Writes a snapshot's payload to a file channel through one large direct buffer, little-endian,
 * keeping a CRC32C of every byte written. Arrays go in bulk (a buffer view copy per chunk, not a
 * call per element), so a million 128-float vectors are written at the disk's speed.
 *
 * <p>Not thread-safe: one writer per file, owned by {@link SnapshotFile#write}.
 */
public final class SnapshotOutput {
    private static final int BUFFER_BYTES = 4 << 20;

    private final FileChannel channel;
    private final ByteBuffer buffer = ByteBuffer.allocateDirect(BUFFER_BYTES).order(ByteOrder.LITTLE_ENDIAN);
    private final CRC32C crc = new CRC32C();
    private long written;

    SnapshotOutput(FileChannel channel) {
        this.channel = channel;
    }

    public void writeByte(int v) throws IOException {
        ensure(1);
        buffer.put((byte) v);
    }

    public void writeBoolean(boolean v) throws IOException {
        writeByte(v ? 1 : 0);
    }

    public void writeInt(int v) throws IOException {
        ensure(Integer.BYTES);
        buffer.putInt(v);
    }

    public void writeLong(long v) throws IOException {
        ensure(Long.BYTES);
        buffer.putLong(v);
    }

    public void writeDouble(double v) throws IOException {
        ensure(Double.BYTES);
        buffer.putDouble(v);
    }

    /** A UTF-8 string preceded by its byte length. */
    public void writeString(String s) throws IOException {
        byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
        writeInt(bytes.length);
        writeBytes(bytes, 0, bytes.length);
    }

    public void writeBytes(byte[] src, int offset, int length) throws IOException {
        while (length > 0) {
            ensure(1);
            int n = Math.min(length, buffer.remaining());
            buffer.put(src, offset, n);
            offset += n;
            length -= n;
        }
    }

    /** {@code length} ints of {@code src} from {@code offset}, without a count. */
    public void writeInts(int[] src, int offset, int length) throws IOException {
        while (length > 0) {
            ensure(Integer.BYTES);
            int n = Math.min(length, buffer.remaining() / Integer.BYTES);
            buffer.asIntBuffer().put(src, offset, n);
            buffer.position(buffer.position() + n * Integer.BYTES);
            offset += n;
            length -= n;
        }
    }

    /** {@code length} floats of {@code src} from {@code offset}, without a count. */
    public void writeFloats(float[] src, int offset, int length) throws IOException {
        while (length > 0) {
            ensure(Float.BYTES);
            int n = Math.min(length, buffer.remaining() / Float.BYTES);
            buffer.asFloatBuffer().put(src, offset, n);
            buffer.position(buffer.position() + n * Float.BYTES);
            offset += n;
            length -= n;
        }
    }

    /** Bytes written so far, including those still buffered. */
    public long size() {
        return written + buffer.position();
    }

    /** Writes out what is buffered; returns the CRC32C of the whole payload. */
    int finish() throws IOException {
        flush();
        return (int) crc.getValue();
    }

    private void ensure(int bytes) throws IOException {
        if (buffer.remaining() < bytes) {
            flush();
        }
    }

    private void flush() throws IOException {
        buffer.flip();
        crc.update(buffer.duplicate());
        while (buffer.hasRemaining()) {
            written += channel.write(buffer);
        }
        buffer.clear();
    }
}
