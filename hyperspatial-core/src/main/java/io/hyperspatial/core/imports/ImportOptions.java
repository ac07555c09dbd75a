package io.hyperspatial.core.imports;

/**
 * How to import: the input's format, the mapping (null: JSON Lines in the export format, imported
 * as is), what to do with bad rows, how many rows one batch (one transaction) holds, and whether
 * to compact the collection once the last batch is written ({@link Importer}).
 */
public record ImportOptions(ImportFormat format, ImportMapping mapping, OnError onError, int batchSize, boolean compact) {
    /** Rows per batch unless told otherwise. */
    public static final int DEFAULT_BATCH = 10_000;

    public ImportOptions {
        if (format == null || onError == null) {
            throw new IllegalArgumentException("format and on-error are required");
        }
        if (mapping == null && format != ImportFormat.JSONL) {
            throw new IllegalArgumentException("a " + format.name().toLowerCase(java.util.Locale.ROOT)
                    + " import needs a mapping (only JSON Lines in the export format import without one)");
        }
        if (batchSize < 1) {
            throw new IllegalArgumentException("batch size must be at least 1, got " + batchSize);
        }
    }

    /** Options that compact at the end. */
    public ImportOptions(ImportFormat format, ImportMapping mapping, OnError onError, int batchSize) {
        this(format, mapping, onError, batchSize, true);
    }

    /** The export format (JSON Lines, no mapping), failing at the first bad row, compacting at the end. */
    public static ImportOptions exportFormat() {
        return new ImportOptions(ImportFormat.JSONL, null, OnError.FAIL, DEFAULT_BATCH);
    }

    public ImportOptions withOnError(OnError onError) {
        return new ImportOptions(format, mapping, onError, batchSize, compact);
    }

    public ImportOptions withBatchSize(int batchSize) {
        return new ImportOptions(format, mapping, onError, batchSize, compact);
    }

    public ImportOptions withCompact(boolean compact) {
        return new ImportOptions(format, mapping, onError, batchSize, compact);
    }
}
