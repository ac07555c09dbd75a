package io.hyperspatial.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The REPL driven as a script would drive it: statements on its standard input, which is not a terminal. */
class ReplCommandTest {
    @TempDir Path tmp;

    private Cli repl(String input, String... more) {
        String[] args = new String[5 + more.length];
        System.arraycopy(new String[]{"repl", "--data", tmp.resolve("db").toString(), "-c", "shop"}, 0, args, 0, 5);
        System.arraycopy(more, 0, args, 5, more.length);
        return Cli.withInput(input, args);
    }

    @Test
    void runsMultiLineStatementsAndDotCommandsThenExitsZero() {
        Cli r = repl("""
                CREATE TABLE item(name TEXT NOT NULL,
                                  price REAL);
                INSERT INTO item VALUES('a', 'apple', 1.5), ('b', 'bread', 3); SELECT count(*) AS n FROM item;
                .tables
                .format csv
                SELECT key, price
                  FROM item ORDER BY price;
                .format json
                SELECT name FROM item WHERE key = 'b'
                """, "--create");
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.err()).isEmpty();
        assertThat(r.out()).isEqualTo("""
                created table item
                2 rows changed
                n
                2
                (1 row)
                item
                key,price
                a,1.5
                b,3.0
                {
                  "columns": [
                    "name"
                  ],
                  "rows": [
                    [
                      "bread"
                    ]
                  ]
                }
                """);
    }

    @Test
    void aFailedStatementIsOneLineWithItsPositionTheRestStillRunsAndTheExitCodeIsTwo() {
        assertThat(repl("CREATE TABLE t(x INTEGER);\n", "--create").exitCode()).isZero();
        Cli r = repl("""
                SELECT x
                  FROM t WHERE nope = 1;
                SELEC 1;
                .bogus
                .timing maybe
                .schema nowhere
                SELECT 41 + 1 AS answer;
                .timing on
                SELECT 1 AS one;
                .quit
                SELECT 'never run';
                """);
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(2);
        assertThat(r.err().lines()).containsExactly(
                "error: no such column: nope [HQL_UNKNOWN_COLUMN] at 2:16",
                "error: syntax error near 'SELEC': expected end of input, ';', CREATE, DELETE, DROP, EXPLAIN,"
                        + " INSERT, REPLACE, SELECT, UPDATE, VALUES, WITH, ... (15 choices) [HQL_SYNTAX] at 1:1",
                "error: unknown command .bogus (.help lists the commands)",
                "error: usage: .timing on|off",
                "error: no such table: nowhere (.tables lists them)");
        assertThat(r.out()).contains("answer\n42\n(1 row)\n").containsPattern("one\n1\n\\(1 row\\)\ntime: \\d+\\.\\d{3} ms\n")
                .doesNotContain("never run");
    }

    @Test
    void schemaAndHelp() {
        Cli r = repl("CREATE TABLE t(x INTEGER, v VECTOR(2, l2));\n.schema t\n.schema\n.help\n", "--create");
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.out()).contains("Table t\nCOLUMN  TYPE\nkey     TEXT\nx       INTEGER\nv       VECTOR(2")
                .contains("ENTITY TYPE  PROPERTIES\nt            x int64")
                .contains(".format table|json|csv").contains(".quit");
    }

    @Test
    void aMissingCollectionEndsTheCommandBeforeAnyInputIsRead() {
        assertThat(repl("SELECT 1;\n", "--create").exitCode()).isZero();
        Cli r = Cli.withInput("SELECT 1;\n", "repl", "--data", tmp.resolve("db").toString(), "-c", "nope");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).isEqualTo("error: collection 'nope' does not exist [collection.not_found]\n");
    }
}
