package io.hyperspatial.cli.repl;

import io.hyperspatial.cli.schema.CollectionSchema;
import org.jline.reader.Candidate;
import org.jline.reader.Completer;
import org.jline.reader.LineReader;
import org.jline.reader.ParsedLine;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Tab completion from the grammar and the collection's schema: after {@code FROM}, {@code JOIN},
 * {@code INTO}, {@code UPDATE} and {@code TABLE} only table names;
 * after {@code table.} that table's columns; at the start of a line the dot-commands too, and a
 * table name after {@code .schema}; elsewhere keywords, table and column names and type names.
 * Matching the typed prefix (case-insensitively) is left to the line reader. Reads the schema
 * through the supplier on every completion; stateless otherwise.
 */
final class HyperQLCompleter implements Completer {
    private static final Set<String> BEFORE_TABLE = Set.of("FROM", "JOIN", "INTO", "UPDATE", "TABLE");

    private final Supplier<CollectionSchema> schema;

    HyperQLCompleter(Supplier<CollectionSchema> schema) {
        this.schema = schema;
    }

    @Override
    public void complete(LineReader reader, ParsedLine line, List<Candidate> candidates) {
        String word = line.word();
        List<String> before = line.words().subList(0, line.wordIndex());
        CollectionSchema s = schema.get();
        if (before.isEmpty() && word.startsWith(".")) {
            Vocabulary.DOT_COMMANDS.forEach(c -> candidates.add(candidate(c[0], "command", c[2])));
            return;
        }
        if (!before.isEmpty() && before.getFirst().equalsIgnoreCase(".schema")) {
            s.tables().forEach(t -> candidates.add(candidate(t.name(), "table", null)));
            return;
        }
        int dot = word.lastIndexOf('.');
        if (dot > 0) {
            String qualifier = word.substring(0, dot);
            s.table(qualifier).ifPresent(t -> t.columns().forEach(c ->
                    candidates.add(candidate(qualifier + "." + c.name(), "column", c.type()))));
            return;
        }
        String previous = before.isEmpty() ? "" : before.getLast().toUpperCase(Locale.ROOT);
        s.tables().forEach(t -> candidates.add(candidate(t.name(), "table", null)));
        if (BEFORE_TABLE.contains(previous)) {
            return;
        }
        Set<String> columns = new LinkedHashSet<>();
        s.tables().forEach(t -> t.columns().forEach(c -> columns.add(c.name())));
        columns.forEach(c -> candidates.add(candidate(c, "column", null)));
        Vocabulary.KEYWORDS.forEach(k -> candidates.add(candidate(k, "keyword", null)));
        Vocabulary.TYPES.stream().filter(t -> !Vocabulary.isKeyword(t))
                .forEach(t -> candidates.add(candidate(t, "type", null)));
    }

    private static Candidate candidate(String value, String group, String description) {
        return new Candidate(value, value, group, description, null, null, true);
    }
}
