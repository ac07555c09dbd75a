package io.hyperspatial.core.imports;

import io.hyperspatial.manifold.error.ManifoldException;

/**
 * An import with {@link OnError#FAIL} stopped at a bad row. Nothing of the row's batch was
 * written; the batches before it were (see {@link #report()}: every row through
 * {@code appliedThroughLine}). Carries the row's error code, and its line and field.
 */
public final class ImportFailedException extends ManifoldException {
    private static final long serialVersionUID = 1L;

    private final transient RowError row;
    private final transient ImportReport report;

    public ImportFailedException(RowError row, ImportReport report) {
        super(row.code(), row.field(), row.describe() + "; " + applied(report), null);
        this.row = row;
        this.report = report;
    }

    private static String applied(ImportReport report) {
        return report.batches() == 0 ? "nothing was imported"
                : "nothing of its batch was written; lines 1.." + report.appliedThroughLine() + " were imported ("
                + report.entitiesWritten() + " entities in " + report.batches() + " batches)";
    }

    /** The bad row. */
    public RowError row() {
        return row;
    }

    /** What was imported before the import stopped. */
    public ImportReport report() {
        return report;
    }
}
