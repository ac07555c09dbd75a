package io.hyperspatial.cli.repl;

import io.hyperspatial.cli.schema.CollectionSchema;
import org.jline.reader.Candidate;
import org.jline.reader.EOFError;
import org.jline.reader.ParsedLine;
import org.jline.reader.Parser.ParseContext;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class HyperQLCompleterTest {
    private static final CollectionSchema SCHEMA = new CollectionSchema("shop", 3,
            List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of(
                    new CollectionSchema.Table("item", List.of(new CollectionSchema.Column("key", "TEXT"),
                            new CollectionSchema.Column("name", "TEXT"), new CollectionSchema.Column("price", "REAL"))),
                    new CollectionSchema.Table("category", List.of(new CollectionSchema.Column("key", "TEXT"),
                            new CollectionSchema.Column("depth", "INTEGER")))));

    private final HyperQLParser parser = new HyperQLParser();
    private final HyperQLCompleter completer = new HyperQLCompleter(() -> SCHEMA);

    private List<Candidate> complete(String line) {
        ParsedLine parsed = parser.parse(line, line.length(), ParseContext.COMPLETE);
        List<Candidate> candidates = new ArrayList<>();
        completer.complete(null, parsed, candidates);
        return candidates;
    }

    private static List<String> values(List<Candidate> candidates, String group) {
        return candidates.stream().filter(c -> c.group().equals(group)).map(Candidate::value).toList();
    }

    @Test
    void afterFromOnlyTables() {
        List<Candidate> c = complete("SELECT name FROM it");
        assertThat(c).extracting(Candidate::value).containsExactlyInAnyOrder("item", "category");
        assertThat(complete("insert into ")).extracting(Candidate::value).containsExactlyInAnyOrder("item", "category");
    }

    @Test
    void elsewhereKeywordsTablesColumnsAndTypes() {
        List<Candidate> c = complete("SELECT na");
        assertThat(values(c, "keyword")).contains("SELECT", "FROM", "WHERE", "VECTOR", "EXPLAIN").doesNotContain("INTEGER");
        assertThat(values(c, "column")).containsExactly("key", "name", "price", "depth");
        assertThat(values(c, "table")).containsExactlyInAnyOrder("item", "category");
        assertThat(values(c, "type")).contains("INTEGER", "TEXT", "REAL", "BLOB").doesNotContain("VECTOR");
    }

    @Test
    void aQualifierNarrowsToThatTablesColumns() {
        List<Candidate> c = complete("SELECT item.pr");
        assertThat(c).extracting(Candidate::value).containsExactly("item.key", "item.name", "item.price");
        assertThat(c).extracting(Candidate::descr).containsExactly("TEXT", "TEXT", "REAL");
        assertThat(complete("SELECT ITEM.")).extracting(Candidate::value).contains("ITEM.price");
        assertThat(complete("SELECT nowhere.")).isEmpty();
    }

    @Test
    void dotCommandsAtTheStartAndTablesAfterSchema() {
        assertThat(complete(".sch")).extracting(Candidate::value)
                .containsExactly(".help", ".tables", ".schema", ".format", ".timing", ".quit");
        assertThat(complete(".schema ca")).extracting(Candidate::value).containsExactlyInAnyOrder("item", "category");
    }

    @Test
    void enterContinuesAStatementUntilItsSemicolon() {
        assertThatThrownBy(() -> parser.parse("SELECT 1", 8, ParseContext.ACCEPT_LINE)).isInstanceOf(EOFError.class);
        assertThatThrownBy(() -> parser.parse("SELECT ';'", 10, ParseContext.ACCEPT_LINE)).isInstanceOf(EOFError.class);
        assertThat(parser.parse("SELECT 1\n;", 10, ParseContext.ACCEPT_LINE).line()).isEqualTo("SELECT 1\n;");
        assertThat(parser.parse(".tables", 7, ParseContext.ACCEPT_LINE).words()).containsExactly(".tables");
        assertThat(parser.parse("", 0, ParseContext.ACCEPT_LINE).words()).containsExactly("");
    }
}
