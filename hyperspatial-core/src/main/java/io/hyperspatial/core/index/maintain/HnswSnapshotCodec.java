package io.hyperspatial.core.index.maintain;

import io.hyperspatial.core.index.IndexConfig;
import io.hyperspatial.core.index.VectorIndex;
import io.hyperspatial.core.index.hnsw.HnswIndex;
import io.hyperspatial.core.index.hnsw.HnswSnapshot;

import java.nio.file.Path;

/**
 * {@link HnswSnapshot} files ({@code FIELD.hnsw}) for {@link HnswIndex} field indexes; a loaded
 * quantized index maps its full-precision vectors from a file in the codec's vector directory.
 * Thread-safe.
 */
public final class HnswSnapshotCodec implements IndexSnapshotCodec {
    /** Loads quantized indexes' vectors into the temporary directory. */
    public static final HnswSnapshotCodec INSTANCE = new HnswSnapshotCodec(null);

    private final Path vectorDirectory;

    private HnswSnapshotCodec(Path vectorDirectory) {
        this.vectorDirectory = vectorDirectory;
    }

    /** A codec whose loaded indexes map their vectors from files in {@code vectorDirectory}. */
    public static HnswSnapshotCodec withVectorDirectory(Path vectorDirectory) {
        return new HnswSnapshotCodec(vectorDirectory);
    }

    @Override
    public String extension() {
        return "hnsw";
    }

    @Override
    public long write(VectorIndex index, long sequence, Path file) {
        if (!(index instanceof HnswIndex hnsw)) {
            throw new IllegalArgumentException("HNSW snapshots hold HnswIndex indexes, not " + index.getClass().getName());
        }
        return HnswSnapshot.write(hnsw, sequence, file);
    }

    @Override
    public StoredIndex read(Path file, IndexConfig expected) {
        HnswSnapshot.Loaded loaded = HnswSnapshot.read(file, expected, vectorDirectory);
        return new StoredIndex(loaded.index(), loaded.sequence(), loaded.idBound());
    }
}
