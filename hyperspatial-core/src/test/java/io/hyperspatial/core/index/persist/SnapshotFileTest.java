package io.hyperspatial.core.index.persist;

import io.hyperspatial.manifold.error.ErrorCode;
import io.hyperspatial.manifold.error.StorageException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The snapshot container: round trip, crash-safe replacement, and every way a file is rejected. */
class SnapshotFileTest {
    @TempDir
    Path dir;

    /** A payload of every value type, with arrays long enough to cross the output buffer. */
    private record Sample(long l, int i, double d, boolean b, String s, int[] ints, float[] floats) {
        static Sample random(long seed, int n) {
            SplittableRandom r = new SplittableRandom(seed);
            int[] ints = r.ints(n).toArray();
            float[] floats = new float[n];
            for (int k = 0; k < n; k++) {
                floats[k] = (float) r.nextGaussian();
            }
            return new Sample(r.nextLong(), r.nextInt(), r.nextDouble(), r.nextBoolean(), "név ✓ " + seed, ints, floats);
        }

        void write(SnapshotOutput out) throws IOException {
            out.writeLong(l);
            out.writeInt(i);
            out.writeDouble(d);
            out.writeBoolean(b);
            out.writeString(s);
            out.writeInt(ints.length);
            out.writeInts(ints, 0, ints.length);
            out.writeFloats(floats, 0, floats.length);
        }

        static Sample read(SnapshotInput in) {
            long l = in.readLong();
            int i = in.readInt();
            double d = in.readDouble();
            boolean b = in.readBoolean();
            String s = in.readString();
            int n = in.readCount(8, "array length");
            int[] ints = new int[n];
            in.readInts(ints, 0, n);
            float[] floats = new float[n];
            in.readFloats(floats, 0, n);
            return new Sample(l, i, d, b, s, ints, floats);
        }

        void assertEquals(Sample other) {
            assertThat(other.l).isEqualTo(l);
            assertThat(other.i).isEqualTo(i);
            assertThat(other.d).isEqualTo(d);
            assertThat(other.b).isEqualTo(b);
            assertThat(other.s).isEqualTo(s);
            assertThat(Arrays.equals(other.ints, ints)).isTrue();
            assertThat(Arrays.equals(other.floats, floats)).isTrue();
        }
    }

    private Path write(String name, Sample sample) {
        Path file = dir.resolve(name);
        SnapshotFile.write(file, "TEST", 3, sample::write);
        return file;
    }

    @Test
    void aPayloadLargerThanTheBufferRoundTrips() throws IOException {
        Sample sample = Sample.random(1, 700_000);
        Path file = write("big.snap", sample);
        assertThat(Files.size(file)).isEqualTo(SnapshotFile.HEADER_BYTES + 8 + 4 + 8 + 1 + 4
                + sample.s().getBytes(java.nio.charset.StandardCharsets.UTF_8).length + 4 + 8L * 700_000);
        sample.assertEquals(SnapshotFile.read(file, "TEST", 3, Sample::read));
        assertThat(dir.resolve("big.snap.tmp")).doesNotExist();
    }

    @Test
    void aFailedWriteKeepsThePreviousFileAndLeavesNoTemporary() {
        Sample first = Sample.random(2, 10);
        Path file = write("keep.snap", first);
        assertThatThrownBy(() -> SnapshotFile.write(file, "TEST", 3, out -> {
            out.writeLong(1);
            throw new UncheckedIOException(new IOException("disk full"));
        })).isInstanceOf(UncheckedIOException.class);
        assertThatThrownBy(() -> SnapshotFile.write(file, "TEST", 3, out -> {
            throw new IOException("disk full");
        })).isInstanceOfSatisfying(StorageException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.STORAGE_IO))
                .hasMessageContaining("disk full");
        first.assertEquals(SnapshotFile.read(file, "TEST", 3, Sample::read));
        assertThat(dir.resolve("keep.snap.tmp")).doesNotExist();
    }

    @Test
    void aTruncatedFileIsCorrupt() throws IOException {
        Path file = write("cut.snap", Sample.random(3, 1000));
        byte[] bytes = Files.readAllBytes(file);
        for (int length : new int[]{0, 10, SnapshotFile.HEADER_BYTES, bytes.length - 1}) {
            Files.write(file, Arrays.copyOf(bytes, length));
            assertThatThrownBy(() -> SnapshotFile.read(file, "TEST", 3, Sample::read)).as("cut to %d bytes", length)
                    .isInstanceOfSatisfying(StorageException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.CORRUPTION))
                    .hasMessageContaining("truncated");
        }
    }

    @Test
    void aFlippedPayloadByteFailsTheChecksumAndAFlippedHeaderByteTheHeaderChecksum() throws IOException {
        Path file = write("flip.snap", Sample.random(4, 1000));
        byte[] good = Files.readAllBytes(file);
        byte[] payload = good.clone();
        payload[good.length / 2] ^= 0x10;
        Files.write(file, payload);
        assertThatThrownBy(() -> SnapshotFile.read(file, "TEST", 3, Sample::read))
                .isInstanceOfSatisfying(StorageException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.CORRUPTION))
                .hasMessageContaining("payload checksum mismatch");
        byte[] header = good.clone();
        header[13] ^= 0x01;
        Files.write(file, header);
        assertThatThrownBy(() -> SnapshotFile.read(file, "TEST", 3, Sample::read))
                .hasMessageContaining("header checksum mismatch");
        byte[] magic = good.clone();
        magic[0] = 'X';
        Files.write(file, magic);
        assertThatThrownBy(() -> SnapshotFile.read(file, "TEST", 3, Sample::read)).hasMessageContaining("bad magic");
    }

    @Test
    void anotherVersionOrKindIsIncompatible() {
        Path file = write("v3.snap", Sample.random(5, 10));
        assertThatThrownBy(() -> SnapshotFile.read(file, "TEST", 4, Sample::read))
                .isInstanceOfSatisfying(StorageException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INCOMPATIBLE_FORMAT))
                .hasMessageContaining("format version 3; this build reads version 4");
        assertThatThrownBy(() -> SnapshotFile.read(file, "OTHR", 3, Sample::read))
                .isInstanceOfSatisfying(StorageException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INCOMPATIBLE_FORMAT))
                .hasMessageContaining("holds a TEST snapshot, expected OTHR");
    }

    @Test
    void aPayloadThatDoesNotParseIsCorruptNotAnOutOfMemory() {
        Path file = dir.resolve("lies.snap");
        SnapshotFile.write(file, "TEST", 3, out -> {
            out.writeInt(Integer.MAX_VALUE);
            out.writeInt(7);
        });
        assertThatThrownBy(() -> SnapshotFile.read(file, "TEST", 3, in -> new float[in.readCount(4, "vector count")]))
                .isInstanceOfSatisfying(StorageException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.CORRUPTION))
                .hasMessageContaining("vector count of 2147483647");
        assertThatThrownBy(() -> SnapshotFile.read(file, "TEST", 3, SnapshotInput::readInt))
                .hasMessageContaining("4 payload bytes left over");
        assertThatThrownBy(() -> SnapshotFile.read(file, "TEST", 3, in -> in.readLong() + in.readLong()))
                .hasMessageContaining("malformed payload");
    }
}
