package io.hyperspatial.core.index.score;

import io.hyperspatial.manifold.error.ErrorCode;
import io.hyperspatial.manifold.error.StorageException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;

/**
 * Fixed-stride float slots in a scratch file mapped into memory, so the operating system can page
 * them out under memory pressure and they never count against the Java heap. The file is grown
 * by mapping one more chunk of {@value #CHUNK_SLOTS} slots past its end (sparse until written);
 * chunks never move once mapped. It is opened with {@code DELETE_ON_CLOSE}, which on Linux and
 * macOS unlinks it at once: no file outlives the process, even after a crash, and the space is
 * the OS's to reclaim. The contents are scratch, not a persistent format (snapshots write the
 * slots out themselves), so they are in the platform's byte order.
 *
 * <p>A slot is read by copying it into a caller's array ({@link #read}): the float32 kernels take
 * arrays, and the readers of this storage (rerank of a few dozen candidates per query, exact
 * scans of small allow-lists) read few slots per query.
 *
 * <p>Thread-safety as {@link VectorSlots} says: appends and chunk growth are serialised, the
 * chunk table is published through a volatile field, and a reader of an ordinal has a
 * happens-before edge with its append. {@link #close} unmaps everything (the arena is shared, so
 * a read racing with close fails with {@link IllegalStateException} rather than touching unmapped
 * memory) and deletes the file. Owns one {@link Arena} and one {@link FileChannel}.
 */
public final class MappedVectorStorage implements VectorSlots {
    static final int CHUNK_SHIFT = 12;
    static final int CHUNK_SLOTS = 1 << CHUNK_SHIFT;
    private static final int CHUNK_MASK = CHUNK_SLOTS - 1;
    private static final ValueLayout.OfFloat FLOAT = ValueLayout.JAVA_FLOAT;

    private final int stride;
    private final long slotBytes;
    private final long chunkBytes;
    private final Arena arena = Arena.ofShared();
    private final FileChannel channel;
    private volatile MemorySegment[] chunks = new MemorySegment[0];
    private volatile int size;

    /**
     * A new, empty storage in a new file under {@code directory}.
     *
     * @throws StorageException {@link ErrorCode#STORAGE_IO} if the file cannot be created
     */
    public MappedVectorStorage(Path directory, int stride) {
        if (stride < 1) {
            throw new IllegalArgumentException("stride must be positive, got " + stride);
        }
        this.stride = stride;
        this.slotBytes = (long) stride * Float.BYTES;
        this.chunkBytes = slotBytes * CHUNK_SLOTS;
        try {
            Files.createDirectories(directory);
            Path file = Files.createTempFile(directory, "vectors-", ".f32");
            this.channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE,
                    StandardOpenOption.DELETE_ON_CLOSE);
        } catch (IOException e) {
            arena.close();
            throw new StorageException(ErrorCode.STORAGE_IO, "cannot create a vector file in " + directory + ": "
                    + e.getMessage(), e);
        }
    }

    @Override
    public int stride() {
        return stride;
    }

    @Override
    public int size() {
        return size;
    }

    @Override
    public synchronized int add(float[] slot) {
        SlotChecks.length(slot, stride);
        int ordinal = size;
        MemorySegment.copy(slot, 0, chunkFor(ordinal), FLOAT, offset(ordinal), stride);
        size = ordinal + 1;
        return ordinal;
    }

    @Override
    public void set(int ordinal, float[] slot) {
        SlotChecks.length(slot, stride);
        SlotChecks.ordinal(ordinal, size);
        MemorySegment.copy(slot, 0, chunks[ordinal >>> CHUNK_SHIFT], FLOAT, offset(ordinal), stride);
    }

    /** Copies a slot into {@code into[0..stride)}; the ordinal must have been published to the caller. */
    public void read(int ordinal, float[] into) {
        MemorySegment.copy(chunks[ordinal >>> CHUNK_SHIFT], FLOAT, offset(ordinal), into, 0, stride);
    }

    @Override
    public float[] copy(int ordinal) {
        SlotChecks.ordinal(ordinal, size);
        float[] out = new float[stride];
        read(ordinal, out);
        return out;
    }

    /** Copies slots out in runs of up to one chunk through one reused array. */
    @Override
    public <E extends Exception> void readSlots(int count, SlotSink<E> sink) throws E {
        if (count < 0 || count > size) {
            throw new IndexOutOfBoundsException("count " + count + " of " + size);
        }
        MemorySegment[] c = chunks;
        float[] run = new float[Math.min(count, CHUNK_SLOTS) * stride];
        for (int first = 0; first < count; first += CHUNK_SLOTS) {
            int floats = Math.min(CHUNK_SLOTS, count - first) * stride;
            MemorySegment.copy(c[first >>> CHUNK_SHIFT], FLOAT, 0, run, 0, floats);
            sink.accept(run, 0, floats);
        }
    }

    /** Fills one reused array per chunk and copies it into the file's mapping. */
    @Override
    public synchronized <E extends Exception> void appendSlots(int count, SlotSource<E> source) throws E {
        if (size != 0) {
            throw new IllegalStateException("slots can only be restored into an empty storage");
        }
        float[] run = new float[Math.min(count, CHUNK_SLOTS) * stride];
        for (int first = 0; first < count; first += CHUNK_SLOTS) {
            int floats = Math.min(CHUNK_SLOTS, count - first) * stride;
            source.fill(run, 0, floats);
            MemorySegment.copy(run, 0, chunkFor(first), FLOAT, 0, floats);
        }
        size = count;
    }

    /** The chunk table itself, a few dozen bytes per chunk. */
    @Override
    public long heapBytes() {
        return 16 + 8L * chunks.length;
    }

    /** Bytes mapped (whole chunks); 0 once closed. */
    @Override
    public long mappedBytes() {
        return channel.isOpen() ? chunks.length * chunkBytes : 0;
    }

    /**
     * Unmaps every chunk and deletes the file; idempotent. Any later read or write fails with
     * {@link IllegalStateException} (the chunks' arena is closed).
     */
    @Override
    public synchronized void close() {
        if (!channel.isOpen()) {
            return;
        }
        try {
            arena.close();
        } finally {
            try {
                channel.close();
            } catch (IOException e) {
                throw new UncheckedIOException("closing the vector file", e);
            }
        }
    }

    /** The chunk holding an ordinal about to be written, mapping the next one when it starts one; under the monitor. */
    private MemorySegment chunkFor(int ordinal) {
        int chunk = ordinal >>> CHUNK_SHIFT;
        MemorySegment[] c = chunks;
        if (chunk < c.length) {
            return c[chunk];
        }
        if (!channel.isOpen()) {
            throw new IllegalStateException("the vector storage is closed");
        }
        try {
            MemorySegment mapped = channel.map(FileChannel.MapMode.READ_WRITE, chunk * chunkBytes, chunkBytes, arena);
            c = Arrays.copyOf(c, chunk + 1);
            c[chunk] = mapped;
            chunks = c;
            return mapped;
        } catch (IOException e) {
            throw new StorageException(ErrorCode.STORAGE_IO, "cannot grow the vector file to " + (chunk + 1) * chunkBytes
                    + " bytes: " + e.getMessage(), e);
        }
    }

    private long offset(int ordinal) {
        return (ordinal & CHUNK_MASK) * slotBytes;
    }
}
