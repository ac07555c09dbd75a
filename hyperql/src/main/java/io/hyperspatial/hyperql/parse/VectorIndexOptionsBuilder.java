package io.hyperspatial.hyperql.parse;

import io.hyperspatial.hyperql.error.ErrorCode;
import io.hyperspatial.hyperql.error.HqlSemanticException;
import io.hyperspatial.hyperql.error.HqlSyntaxException;
import io.hyperspatial.hyperql.error.SourcePosition;
import io.hyperspatial.hyperql.parse.HyperQLParser.VectorIndexOptionContext;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Builds the {@code WITH (option = value, ...)} of a {@code VECTOR(n, metric)} column, and the
 * {@code SET (...)} of {@code ALTER TABLE t ALTER COLUMN c}: the options of its approximate (HNSW)
 * index, read and checked alike in both. {@code m} is 2 to {@value #MAX_M}, {@code ef_construction}
 * and {@code ef_search} at least 1 (integers), {@code quantization} one of {@code none},
 * {@code int8}, {@code binary} (a string or a bare word). Each option may be given once. Bad
 * names and values are reported at their line and column; the data source receives them as plain
 * data ({@link Long} or lower-case {@link String}). Stateless.
 */
final class VectorIndexOptionsBuilder {
    static final int MAX_M = 512;
    private static final List<String> NAMES = List.of("m", "ef_construction", "ef_search", "quantization");
    private static final List<String> QUANTIZATIONS = List.of("none", "int8", "binary");

    private VectorIndexOptionsBuilder() {
    }

    static Map<String, Object> build(List<VectorIndexOptionContext> options) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (VectorIndexOptionContext o : options) {
            String name = AstBuilder.identifier(o.name).toLowerCase(Locale.ROOT);
            SourcePosition at = AstBuilder.position(o.name);
            if (!NAMES.contains(name)) {
                throw new HqlSyntaxException("unknown vector index option '" + name + "'; use " + String.join(", ", NAMES), at);
            }
            if (out.containsKey(name)) {
                throw new HqlSyntaxException("vector index option " + name + " is given twice", at);
            }
            out.put(name, name.equals("quantization") ? quantization(o) : integer(o, name, name.equals("m") ? 2 : 1,
                    name.equals("m") ? MAX_M : Integer.MAX_VALUE));
        }
        return out;
    }

    private static String quantization(VectorIndexOptionContext o) {
        String value;
        if (o.STRING_LITERAL() != null) {
            String quoted = o.STRING_LITERAL().getText();
            value = quoted.substring(1, quoted.length() - 1).replace("''", "'");
        } else if (o.word != null) {
            value = AstBuilder.identifier(o.word);
        } else {
            throw new HqlSemanticException(ErrorCode.HQL_TYPE_MISMATCH, "quantization must be none, int8 or binary, got "
                    + o.INTEGER_LITERAL().getText(), AstBuilder.position(o.INTEGER_LITERAL()));
        }
        String q = value.toLowerCase(Locale.ROOT);
        if (!QUANTIZATIONS.contains(q)) {
            throw new HqlSemanticException(ErrorCode.HQL_OUT_OF_RANGE, "quantization must be none, int8 or binary, got '"
                    + value + "'", AstBuilder.position(o.getStop()));
        }
        return q;
    }

    private static long integer(VectorIndexOptionContext o, String name, long min, long max) {
        if (o.INTEGER_LITERAL() == null) {
            throw new HqlSemanticException(ErrorCode.HQL_TYPE_MISMATCH, name + " must be an integer, got "
                    + o.getStop().getText(), AstBuilder.position(o.getStop()));
        }
        SourcePosition at = AstBuilder.position(o.INTEGER_LITERAL());
        long v;
        try {
            v = Long.parseLong(o.INTEGER_LITERAL().getText());
        } catch (NumberFormatException e) {
            v = Long.MAX_VALUE;
        }
        if (v < min || v > max) {
            throw new HqlSemanticException(ErrorCode.HQL_OUT_OF_RANGE, name + " must be in " + min + ".." + max + ", got "
                    + o.INTEGER_LITERAL().getText(), at);
        }
        return v;
    }
}
