package io.hyperspatial.cli.query;

import io.hyperspatial.hyperql.error.SourcePosition;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

class StatementSplitterTest {
    @Test
    void semicolonsInsideStringsNamesAndCommentsDoNotSplit() {
        String script = """
                SELECT 'a;b', "c;d", [e;f], `g;h` -- one; still one
                FROM t;
                /* a; comment */ INSERT INTO t VALUES(x'3b', 'it''s;');
                ;;
                SELECT 2""";
        List<StatementSplitter.Statement> statements = StatementSplitter.split(script);
        assertThat(statements).extracting(StatementSplitter.Statement::text).containsExactly(
                "SELECT 'a;b', \"c;d\", [e;f], `g;h` -- one; still one\nFROM t",
                "INSERT INTO t VALUES(x'3b', 'it''s;')",
                "SELECT 2");
        assertThat(statements).extracting(StatementSplitter.Statement::start).containsExactly(
                new SourcePosition(1, 1), new SourcePosition(3, 18), new SourcePosition(5, 1));
    }

    @Test
    void aStatementIsCompleteOnlyWhenItsLastTokenIsASemicolonOutsideEverything() {
        assertThat(StatementSplitter.complete("SELECT 1;")).isTrue();
        assertThat(StatementSplitter.complete("SELECT 1; -- done\n  ")).isTrue();
        assertThat(StatementSplitter.complete("")).isTrue();
        assertThat(StatementSplitter.complete("-- only a comment")).isTrue();
        assertThat(StatementSplitter.complete("SELECT 1")).isFalse();
        assertThat(StatementSplitter.complete("SELECT 'a;")).isFalse();
        assertThat(StatementSplitter.complete("SELECT \"a;")).isFalse();
        assertThat(StatementSplitter.complete("SELECT 1; /* open")).isFalse();
        assertThat(StatementSplitter.complete("SELECT 1; SELECT")).isFalse();
    }

    @Test
    void anErrorPositionMovesIntoTheScript() {
        StatementFailure f = new StatementFailure("HQL_SYNTAX", "bad", new SourcePosition(1, 8));
        assertThat(f.within(new SourcePosition(3, 5)).position()).isEqualTo(new SourcePosition(3, 12));
        StatementFailure second = new StatementFailure("HQL_SYNTAX", "bad", new SourcePosition(2, 4));
        assertThat(second.within(new SourcePosition(3, 5)).position()).isEqualTo(new SourcePosition(4, 4));
        assertThat(second.within(new SourcePosition(3, 5)).line()).isEqualTo("error: bad [HQL_SYNTAX] at 4:4");
    }

    @Test
    void randomScriptsSplitBackIntoTheirStatements() {
        SplittableRandom random = new SplittableRandom(42);
        String[] pieces = {"SELECT 1", "'x;y'", "\"q;\"", "-- c;\n", "/* ; */", "a.b", "$p", "3.5e2", "x'00'"};
        for (int round = 0; round < 200; round++) {
            List<String> statements = new ArrayList<>();
            StringBuilder script = new StringBuilder();
            int n = random.nextInt(1, 5);
            for (int i = 0; i < n; i++) {
                StringBuilder s = new StringBuilder("SELECT");
                for (int k = random.nextInt(1, 5); k > 0; k--) {
                    s.append(' ').append(pieces[random.nextInt(pieces.length)]);
                }
                String text = s.append(" 0").toString(); // not ending in a comment, which the statement's text leaves out
                statements.add(text);
                script.append(random.nextBoolean() ? "\n  " : " ").append(text).append(';');
            }
            assertThat(StatementSplitter.split(script.toString())).as(script.toString())
                    .extracting(StatementSplitter.Statement::text).containsExactlyElementsOf(statements);
            assertThat(StatementSplitter.complete(script.toString())).isTrue();
        }
    }
}
