package io.hyperspatial.bench.storage;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The JSON report: one object per line (JSON Lines), one line per measurement, written to stdout
 * and, if a file was given, to that file (replaced), each line flushed as it is emitted. Not
 * thread-safe.
 */
final class Report implements AutoCloseable {
    private final BufferedWriter file;

    Report(Path out) {
        try {
            if (out != null && out.toAbsolutePath().getParent() != null) {
                Files.createDirectories(out.toAbsolutePath().getParent());
            }
            this.file = out == null ? null : Files.newBufferedWriter(out, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write report " + out, e);
        }
    }

    void emit(JsonObject measurement) {
        String line = measurement.toString();
        System.out.println(line);
        System.out.flush();
        if (file != null) {
            try {
                file.write(line);
                file.newLine();
                file.flush();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write report", e);
            }
        }
    }

    @Override
    public void close() {
        if (file != null) {
            try {
                file.close();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot close report", e);
            }
        }
    }
}
