package io.hyperspatial.core.index.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads and writes the {@code .fvecs} / {@code .ivecs} formats of the ANN benchmark data sets
 * (TEXMEX, ann-benchmarks): each vector is a little-endian int32 dimension followed by that many
 * little-endian float32 ({@code .fvecs}) or int32 ({@code .ivecs}) values, vectors back to back,
 * all of one dimension. Reads fail with a {@link VectorFileException} naming the file and the
 * vector: an empty file, a dimension that is not positive or differs from the first vector's, a
 * file that ends inside a vector. Stateless and thread-safe.
 */
public final class VectorFiles {
    /** The largest dimension accepted; a larger header is taken for a file of another format. */
    public static final int MAX_DIMENSION = 1 << 16;

    /** Read and write buffer; holds at least one vector of {@link #MAX_DIMENSION} plus its header. */
    private static final int BUFFER_BYTES = 1 << 20;

    private VectorFiles() {
    }

    /** All vectors of an {@code .fvecs} file. */
    public static float[][] readFvecs(Path file) throws IOException {
        return readFvecs(file, Integer.MAX_VALUE);
    }

    /** The first {@code limit} vectors of an {@code .fvecs} file (all of them if it holds fewer). */
    public static float[][] readFvecs(Path file, int limit) throws IOException {
        List<float[]> out = new ArrayList<>();
        read(file, limit, (dimension, buffer) -> {
            float[] v = new float[dimension];
            buffer.asFloatBuffer().get(v);
            buffer.position(buffer.position() + 4 * dimension);
            out.add(v);
        });
        return out.toArray(new float[0][]);
    }

    /** All vectors of an {@code .ivecs} file. */
    public static int[][] readIvecs(Path file) throws IOException {
        return readIvecs(file, Integer.MAX_VALUE);
    }

    /** The first {@code limit} vectors of an {@code .ivecs} file (all of them if it holds fewer). */
    public static int[][] readIvecs(Path file, int limit) throws IOException {
        List<int[]> out = new ArrayList<>();
        read(file, limit, (dimension, buffer) -> {
            int[] v = new int[dimension];
            buffer.asIntBuffer().get(v);
            buffer.position(buffer.position() + 4 * dimension);
            out.add(v);
        });
        return out.toArray(new int[0][]);
    }

    /** Writes vectors (all of one positive dimension) as {@code .fvecs}, replacing the file. */
    public static void writeFvecs(Path file, float[][] vectors) throws IOException {
        int dimension = commonDimension(vectors.length, i -> vectors[i].length);
        write(file, vectors.length, dimension, (i, buffer) -> buffer.asFloatBuffer().put(vectors[i]));
    }

    /** Writes vectors (all of one positive dimension) as {@code .ivecs}, replacing the file. */
    public static void writeIvecs(Path file, int[][] vectors) throws IOException {
        int dimension = commonDimension(vectors.length, i -> vectors[i].length);
        write(file, vectors.length, dimension, (i, buffer) -> buffer.asIntBuffer().put(vectors[i]));
    }

    @FunctionalInterface
    private interface VectorReader {
        /** Consumes {@code dimension} values at the buffer's position and advances past them. */
        void read(int dimension, ByteBuffer buffer);
    }

    @FunctionalInterface
    private interface VectorWriter {
        /** Puts the values of vector {@code i} at the buffer's position (without advancing it). */
        void write(int i, ByteBuffer buffer);
    }

    @FunctionalInterface
    private interface Lengths {
        int length(int i);
    }

    private static void read(Path file, int limit, VectorReader reader) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = channel.size();
            if (size == 0) {
                throw new VectorFileException(file, -1, "file is empty; expected vectors of little-endian int32 "
                        + "dimension followed by its values");
            }
            ByteBuffer buffer = ByteBuffer.allocate(BUFFER_BYTES).order(ByteOrder.LITTLE_ENDIAN).limit(0);
            int dimension = -1;
            long offset = 0;
            for (long n = 0; n < limit && offset < size; n++) {
                if (!fill(channel, buffer, 4)) {
                    throw truncated(file, n, offset, 4, size);
                }
                int d = buffer.getInt();
                if (d < 1 || d > MAX_DIMENSION) {
                    throw new VectorFileException(file, n, "vector " + n + " declares dimension " + d
                            + "; expected 1.." + MAX_DIMENSION + " (is this an .fvecs/.ivecs file?)");
                }
                if (dimension < 0) {
                    dimension = d;
                } else if (d != dimension) {
                    throw new VectorFileException(file, n, "vector " + n + " declares dimension " + d
                            + ", the file's first vector has " + dimension);
                }
                if (!fill(channel, buffer, 4 * d)) {
                    throw truncated(file, n, offset, 4 + 4L * d, size);
                }
                reader.read(d, buffer);
                offset += 4 + 4L * d;
            }
        }
    }

    /** Ensures {@code bytes} are readable in the buffer; false if the file ends first. */
    private static boolean fill(FileChannel channel, ByteBuffer buffer, int bytes) throws IOException {
        if (buffer.remaining() >= bytes) {
            return true;
        }
        buffer.compact();
        while (buffer.position() < bytes) {
            if (channel.read(buffer) < 0) {
                buffer.flip();
                return false;
            }
        }
        buffer.flip();
        return true;
    }

    private static VectorFileException truncated(Path file, long n, long offset, long bytes, long size) {
        return new VectorFileException(file, n, "vector " + n + " is truncated: it starts at byte " + offset
                + " and needs " + bytes + " bytes, but the file ends at byte " + size);
    }

    private static int commonDimension(int count, Lengths lengths) {
        if (count == 0) {
            throw new IllegalArgumentException("no vectors to write");
        }
        int dimension = lengths.length(0);
        if (dimension < 1 || dimension > MAX_DIMENSION) {
            throw new IllegalArgumentException("vector 0 has dimension " + dimension + "; expected 1.." + MAX_DIMENSION);
        }
        for (int i = 1; i < count; i++) {
            if (lengths.length(i) != dimension) {
                throw new IllegalArgumentException("vector " + i + " has dimension " + lengths.length(i)
                        + ", vector 0 has " + dimension);
            }
        }
        return dimension;
    }

    private static void write(Path file, int count, int dimension, VectorWriter writer) throws IOException {
        int rowBytes = 4 + 4 * dimension;
        ByteBuffer buffer = ByteBuffer.allocate(Math.max(BUFFER_BYTES, rowBytes)).order(ByteOrder.LITTLE_ENDIAN);
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            for (int i = 0; i < count; i++) {
                if (buffer.remaining() < rowBytes) {
                    drain(channel, buffer);
                }
                buffer.putInt(dimension);
                writer.write(i, buffer);
                buffer.position(buffer.position() + 4 * dimension);
            }
            drain(channel, buffer);
        }
    }

    private static void drain(FileChannel channel, ByteBuffer buffer) throws IOException {
        buffer.flip();
        while (buffer.hasRemaining()) {
            channel.write(buffer);
        }
        buffer.clear();
    }
}
