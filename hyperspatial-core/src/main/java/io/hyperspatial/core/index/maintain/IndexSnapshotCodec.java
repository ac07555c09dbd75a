package io.hyperspatial.core.index.maintain;

import io.hyperspatial.core.index.IndexConfig;
import io.hyperspatial.core.index.VectorIndex;

import java.nio.file.Path;

/**
 * Writes and reads snapshot files of one kind of {@link VectorIndex}, for {@link IndexSnapshots}.
 * Implementations are stateless and thread-safe; a write must be crash-safe (the previous file
 * survives a failed write) and a read must reject a damaged, foreign or incompatible file with a
 * {@link io.hyperspatial.manifold.error.StorageException} that says why.
 */
public interface IndexSnapshotCodec {

    /** The file name extension of a field's snapshot, e.g. {@code hnsw}. */
    String extension();

    /** Writes {@code index}, covering change-feed {@code sequence}, to {@code file}; returns its size in bytes. */
    long write(VectorIndex index, long sequence, Path file);

    /** Reads a snapshot for an index configured as {@code expected}. */
    StoredIndex read(Path file, IndexConfig expected);

    /**
     * A loaded snapshot.
     *
     * @param sequence the change-feed sequence it covers
     * @param idBound  one past the highest int id it holds
     */
    record StoredIndex(VectorIndex index, long sequence, int idBound) {
    }
}
