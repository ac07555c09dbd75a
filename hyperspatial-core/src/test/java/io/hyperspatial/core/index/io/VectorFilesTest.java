package io.hyperspatial.core.index.io;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class VectorFilesTest {
    @TempDir Path dir;

    @Test
    void fvecsRoundTripKeepsEveryBit() throws IOException {
        SplittableRandom random = new SplittableRandom(7);
        // More than one buffer's worth, so reads cross buffer boundaries mid-vector.
        float[][] vectors = new float[3000][];
        for (int i = 0; i < vectors.length; i++) {
            vectors[i] = new float[129];
            for (int j = 0; j < vectors[i].length; j++) {
                vectors[i][j] = (float) random.nextGaussian();
            }
        }
        vectors[5][3] = Float.MIN_VALUE;
        vectors[6][0] = -0.0f;
        Path file = dir.resolve("v.fvecs");
        VectorFiles.writeFvecs(file, vectors);

        assertThat(Files.size(file)).isEqualTo(3000L * (4 + 4 * 129));
        float[][] read = VectorFiles.readFvecs(file);
        assertThat(read).hasDimensions(3000, 129);
        for (int i = 0; i < vectors.length; i++) {
            for (int j = 0; j < 129; j++) {
                assertThat(Float.floatToRawIntBits(read[i][j])).isEqualTo(Float.floatToRawIntBits(vectors[i][j]));
            }
        }
        assertThat(VectorFiles.readFvecs(file, 10)).hasDimensions(10, 129);
        assertThat(read[10]).containsExactly(vectors[10]);
    }

    @Test
    void ivecsRoundTrip() throws IOException {
        int[][] rows = {{0, 5, -1, Integer.MAX_VALUE}, {9, 8, 7, 6}};
        Path file = dir.resolve("t.ivecs");
        VectorFiles.writeIvecs(file, rows);
        assertThat(VectorFiles.readIvecs(file)).isDeepEqualTo(rows);
    }

    @Test
    void layoutIsLittleEndianDimensionThenValues() throws IOException {
        Path file = dir.resolve("one.fvecs");
        VectorFiles.writeFvecs(file, new float[][]{{1.5f, -2f}});
        ByteBuffer b = ByteBuffer.wrap(Files.readAllBytes(file)).order(ByteOrder.LITTLE_ENDIAN);
        assertThat(b.getInt()).isEqualTo(2);
        assertThat(b.getFloat()).isEqualTo(1.5f);
        assertThat(b.getFloat()).isEqualTo(-2f);
        assertThat(b.hasRemaining()).isFalse();
    }

    @Test
    void truncatedFileNamesTheFileAndTheVector() throws IOException {
        Path file = dir.resolve("cut.fvecs");
        VectorFiles.writeFvecs(file, new float[][]{{1, 2, 3}, {4, 5, 6}, {7, 8, 9}});
        byte[] bytes = Files.readAllBytes(file);
        Files.write(file, Arrays.copyOf(bytes, bytes.length - 5));

        assertThatThrownBy(() -> VectorFiles.readFvecs(file))
                .isInstanceOfSatisfying(VectorFileException.class, e -> {
                    assertThat(e.vector()).isEqualTo(2);
                    assertThat(e.file()).isEqualTo(file);
                })
                .hasMessageContaining("cut.fvecs")
                .hasMessageContaining("vector 2 is truncated");
        // A limit that stops before the damage reads fine.
        assertThat(VectorFiles.readFvecs(file, 2)).hasDimensions(2, 3);
    }

    @Test
    void fileEndingInsideAHeaderIsTruncated() throws IOException {
        Path file = dir.resolve("header.ivecs");
        VectorFiles.writeIvecs(file, new int[][]{{1, 2}});
        Files.write(file, new byte[]{1, 0}, java.nio.file.StandardOpenOption.APPEND);
        assertThatThrownBy(() -> VectorFiles.readIvecs(file))
                .isInstanceOf(VectorFileException.class).hasMessageContaining("vector 1 is truncated");
    }

    @Test
    void inconsistentDimensionNamesTheVector() throws IOException {
        Path file = dir.resolve("mixed.fvecs");
        ByteBuffer b = ByteBuffer.allocate(4 + 8 + 4 + 12).order(ByteOrder.LITTLE_ENDIAN);
        b.putInt(2).putFloat(1).putFloat(2).putInt(3).putFloat(1).putFloat(2).putFloat(3);
        Files.write(file, b.array());
        assertThatThrownBy(() -> VectorFiles.readFvecs(file))
                .isInstanceOfSatisfying(VectorFileException.class, e -> assertThat(e.vector()).isEqualTo(1))
                .hasMessageContaining("mixed.fvecs")
                .hasMessageContaining("vector 1 declares dimension 3, the file's first vector has 2");
    }

    @Test
    void implausibleDimensionAndEmptyFileAreRejected() throws IOException {
        Path bad = dir.resolve("bad.fvecs");
        Files.write(bad, ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putInt(-4).putInt(0).array());
        assertThatThrownBy(() -> VectorFiles.readFvecs(bad))
                .isInstanceOf(VectorFileException.class).hasMessageContaining("vector 0 declares dimension -4");
        Path empty = Files.createFile(dir.resolve("empty.ivecs"));
        assertThatThrownBy(() -> VectorFiles.readIvecs(empty))
                .isInstanceOf(VectorFileException.class).hasMessageContaining("empty.ivecs: file is empty");
    }

    @Test
    void writingRaggedOrNoVectorsIsRefusedBeforeTouchingTheFile() {
        Path file = dir.resolve("never.fvecs");
        assertThatThrownBy(() -> VectorFiles.writeFvecs(file, new float[][]{{1, 2}, {3}}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("vector 1 has dimension 1");
        assertThatThrownBy(() -> VectorFiles.writeIvecs(file, new int[0][]))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(file).doesNotExist();
    }
}
