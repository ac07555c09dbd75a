package io.hyperspatial.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import io.hyperspatial.cli.output.ProgressLine;
import io.hyperspatial.core.imports.ImportFailedException;
import io.hyperspatial.core.imports.ImportFormat;
import io.hyperspatial.core.imports.ImportMapping;
import io.hyperspatial.core.imports.ImportOptions;
import io.hyperspatial.core.imports.ImportReport;
import io.hyperspatial.core.imports.Importer;
import io.hyperspatial.core.imports.OnError;
import io.hyperspatial.core.imports.RowError;
import io.hyperspatial.core.json.JsonTree;
import io.hyperspatial.manifold.Collection;
import io.hyperspatial.manifold.Database;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/**
 * {@code hyperspatial import}: reads CSV, JSON or JSON Lines into a collection through a mapping
 * (a JSON file, or the same given as flags), or JSON Lines in the export format as is. Shows a
 * progress line over the bytes of the file; prints what was imported and every skipped row; a
 * failed import prints the bad row and what was applied, exit 2. See {@link Importer} for what is
 * atomic.
 */
@Command(name = "import", description = {"Import CSV, JSON or JSON Lines into a collection.",
        "Without a mapping, JSON Lines in the export format ('hyperspatial export') import as they are.",
        "Batches are atomic and durable when reported; see docs/cli.md for the mapping."})
final class ImportCommand implements Callable<Integer> {
    private static final int LISTED = 20;

    @Spec
    private CommandSpec spec;

    @Mixin
    private DataDirectory data;

    @Option(names = {"-c", "--collection"}, paramLabel = "NAME", required = true, description = "The collection to import into.")
    private String collection;

    @Option(names = {"-f", "--format"}, paramLabel = "FORMAT", defaultValue = "jsonl",
            description = "jsonl (default), json (one array of objects) or csv (with a header row).")
    private ImportFormat format;

    @Parameters(paramLabel = "FILE", description = "The input file, or - for standard input.")
    private String file;

    @ArgGroup(exclusive = true)
    private MappingSource mapping;

    /** The mapping from a file, or given as flags. */
    static final class MappingSource {
        @Option(names = "--mapping", paramLabel = "FILE", description = "A JSON mapping file (see docs/cli.md).")
        Path file;

        @ArgGroup(exclusive = false)
        MappingFlags flags;
    }

    /** The mapping as flags. */
    static final class MappingFlags {
        @Option(names = "--key", paramLabel = "COLUMN", required = true, description = "The column holding each entity's key.")
        String key;

        @Option(names = "--type", paramLabel = "TYPE", description = "The entity type of every row.")
        String type;

        @Option(names = "--type-column", paramLabel = "COLUMN", description = "The column holding each row's entity type.")
        String typeColumn;

        @Option(names = "--property", paramLabel = "NAME:TYPE[:COLUMN]", description = "A typed property column (repeatable).")
        List<String> properties = new ArrayList<>();

        @Option(names = "--vector", paramLabel = "COLUMN:FIELD[:DIM:METRIC]",
                description = "A dense vector column; DIM and METRIC declare a new field (repeatable).")
        List<String> vectors = new ArrayList<>();

        @Option(names = "--edge", paramLabel = "COLUMN:TYPE[:WEIGHT_COLUMN]",
                description = "A column of target keys, edges of TYPE (repeatable).")
        List<String> edges = new ArrayList<>();

        @Option(names = "--delimiter", paramLabel = "TEXT", description = "Separates several edge targets in one CSV cell (default ;).")
        String delimiter;
    }

    @Option(names = "--on-error", paramLabel = "MODE", defaultValue = "fail",
            description = "fail (default: stop at the first bad row, nothing of its batch written) or skip (import the rest).")
    private OnError onError;

    @Option(names = "--create", description = "Create the collection if it does not exist.")
    private boolean create;

    @Option(names = "--batch-size", paramLabel = "ROWS", defaultValue = "" + ImportOptions.DEFAULT_BATCH,
            description = "Rows per atomic batch (default: ${DEFAULT-VALUE}).")
    private int batchSize;

    @Option(names = "--no-compact", description = {"Do not compact the collection after the last batch (compacting makes a fresh",
            "import read through one sorted run; it rewrites the whole collection, so a small import into a large one may skip it)."})
    private boolean noCompact;

    @Override
    public Integer call() throws IOException {
        ImportOptions options = options();
        boolean stdin = file.equals("-");
        Path path = stdin ? null : Path.of(file);
        if (path != null && !Files.isRegularFile(path)) {
            throw new CommandFailure("no file " + file);
        }
        PrintWriter err = spec.commandLine().getErr();
        try (Database db = create ? data.openOrCreate() : data.openExisting();
             CountingStream counted = new CountingStream(stdin ? System.in : Files.newInputStream(path));
             Reader in = new InputStreamReader(counted, StandardCharsets.UTF_8)) {
            Collection target = create ? db.getOrCreateCollection(collection) : db.collection(collection);
            // standard input has no known size: no progress line
            ProgressLine progress = stdin ? null : ProgressLine.onStderr(err, "importing", "bytes", Files.size(path));
            ImportReport report;
            try {
                report = Importer.run(target, in, options, r -> {
                    if (progress != null) {
                        progress.update(counted.count());
                    }
                });
            } catch (ImportFailedException e) {
                finish(progress);
                listSkipped(err, e.report());
                throw e;
            }
            finish(progress);
            spec.commandLine().getOut().println("imported " + report.entitiesWritten() + " entities into '" + collection
                    + "' (" + report.rowsRead() + " rows, " + report.batches() + " batches, " + report.skippedCount()
                    + " skipped)");
            if (report.compacted()) {
                spec.commandLine().getOut().println(String.format(Locale.ROOT, "compacted '%s' in %.1f s", collection,
                        report.compactMillis() / 1e3));
            }
            listSkipped(err, report);
            return 0;
        }
    }

    private ImportOptions options() throws IOException {
        ImportMapping m = null;
        try {
            if (mapping != null && mapping.file != null) {
                try (JsonParser p = new JsonFactory().createParser(mapping.file.toFile())) {
                    m = ImportMapping.fromJson(JsonTree.read(p));
                }
            } else if (mapping != null) {
                MappingFlags f = mapping.flags;
                m = new ImportMapping(f.key, f.type, f.typeColumn, f.properties.stream().map(ImportMapping::property).toList(),
                        f.vectors.stream().map(ImportMapping::vector).toList(), f.edges.stream().map(ImportMapping::edge).toList(),
                        f.delimiter);
            }
            return new ImportOptions(format, m, onError, batchSize, !noCompact);
        } catch (IllegalArgumentException e) {
            throw new CommandFailure("bad mapping: " + e.getMessage());
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new CommandFailure("bad mapping file " + mapping.file + ": " + e.getOriginalMessage());
        }
    }

    private static void finish(ProgressLine progress) {
        if (progress != null) {
            progress.finish();
        }
    }

    private static void listSkipped(PrintWriter err, ImportReport report) {
        List<RowError> skipped = report.skipped();
        for (int i = 0; i < Math.min(LISTED, skipped.size()); i++) {
            err.println("skipped " + skipped.get(i).describe());
        }
        if (report.skippedCount() > LISTED) {
            err.println(String.format(Locale.ROOT, "... and %d more skipped rows", report.skippedCount() - LISTED));
        }
        err.flush();
    }

    /** Counts the bytes read through it, for the progress line. */
    private static final class CountingStream extends FilterInputStream {
        private volatile long count;

        CountingStream(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count++;
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                count += n;
            }
            return n;
        }

        long count() {
            return count;
        }
    }
}
