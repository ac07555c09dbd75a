package io.hyperspatial.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class QueryCommandTest {
    @TempDir Path tmp;

    private Cli query(String... args) {
        String[] all = new String[args.length + 5];
        all[0] = "query";
        all[1] = "--data";
        all[2] = tmp.resolve("db").toString();
        all[3] = "-c";
        all[4] = "people";
        System.arraycopy(args, 0, all, 5, args.length);
        return Cli.run(all);
    }

    @Test
    void runsAScriptThenQueriesInEveryFormat() throws Exception {
        Path script = tmp.resolve("setup.sql");
        Files.writeString(script, """
                CREATE TABLE person(name TEXT, age INTEGER);
                CREATE INDEX person_age ON person(age);
                INSERT INTO person VALUES('ada', 'Ada, Countess', 36), ('bo', 'Bo', 17);
                """);

        Cli setup = query("--create", "-f", script.toString());
        assertThat(setup.exitCode()).as(setup.toString()).isZero();
        assertThat(setup.out()).contains("2 rows changed");

        Cli table = query("SELECT key, name, age FROM person WHERE age > $min ORDER BY age", "--param", "min=10");
        assertThat(table.exitCode()).as(table.toString()).isZero();
        assertThat(table.out()).isEqualTo("""
                key  name           age
                bo   Bo             17
                ada  Ada, Countess  36
                (2 rows)
                """);

        Cli csv = query("--format", "csv", "SELECT name, age FROM person WHERE key = 'ada'");
        assertThat(csv.out()).isEqualTo("name,age\n\"Ada, Countess\",36\n");

        Cli json = query("--format", "json", "SELECT age, NULL AS nothing FROM person WHERE key = 'bo'");
        assertThat(json.out().replaceAll("\\s", "")).isEqualTo("{\"columns\":[\"age\",\"nothing\"],\"rows\":[[17,null]]}");

        Cli explain = query("EXPLAIN SELECT name FROM person WHERE age = 17");
        assertThat(explain.out()).contains("KeyLookup person on age");
    }

    @Test
    void errorsAreOneLineWithCodeAndPosition() {
        assertThat(query("--create", "SELECT 1").exitCode()).isZero();

        Cli syntax = query("SELECT FROM WHERE");
        assertThat(syntax.exitCode()).isEqualTo(2);
        assertThat(syntax.err()).startsWith("error: ").contains("[HQL_SYNTAX] at 1:").doesNotContain("Exception");

        Cli unknown = query("SELECT * FROM nowhere");
        assertThat(unknown.exitCode()).isEqualTo(2);
        assertThat(unknown.err()).contains("[HQL_UNKNOWN_TABLE]");
    }
}
