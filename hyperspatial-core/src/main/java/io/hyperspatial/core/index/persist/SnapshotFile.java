package io.hyperspatial.core.index.persist;

import io.hyperspatial.manifold.error.ErrorCode;
import io.hyperspatial.manifold.error.StorageException;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.zip.CRC32C;

/**
 * The container every index snapshot file uses: a 32-byte header, then the payload its kind
 * defines. Header, little-endian:
 * <pre>
 *   0  magic "HSSNAP\r\n"          8 bytes
 *   8  kind, 4 ASCII bytes         e.g. "HNSW", "ORDS"
 *  12  version of the kind's format int32
 *  16  payload length in bytes     int64
 *  24  CRC32C of the payload       int32
 *  28  CRC32C of bytes 0..27       int32
 * </pre>
 *
 * <p><b>Writing is crash-safe.</b> The payload streams into {@code NAME.tmp} in the target's
 * directory, the header is written last, the file is fsynced, renamed over the target atomically
 * and the directory fsynced. A crash at any point leaves either the previous snapshot or the new
 * one, never a mix; a stale {@code .tmp} is overwritten by the next write.
 *
 * <p><b>Reading verifies before parsing.</b> The file is mapped; magic, header checksum, kind,
 * version, length and payload checksum are checked in that order, and the first that fails is
 * reported as a {@link StorageException} naming the file: {@link ErrorCode#CORRUPTION} for a
 * damaged or truncated file, {@link ErrorCode#INCOMPATIBLE_FORMAT} for another kind or version.
 * Only then does the kind's parser run; a payload it cannot parse, or leaves bytes of, is
 * corruption too. Nothing is returned from a file that fails any check.
 *
 * <p>Stateless and thread-safe; concurrent writes of the same target must be serialised by the
 * caller (they share the temporary file).
 */
public final class SnapshotFile {
    /** Bytes before the payload. */
    public static final int HEADER_BYTES = 32;
    private static final byte[] MAGIC = "HSSNAP\r\n".getBytes(StandardCharsets.US_ASCII);
    private static final long CRC_SLICE = 1L << 30;

    private SnapshotFile() {
    }

    /** Writes a payload; may throw {@link IOException} from the output. */
    @FunctionalInterface
    public interface PayloadWriter {
        void write(SnapshotOutput out) throws IOException;
    }

    /** Parses a verified payload into a value. */
    @FunctionalInterface
    public interface PayloadReader<T> {
        T read(SnapshotInput in);
    }

    /** Parses a verified payload of one of several format versions into a value. */
    @FunctionalInterface
    public interface VersionedPayloadReader<T> {
        T read(SnapshotInput in, int version);
    }

    /**
     * Writes a snapshot of {@code kind} and {@code version} to {@code target} crash-safely and
     * returns the file's size in bytes.
     *
     * @throws StorageException {@link ErrorCode#STORAGE_IO} if the file cannot be written; the
     *                          previous file at {@code target}, if any, is then untouched
     */
    public static long write(Path target, String kind, int version, PayloadWriter payload) {
        byte[] tag = tag(kind);
        Path dir = target.toAbsolutePath().getParent();
        Path tmp = dir.resolve(target.getFileName() + ".tmp");
        try {
            Files.createDirectories(dir);
            long length;
            try (FileChannel channel = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING)) {
                channel.position(HEADER_BYTES);
                SnapshotOutput out = new SnapshotOutput(channel);
                payload.write(out);
                int crc = out.finish();
                length = out.size();
                ByteBuffer header = header(tag, version, length, crc);
                long at = 0;
                while (header.hasRemaining()) {
                    at += channel.write(header, at);
                }
                channel.force(true);
            }
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            syncDirectory(dir);
            return HEADER_BYTES + length;
        } catch (IOException e) {
            deleteQuietly(tmp);
            throw new StorageException(ErrorCode.STORAGE_IO, "cannot write snapshot " + target + ": " + e, e);
        } catch (RuntimeException | Error e) {
            deleteQuietly(tmp);
            throw e;
        }
    }

    /**
     * Verifies a snapshot file of {@code kind} and {@code version} and parses its payload.
     *
     * @throws StorageException {@link ErrorCode#CORRUPTION}, {@link ErrorCode#INCOMPATIBLE_FORMAT}
     *                          or {@link ErrorCode#STORAGE_IO}, with the reason and the file
     */
    public static <T> T read(Path file, String kind, int version, PayloadReader<T> parser) {
        return read(file, kind, version, version, (in, stored) -> parser.read(in));
    }

    /**
     * Verifies a snapshot file of {@code kind} in any format version from {@code oldest} to
     * {@code newest} and parses its payload, telling the parser the file's version.
     *
     * @throws StorageException as {@link #read(Path, String, int, PayloadReader)}; a version
     *                          outside the range is {@link ErrorCode#INCOMPATIBLE_FORMAT}
     */
    public static <T> T read(Path file, String kind, int oldest, int newest, VersionedPayloadReader<T> parser) {
        byte[] tag = tag(kind);
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ); Arena arena = Arena.ofConfined()) {
            long size = channel.size();
            if (size < HEADER_BYTES) {
                throw corrupt(file, "truncated: " + size + " bytes, shorter than the " + HEADER_BYTES + "-byte header");
            }
            ByteBuffer header = ByteBuffer.allocate(HEADER_BYTES).order(ByteOrder.LITTLE_ENDIAN);
            while (header.hasRemaining()) {
                if (channel.read(header, header.position()) < 0) {
                    throw corrupt(file, "truncated header");
                }
            }
            header.flip();
            long length = checkHeader(file, header, tag, oldest, newest, size);
            int storedCrc = header.getInt(24);
            MemorySegment payload = length == 0 ? MemorySegment.ofArray(new byte[0])
                    : channel.map(FileChannel.MapMode.READ_ONLY, HEADER_BYTES, length, arena);
            int actualCrc = crc32c(payload);
            if (actualCrc != storedCrc) {
                throw corrupt(file, "payload checksum mismatch (stored " + Integer.toHexString(storedCrc)
                        + ", computed " + Integer.toHexString(actualCrc) + ")");
            }
            SnapshotInput in = new SnapshotInput(payload);
            T value;
            try {
                value = parser.read(in, header.getInt(12));
            } catch (MalformedSnapshotException e) {
                throw corrupt(file, "malformed payload: " + e.getMessage());
            }
            if (in.remaining() != 0) {
                throw corrupt(file, in.remaining() + " payload bytes left over after parsing");
            }
            return value;
        } catch (AccessDeniedException e) {
            throw new StorageException(ErrorCode.STORAGE_IO, "cannot read snapshot " + file + ": access denied", e);
        } catch (IOException e) {
            throw new StorageException(ErrorCode.STORAGE_IO, "cannot read snapshot " + file + ": " + e, e);
        }
    }

    /** Checks everything in the header; returns the payload length. */
    private static long checkHeader(Path file, ByteBuffer header, byte[] tag, int oldest, int newest, long size) {
        byte[] magic = new byte[MAGIC.length];
        header.get(0, magic);
        if (!Arrays.equals(magic, MAGIC)) {
            throw corrupt(file, "not a Hyperspatial snapshot (bad magic)");
        }
        CRC32C crc = new CRC32C();
        crc.update(header.duplicate().limit(28));
        if ((int) crc.getValue() != header.getInt(28)) {
            throw corrupt(file, "header checksum mismatch");
        }
        byte[] kind = new byte[4];
        header.get(8, kind);
        if (!Arrays.equals(kind, tag)) {
            throw new StorageException(ErrorCode.INCOMPATIBLE_FORMAT, "snapshot " + file + " holds a "
                    + new String(kind, StandardCharsets.US_ASCII) + " snapshot, expected " + new String(tag, StandardCharsets.US_ASCII));
        }
        int stored = header.getInt(12);
        if (stored < oldest || stored > newest) {
            throw new StorageException(ErrorCode.INCOMPATIBLE_FORMAT, "snapshot " + file + " has format version "
                    + stored + "; this build reads " + (oldest == newest ? "version " + newest
                    : "versions " + oldest + " to " + newest));
        }
        long length = header.getLong(16);
        if (length != size - HEADER_BYTES) {
            throw corrupt(file, "truncated or extended: the header says " + length + " payload bytes, the file holds "
                    + (size - HEADER_BYTES));
        }
        return length;
    }

    private static ByteBuffer header(byte[] tag, int version, long length, int payloadCrc) {
        ByteBuffer h = ByteBuffer.allocate(HEADER_BYTES).order(ByteOrder.LITTLE_ENDIAN);
        h.put(MAGIC).put(tag).putInt(version).putLong(length).putInt(payloadCrc);
        CRC32C crc = new CRC32C();
        crc.update(h.array(), 0, 28);
        h.putInt((int) crc.getValue());
        return h.flip();
    }

    private static int crc32c(MemorySegment payload) {
        CRC32C crc = new CRC32C();
        for (long at = 0; at < payload.byteSize(); at += CRC_SLICE) {
            crc.update(payload.asSlice(at, Math.min(CRC_SLICE, payload.byteSize() - at)).asByteBuffer());
        }
        return (int) crc.getValue();
    }

    private static byte[] tag(String kind) {
        byte[] tag = kind.getBytes(StandardCharsets.US_ASCII);
        if (tag.length != 4) {
            throw new IllegalArgumentException("a snapshot kind is 4 ASCII characters, got '" + kind + "'");
        }
        return tag;
    }

    private static StorageException corrupt(Path file, String reason) {
        return new StorageException(ErrorCode.CORRUPTION, "snapshot " + file + " is corrupt: " + reason);
    }

    /** fsyncs a directory so a rename in it is durable; file systems that cannot are skipped. */
    private static void syncDirectory(Path dir) throws IOException {
        try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (AccessDeniedException | UnsupportedOperationException e) {
            // some platforms (Windows) cannot open a directory for reading; the rename stands as the platform made it
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // a leftover .tmp is overwritten by the next write
        }
    }
}
