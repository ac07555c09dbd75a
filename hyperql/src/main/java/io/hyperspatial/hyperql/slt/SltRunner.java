package io.hyperspatial.hyperql.slt;

import io.hyperspatial.hyperql.Engine;
import io.hyperspatial.hyperql.StatementResult;
import io.hyperspatial.hyperql.error.HqlException;
import io.hyperspatial.hyperql.source.memory.InMemoryDataSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs sqllogictest files, each against a fresh {@link Engine} over an empty {@link InMemoryDataSource},
 * and reports per record whether the outcome matched. A bug that throws something other than an
 * {@link HqlException} fails its record and the run goes on. Not thread-safe.
 */
public final class SltRunner {
    private static final int DEFAULT_HASH_THRESHOLD = 0;

    private SltRunner() {
    }

    /** Runs the file at the path, reporting it under {@code name}. */
    public static SltFileResult run(Path file, String name) throws IOException {
        return run(Files.readAllLines(file, StandardCharsets.UTF_8), name);
    }

    /** Runs the lines of a file. */
    public static SltFileResult run(List<String> lines, String name) {
        Engine engine = new Engine(new InMemoryDataSource());
        int passed = 0;
        int failed = 0;
        int skipped = 0;
        int hashThreshold = DEFAULT_HASH_THRESHOLD;
        Map<String, String> labels = new HashMap<>();
        List<SltFileResult.Failure> failures = new ArrayList<>();
        for (SltRecord record : SltParser.parse(lines)) {
            SltFileResult.Failure failure;
            switch (record) {
                case SltRecord.Halt h -> {
                    return new SltFileResult(name, passed, failed, skipped, failures);
                }
                case SltRecord.HashThreshold t -> {
                    hashThreshold = t.threshold();
                    continue;
                }
                case SltRecord.StatementRecord s -> {
                    if (s.skipped()) {
                        skipped++;
                        continue;
                    }
                    failure = statement(engine, s);
                }
                case SltRecord.QueryRecord q -> {
                    if (q.skipped()) {
                        skipped++;
                        continue;
                    }
                    failure = query(engine, q, hashThreshold, labels);
                }
            }
            if (failure == null) {
                passed++;
            } else {
                failed++;
                failures.add(failure);
            }
        }
        return new SltFileResult(name, passed, failed, skipped, failures);
    }

    private static SltFileResult.Failure statement(Engine engine, SltRecord.StatementRecord s) {
        String error = null;
        try {
            engine.execute(s.sql());
        } catch (RuntimeException e) {
            error = describe(e);
        }
        if (s.expectError() && error == null) {
            return new SltFileResult.Failure(s.line(), s.sql(), "an error", "success");
        }
        if (!s.expectError() && error != null) {
            return new SltFileResult.Failure(s.line(), s.sql(), "success", error);
        }
        return null;
    }

    private static SltFileResult.Failure query(Engine engine, SltRecord.QueryRecord q, int hashThreshold,
                                               Map<String, String> labels) {
        List<String> values;
        try {
            StatementResult result = engine.execute(q.sql());
            if (!(result instanceof StatementResult.Rows rows)) {
                return new SltFileResult.Failure(q.line(), q.sql(), "rows", result.toString());
            }
            if (!q.types().isEmpty() && rows.columns().size() != q.types().length()) {
                return new SltFileResult.Failure(q.line(), q.sql(), q.types().length() + " columns",
                        rows.columns().size() + " columns");
            }
            values = ResultFormat.values(rows.rows(), q.types(), q.sort());
        } catch (RuntimeException e) {
            return new SltFileResult.Failure(q.line(), q.sql(), expectedText(q.expected()), describe(e));
        }
        String hash = ResultFormat.md5(values);
        if (q.label() != null) {
            String previous = labels.putIfAbsent(q.label(), hash);
            if (previous != null && !previous.equals(hash)) {
                return new SltFileResult.Failure(q.line(), q.sql(), "the result of the earlier " + q.label(),
                        values.size() + " values hashing to " + hash);
            }
        }
        boolean matches = switch (q.expected()) {
            case null -> true;
            case SltRecord.Hash h -> h.count() == values.size() && h.md5().equals(hash);
            case SltRecord.Values v -> v.lines().equals(values) || v.lines().equals(rowsAsLines(values, q.types().length()));
        };
        if (matches) {
            return null;
        }
        String actual = hashThreshold > 0 && values.size() > hashThreshold || q.expected() instanceof SltRecord.Hash
                ? values.size() + " values hashing to " + hash + " " + abbreviate(values)
                : String.join(" | ", values);
        return new SltFileResult.Failure(q.line(), q.sql(), expectedText(q.expected()), actual);
    }

    /** The values grouped as rows of space-separated values, the other layout files use. */
    private static List<String> rowsAsLines(List<String> values, int width) {
        List<String> lines = new ArrayList<>();
        if (width <= 0) {
            return lines;
        }
        for (int i = 0; i + width <= values.size(); i += width) {
            lines.add(String.join(" ", values.subList(i, i + width)));
        }
        return lines;
    }

    private static String expectedText(SltRecord.Expected expected) {
        return switch (expected) {
            case null -> "success";
            case SltRecord.Hash h -> h.count() + " values hashing to " + h.md5();
            case SltRecord.Values v -> String.join(" | ", v.lines());
        };
    }

    private static String abbreviate(List<String> values) {
        List<String> head = values.subList(0, Math.min(values.size(), 12));
        return "[" + String.join(" | ", head) + (values.size() > head.size() ? " | ..." : "") + "]";
    }

    private static String describe(RuntimeException e) {
        if (e instanceof HqlException h) {
            return "error: " + h.getMessage() + " [" + h.code().code() + "]";
        }
        return "unexpected " + e;
    }
}
