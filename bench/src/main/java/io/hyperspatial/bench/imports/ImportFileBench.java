package io.hyperspatial.bench.imports;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.hyperspatial.core.exports.JsonlExport;
import io.hyperspatial.core.imports.ImportOptions;
import io.hyperspatial.core.imports.ImportReport;
import io.hyperspatial.core.imports.Importer;
import io.hyperspatial.manifold.Collection;
import io.hyperspatial.manifold.Database;
import io.hyperspatial.manifold.DatabaseOptions;
import io.hyperspatial.manifold.StoragePreset;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Comparator;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.stream.Stream;

/**
 * Import throughput: generates (once, seeded) a JSON Lines file in the export format with
 * {@code --count} entities of 5 properties (string, int64, float64, bool, timestamp) and one
 * edge to the previous entity, then imports it with {@link Importer} into a new collection of a
 * new database and prints one JSON line: entities, seconds, entities/s, and the process CPU time
 * per entity (which, unlike the rate, does not depend on what else the machine runs), split into
 * the writing thread's and the parsing thread's. The import ends with a compaction of the
 * collection ({@link Importer}); the rate and CPU figures are up to the last batch, and the
 * compaction's time and the rate including it are reported beside them. Usage:
 * {@code ImportFileBench [--count N] [--batch N] [--file F] [--db DIR] [--preset small|default]}.
 */
public final class ImportFileBench {
    private static final long EPOCH_2024 = 1_704_067_200L;

    private ImportFileBench() {
    }

    public static void main(String[] args) throws IOException {
        int count = 1_000_000;
        int batch = ImportOptions.DEFAULT_BATCH;
        Path file = null;
        Path dbDir = Path.of("bench/target/import-db");
        StoragePreset preset = StoragePreset.DEFAULT;
        for (int i = 0; i < args.length; i += 2) {
            if (args[i].equals("--help") || args[i].equals("-h")) {
                System.out.println("usage: ImportFileBench [--count N] [--batch N] [--file F] [--db DIR] [--preset small|default]");
                return;
            }
            if (i + 1 == args.length) {
                throw new IllegalArgumentException("option " + args[i] + " needs a value");
            }
            String value = args[i + 1];
            switch (args[i]) {
                case "--count" -> count = Integer.parseInt(value.replace("_", ""));
                case "--batch" -> batch = Integer.parseInt(value.replace("_", ""));
                case "--file" -> file = Path.of(value);
                case "--db" -> dbDir = Path.of(value);
                case "--preset" -> preset = StoragePreset.valueOf(value.toUpperCase(Locale.ROOT));
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        if (file == null) {
            file = Path.of("bench/target/import-" + count + ".jsonl");
        }
        if (!Files.exists(file)) {
            log("generating %,d entities into %s", count, file);
            generate(file, count, 42);
        }
        deleteTree(dbDir);
        long bytes = Files.size(file);
        try (Database db = Database.open(dbDir, DatabaseOptions.preset(preset)); Reader in = Files.newBufferedReader(file)) {
            Collection c = db.createCollection("bench");
            ImportOptions options = ImportOptions.exportFormat().withBatchSize(batch);
            log("importing %s (%,d bytes), batches of %,d", file, bytes, batch);
            var os = (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();
            var threads = java.lang.management.ManagementFactory.getThreadMXBean();
            long cpuStart = os.getProcessCpuTime();
            long writerCpuStart = threads.getCurrentThreadCpuTime();
            long start = System.nanoTime();
            // told after each batch, the last time just before the compaction at the end
            long[] lastBatch = new long[3];
            ImportReport report = Importer.run(c, in, options, r -> {
                lastBatch[0] = System.nanoTime();
                lastBatch[1] = os.getProcessCpuTime();
                lastBatch[2] = threads.getCurrentThreadCpuTime();
                if (r.batches() % 20 == 0) {
                    log("%,d entities", r.entitiesWritten());
                }
            });
            long end = System.nanoTime();
            long cpuEnd = os.getProcessCpuTime();
            double seconds = (lastBatch[0] - start) / 1e9;
            double cpuSeconds = (lastBatch[1] - cpuStart) / 1e9;
            double writerCpuSeconds = (lastBatch[2] - writerCpuStart) / 1e9;
            double withCompactSeconds = (end - start) / 1e9;
            long n = report.entitiesWritten();
            System.out.printf(Locale.ROOT, "{\"measurement\":\"import_jsonl\",\"entities\":%d,\"file_bytes\":%d,\"batch\":%d,"
                            + "\"preset\":\"%s\",\"seconds\":%.2f,\"entities_per_s\":%.0f,\"process_cpu_seconds\":%.2f,"
                            + "\"cpu_us_per_entity\":%.1f,\"writer_cpu_us_per_entity\":%.1f,\"parser_cpu_us_per_entity\":%.1f,"
                            + "\"compact_seconds\":%.2f,\"compact_process_cpu_seconds\":%.2f,\"seconds_with_compact\":%.2f,"
                            + "\"entities_per_s_with_compact\":%.0f,\"load_average\":%.2f,\"target_entities_per_s\":200000}%n",
                    n, bytes, batch, preset.name().toLowerCase(Locale.ROOT), seconds, n / seconds, cpuSeconds,
                    cpuSeconds * 1e6 / n, writerCpuSeconds * 1e6 / n, report.readCpuNanos() / 1e3 / n,
                    report.compactMillis() / 1e3, (cpuEnd - lastBatch[1]) / 1e9, withCompactSeconds,
                    n / withCompactSeconds, os.getSystemLoadAverage());
        }
    }

    /** Writes the header and {@code count} entity lines, key {@code item-i}, each with an edge to {@code item-(i-1)}. */
    static void generate(Path file, int count, long seed) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        SplittableRandom random = new SplittableRandom(seed);
        Path partial = file.resolveSibling(file.getFileName() + ".partial");
        try (Writer out = Files.newBufferedWriter(partial, StandardCharsets.UTF_8);
             JsonGenerator g = new JsonFactory().createGenerator(out)) {
            g.setRootValueSeparator(null);
            out.write("{\"format\":\"" + JsonlExport.FORMAT + "\",\"version\":" + JsonlExport.VERSION
                    + ",\"schema\":{\"entity_types\":{\"Item\":{\"count\":\"int64\",\"flag\":\"bool\",\"name\":\"string\","
                    + "\"score\":\"float64\",\"seen\":\"timestamp\"}},\"edge_types\":[\"next\"]}}\n");
            for (int i = 0; i < count; i++) {
                g.writeStartObject();
                g.writeStringField("key", "item-" + i);
                g.writeStringField("type", "Item");
                g.writeObjectFieldStart("properties");
                g.writeNumberField("count", random.nextLong());
                g.writeBooleanField("flag", random.nextBoolean());
                g.writeStringField("name", "item " + Long.toString(random.nextLong(36L * 36 * 36 * 36 * 36 * 36), 36));
                g.writeNumberField("score", random.nextDouble() * 1000);
                g.writeStringField("seen", Instant.ofEpochSecond(EPOCH_2024 + random.nextLong(100_000_000L),
                        random.nextLong(1_000_000) * 1000).toString());
                g.writeEndObject();
                g.writeArrayFieldStart("edges");
                g.writeStartObject();
                g.writeStringField("type", "next");
                g.writeStringField("to", "item-" + (i == 0 ? "root" : Integer.toString(i - 1)));
                g.writeNumberField("weight", (float) random.nextDouble());
                g.writeEndObject();
                g.writeEndArray();
                g.writeEndObject();
                g.flush();
                out.write('\n');
            }
        }
        Files.move(partial, file);
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    private static void log(String format, Object... args) {
        System.err.printf(Locale.ROOT, "[import-bench] %s%n", String.format(Locale.ROOT, format, args));
    }
}
