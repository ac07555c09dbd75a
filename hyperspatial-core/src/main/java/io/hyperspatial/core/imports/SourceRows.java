package io.hyperspatial.core.imports;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.dataformat.csv.CsvFactory;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import io.hyperspatial.core.json.JsonTree;

import java.io.IOException;
import java.io.Reader;
import java.util.Map;

/**
 * The rows of a mapped import's input, each a map of column (or member) name to raw value, with
 * the line it starts on: JSON Lines line by line (a malformed line is one bad row), and a JSON
 * array or CSV with a header row through one streaming parser (where malformed input stops the
 * import, since nothing after it can be trusted). CSV cells are strings; the mapping types them.
 * Not thread-safe.
 */
abstract sealed class SourceRows permits SourceRows.JsonLines, SourceRows.Tokens {
    private static final JsonFactory JSON = JsonFactory.builder().enable(StreamReadFeature.USE_FAST_DOUBLE_PARSER).build();
    private static final CsvFactory CSV = CsvFactory.builder().build();

    /** One row: the line it starts on and its raw values by name. */
    record Row(long line, Map<String, Object> fields) {
    }

    /** The next row, or null at the end. */
    abstract Row next() throws IOException;

    /** Whether an empty value means "absent" (CSV cells) rather than an empty string. */
    abstract boolean emptyIsAbsent();

    static SourceRows of(ImportFormat format, Reader in) throws IOException {
        return switch (format) {
            case JSONL -> new JsonLines(in);
            case JSON -> {
                JsonParser p = JSON.createParser(in);
                if (p.nextToken() != JsonToken.START_ARRAY) {
                    throw new ImportInputException(1, "a JSON import is one array of objects", null);
                }
                yield new Tokens(p, false);
            }
            case CSV -> {
                CsvParser p = CSV.createParser(in);
                p.setSchema(CsvSchema.emptySchema().withHeader());
                yield new Tokens(p, true);
            }
        };
    }

    /** JSON Lines: each line parsed on its own. */
    static final class JsonLines extends SourceRows {
        private final InputLines in;
        private long line;

        JsonLines(Reader in) {
            this.in = new InputLines(in);
        }

        @Override
        Row next() throws IOException {
            do {
                if (!in.next()) {
                    return null;
                }
                line++;
            } while (in.isBlank());
            try (JsonParser p = JSON.createParser(in.chars(), in.start(), in.length())) {
                if (p.nextToken() != JsonToken.START_OBJECT) {
                    throw RowException.invalid(line, null, "expected a JSON object");
                }
                Map<String, Object> fields = JsonTree.object(JsonTree.read(p), "row");
                if (p.nextToken() != null) {
                    throw RowException.invalid(line, null, "more than one JSON value on the line");
                }
                return new Row(line, fields);
            } catch (JsonProcessingException e) {
                throw RowException.invalid(line, null, "malformed JSON: " + e.getOriginalMessage());
            }
        }

        @Override
        boolean emptyIsAbsent() {
            return false;
        }
    }

    /** A stream of objects from one parser: the elements of a JSON array, or CSV records. */
    static final class Tokens extends SourceRows {
        private final JsonParser p;
        private final boolean csv;

        Tokens(JsonParser p, boolean csv) {
            this.p = p;
            this.csv = csv;
        }

        @Override
        Row next() throws IOException {
            long line = p.currentLocation().getLineNr();
            try {
                JsonToken t = p.nextToken();
                // the CSV parser places a record's start on the line before it (where the previous record ended)
                line = p.currentTokenLocation().getLineNr() + (csv ? 1 : 0);
                if (t == null || (!csv && t == JsonToken.END_ARRAY)) {
                    return null;
                }
                if (t != JsonToken.START_OBJECT) {
                    throw new ImportInputException(line, "expected an object, got " + t, null);
                }
                return new Row(line, JsonTree.object(JsonTree.read(p), "row"));
            } catch (JsonProcessingException e) {
                long at = e.getLocation() == null ? line : e.getLocation().getLineNr();
                throw new ImportInputException(at, "malformed " + (csv ? "CSV" : "JSON") + ": " + e.getOriginalMessage(), e);
            }
        }

        @Override
        boolean emptyIsAbsent() {
            return csv;
        }
    }
}
