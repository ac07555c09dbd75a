package io.hyperspatial.cli;

import io.hyperspatial.core.exports.CsvExport;
import io.hyperspatial.core.exports.JsonlExport;
import io.hyperspatial.manifold.Database;
import io.hyperspatial.manifold.ReadView;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.Callable;

/**
 * {@code hyperspatial export}: writes a collection as JSON Lines (see {@link JsonlExport}: a header
 * with the schema, then one entity per line; what {@code hyperspatial import} reads back) or as CSV
 * (see {@link CsvExport}) from one consistent snapshot, to standard output or to a file. A file is written beside its target and
 * renamed into place, so an interrupted export never leaves a truncated file under that name.
 */
@Command(name = "export", description = {"Write a collection as JSON Lines (a schema header, then one entity per line) or CSV.",
        "Each line: key, id, type, properties, vectors, edges (by target key), measures and positions",
        "(graph_position... as Lorentz coordinates, time first). 'hyperspatial import' reads the JSON Lines back."})
final class ExportCommand implements Callable<Integer> {
    /** Output formats. */
    enum Format { JSONL, CSV }

    @Spec
    private CommandSpec spec;

    @Mixin
    private DataDirectory data;

    @Option(names = {"-c", "--collection"}, paramLabel = "NAME", required = true, description = "The collection to export.")
    private String collection;

    @Option(names = {"-f", "--format"}, paramLabel = "FORMAT", defaultValue = "jsonl",
            description = "jsonl (default; lossless, imports back) or csv (property columns, JSON cells).")
    private Format format;

    @Option(names = {"-o", "--out"}, paramLabel = "FILE", description = "Write here instead of standard output.")
    private Path file;

    @Override
    public Integer call() throws IOException {
        try (Database db = data.openExisting(); ReadView view = db.collection(collection).snapshot()) {
            if (file == null) {
                PrintWriter out = spec.commandLine().getOut();
                write(view, out);
                out.flush();
                return 0;
            }
            Path absolute = file.toAbsolutePath();
            Path partial = absolute.resolveSibling(absolute.getFileName() + ".partial");
            long n;
            try (Writer out = Files.newBufferedWriter(partial, StandardCharsets.UTF_8)) {
                n = write(view, out);
            } catch (RuntimeException | IOException e) {
                Files.deleteIfExists(partial);
                throw e;
            }
            Files.move(partial, absolute, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            spec.commandLine().getErr().println("exported " + n + " entities of '" + collection + "' to " + absolute);
            return 0;
        }
    }

    private long write(ReadView view, Writer out) {
        return switch (format) {
            case JSONL -> JsonlExport.write(view, out);
            case CSV -> CsvExport.write(view, out);
        };
    }
}
