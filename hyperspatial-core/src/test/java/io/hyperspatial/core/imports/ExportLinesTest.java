package io.hyperspatial.core.imports;

import io.hyperspatial.manifold.Collection;
import io.hyperspatial.manifold.Database;
import io.hyperspatial.manifold.DatabaseOptions;
import io.hyperspatial.manifold.StoragePreset;
import io.hyperspatial.manifold.error.ErrorCode;
import io.hyperspatial.manifold.value.Value;
import io.hyperspatial.manifold.value.ValueType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Export lines read property values typed as they go when the type comes first (as exports write
 * it), and raw otherwise; both must give the same values and the same errors.
 */
class ExportLinesTest {
    private static final List<String> NAMES = List.of("s", "i", "f", "b", "t", "l", "m", "y", "unknown");
    private static final List<String> VALUES = List.of("\"text\"", "\"\"", "5", "-3", "\"42\"", "\" 7 \"", "1.5", "1e400",
            "-1e400", "\"NaN\"", "\"Infinity\"", "true", "false", "\"true\"", "null", "[1, \"a\", null]", "{\"a\": [1.5]}",
            "\"[1, 2]\"", "\"2026-01-02T03:04:05.123456789Z\"", "\"2026-13-02T03:04:05Z\"", "\"+100000000-01-01T00:00:00Z\"",
            "\"2026-01-02T03:04:05+02:00\"", "\"aGVsbG8=\"", "\"%%\"", "123456789012345678901234", "0.1e-400");

    @TempDir
    Path dir;
    private Database db;
    private Collection c;

    @BeforeEach
    void open() {
        db = Database.open(dir, DatabaseOptions.preset(StoragePreset.SMALL));
        c = db.createCollection("lines");
        c.updateSchema(s -> s.entityType("T", Map.of("s", ValueType.STRING, "i", ValueType.INT64, "f", ValueType.FLOAT64,
                "b", ValueType.BOOL, "t", ValueType.TIMESTAMP, "l", ValueType.LIST, "m", ValueType.MAP, "y", ValueType.BYTES)));
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void propertiesReadBeforeOrAfterTheTypeGiveTheSameValuesAndTheSameErrors() throws IOException {
        SplittableRandom random = new SplittableRandom(20261121);
        int errors = 0;
        for (int n = 0; n < 2_000; n++) {
            StringBuilder properties = new StringBuilder("{");
            int count = random.nextInt(5);
            for (int i = 0; i < count; i++) {
                properties.append(i == 0 ? "" : ", ").append('"').append(NAMES.get(random.nextInt(NAMES.size())))
                        .append("\": ").append(VALUES.get(random.nextInt(VALUES.size())));
            }
            properties.append('}');
            String typeFirst = "{\"key\": \"k\", \"type\": \"T\", \"properties\": " + properties + "}";
            String typeAfter = "{\"key\": \"k\", \"properties\": " + properties + ", \"type\": \"T\"}";
            Object first = read(typeFirst);
            Object after = read(typeAfter);
            assertThat(first).as(typeFirst).isEqualTo(after);
            if (first instanceof RowError) {
                errors++;
            }
        }
        assertThat(errors).as("bad rows among the random ones").isBetween(200, 1_900);
    }

    @Test
    void valuesTypedAsTheyAreReadAreThoseOfTheSchema() throws IOException {
        Object read = read("{\"key\": \"k\", \"type\": \"T\", \"properties\": {\"s\": \"x\", \"i\": 7, \"f\": 2, \"b\": true,"
                + " \"t\": \"2026-01-02T03:04:05.5Z\", \"y\": \"aGk=\", \"l\": [1], \"s\": \"last\"}}");
        assertThat(read).isEqualTo(Map.of("s", Value.of("last"), "i", Value.of(7L), "f", Value.of(2.0), "b", Value.of(true),
                "t", Value.of(Instant.parse("2026-01-02T03:04:05.5Z")), "y", Value.of("hi".getBytes()),
                "l", Value.list(List.of(Value.of(1L)))));
    }

    @Test
    void aNonFiniteNumberIsRefusedWithTheSchemasCode() throws IOException {
        Object read = read("{\"key\": \"k\", \"type\": \"T\", \"properties\": {\"s\": \"x\", \"f\": 1e400}}");
        assertThat(read).isInstanceOfSatisfying(RowError.class, e -> {
            assertThat(e.field()).isEqualTo("properties.f");
            assertThat(e.code()).isEqualTo(ErrorCode.NON_FINITE_VALUE);
        });
    }

    @Test
    void aTypeGivenTwiceIsABadRow() throws IOException {
        Object read = read("{\"key\": \"k\", \"type\": \"T\", \"properties\": {\"s\": \"x\"}, \"type\": \"T\"}");
        assertThat(read).isInstanceOfSatisfying(RowError.class, e -> {
            assertThat(e.line()).isEqualTo(1);
            assertThat(e.field()).isEqualTo("type");
            assertThat(e.reason()).contains("given twice");
        });
    }

    /** The properties of the line's entity, or its row error. */
    private Object read(String line) throws IOException {
        ExportLines lines = new ExportLines(new BufferedReader(new StringReader(line)), c::schema, s -> {
        });
        try {
            return lines.next().properties();
        } catch (RowException e) {
            return e.error();
        }
    }
}
