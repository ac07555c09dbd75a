package io.hyperspatial.core.imports;

import java.util.List;

/**
 * What an import did: rows read, entities written, batches committed, the last line of the last
 * committed batch (every row up to it is applied, except those skipped), the rows skipped (the
 * first {@link Importer#MAX_LISTED_ERRORS} listed, all counted) and the change-feed sequence of
 * the last commit; and {@code readCpuNanos}, the CPU time of the thread that read, parsed and
 * checked the rows (what an import spends apart from writing; -1 where the JVM cannot measure it);
 * and {@code compactMillis}, how long the compaction at the end took (-1: none ran, because the
 * options said not to or the import has not finished).
 */
public record ImportReport(long rowsRead, long entitiesWritten, long batches, long appliedThroughLine,
                           long skippedCount, List<RowError> skipped, long sequence, long readCpuNanos,
                           long compactMillis) {
    public ImportReport {
        skipped = List.copyOf(skipped);
    }

    /** Whether the collection was compacted at the end of the import. */
    public boolean compacted() {
        return compactMillis >= 0;
    }
}
