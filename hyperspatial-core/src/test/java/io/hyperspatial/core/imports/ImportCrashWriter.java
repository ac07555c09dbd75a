package io.hyperspatial.core.imports;

import io.hyperspatial.core.exports.JsonlExport;
import io.hyperspatial.manifold.Collection;
import io.hyperspatial.manifold.Database;
import io.hyperspatial.manifold.DatabaseOptions;
import io.hyperspatial.manifold.StoragePreset;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * The child process of {@link ImportCrashTest}: imports an endless generated export-format stream
 * (entity {@code e<n>} on line {@code n + 2}, with five properties and an edge to {@code e<n+1>},
 * a forward reference) into collection {@value #COLLECTION} in batches of {@value #BATCH}, and
 * after each committed batch prints {@code DONE <entities written> <applied through line>}.
 * Usage: {@code ImportCrashWriter <database dir>}; it is killed, or stops after a million entities.
 */
public final class ImportCrashWriter {
    static final String COLLECTION = "imported";
    static final int BATCH = 500;
    static final int LIMIT = 1_000_000;

    private ImportCrashWriter() {
    }

    public static void main(String[] args) {
        PrintStream out = new PrintStream(new FileOutputStream(FileDescriptor.out), false, StandardCharsets.UTF_8);
        try (Database db = Database.open(Path.of(args[0]), DatabaseOptions.preset(StoragePreset.SMALL))) {
            Collection c = db.getOrCreateCollection(COLLECTION);
            Importer.run(c, new Generated(), ImportOptions.exportFormat().withBatchSize(BATCH), r -> {
                out.print("DONE " + r.entitiesWritten() + " " + r.appliedThroughLine() + "\n");
                out.flush();
            });
        }
    }

    static String line(long n) {
        return "{\"key\":\"e" + n + "\",\"type\":\"Item\",\"properties\":{\"n\":" + n + ",\"name\":\"item " + n
                + "\",\"half\":" + (n / 2.0) + ",\"even\":" + (n % 2 == 0) + ",\"seen\":\"2026-01-01T00:00:00Z\"},"
                + "\"edges\":[{\"type\":\"next\",\"to\":\"e" + (n + 1) + "\",\"weight\":1.0}]}\n";
    }

    /** The header, then {@value #LIMIT} entity lines, made as they are read. */
    private static final class Generated extends Reader {
        private final StringBuilder pending = new StringBuilder("{\"format\":\"" + JsonlExport.FORMAT + "\",\"version\":"
                + JsonlExport.VERSION + ",\"schema\":{\"entity_types\":{\"Item\":{\"even\":\"bool\",\"half\":\"float64\","
                + "\"n\":\"int64\",\"name\":\"string\",\"seen\":\"timestamp\"}},\"edge_types\":[\"next\"]}}\n");
        private long next;

        @Override
        public int read(char[] buf, int off, int len) {
            while (pending.length() < len && next < LIMIT) {
                pending.append(line(next++));
            }
            if (pending.isEmpty()) {
                return -1;
            }
            int n = Math.min(len, pending.length());
            pending.getChars(0, n, buf, off);
            pending.delete(0, n);
            return n;
        }

        @Override
        public void close() {
        }
    }
}
