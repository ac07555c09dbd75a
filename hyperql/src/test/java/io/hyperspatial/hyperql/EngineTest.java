package io.hyperspatial.hyperql;

import io.hyperspatial.hyperql.error.ErrorCode;
import io.hyperspatial.hyperql.error.HqlException;
import io.hyperspatial.hyperql.error.HqlExecutionException;
import io.hyperspatial.hyperql.error.HqlSemanticException;
import io.hyperspatial.hyperql.error.SourcePosition;
import io.hyperspatial.hyperql.source.memory.InMemoryDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class EngineTest {
    private Engine engine;

    @BeforeEach
    void people() {
        engine = new Engine(new InMemoryDataSource());
        engine.executeScript("""
                CREATE TABLE person(id INTEGER PRIMARY KEY, name TEXT NOT NULL, age INTEGER);
                INSERT INTO person VALUES(1, 'ada', 36), (2, 'bo', 17), (3, 'cy', NULL);
                """);
    }

    @Test
    void aRepeatedTextIsNeitherParsedNorPlannedAgain() {
        EngineStats before = engine.stats();
        String sql = "SELECT name FROM person WHERE age > ?";

        assertThat(rows(engine.execute(sql, 18))).containsExactly(List.of("ada"));
        assertThat(rows(engine.execute(sql, 10))).containsExactly(List.of("ada"), List.of("bo"));
        assertThat(rows(engine.execute(sql, 100))).isEmpty();

        EngineStats after = engine.stats();
        assertThat(after.parses() - before.parses()).isEqualTo(1);
        assertThat(after.plans() - before.plans()).isEqualTo(1);
        assertThat(after.cacheHits() - before.cacheHits()).isEqualTo(2);
        assertThat(after.executions() - before.executions()).isEqualTo(3);
    }

    @Test
    void aSchemaChangeReplansWithoutReparsing() {
        PreparedStatement count = engine.prepare("SELECT count(*) FROM person WHERE id = 2");
        assertThat(rows(count.execute())).containsExactly(List.of(1L));
        EngineStats before = engine.stats();

        engine.execute("CREATE INDEX person_age ON person(age)");
        assertThat(rows(count.execute())).containsExactly(List.of(1L));

        EngineStats after = engine.stats();
        assertThat(after.parses() - before.parses()).isEqualTo(1);
        assertThat(after.plans() - before.plans()).isEqualTo(2);
    }

    @Test
    void preparedStatementsTakePositionalAndNamedParameters() {
        PreparedStatement insert = engine.prepare("INSERT INTO person(id, name, age) VALUES(?, $name, $age)");
        assertThat(insert.parameterLabels()).containsExactly("?1", "$name", "$age");

        insert.execute(4, "dee", 50);
        insert.execute(Map.of("1", 5, "name", "eli", "AGE", 7));

        PreparedStatement query = engine.prepare("SELECT name FROM person WHERE age BETWEEN $lo AND $hi ORDER BY age");
        assertThat(rows(query.execute(Map.of("lo", 5, "hi", 40)))).containsExactly(List.of("eli"), List.of("bo"), List.of("ada"));
        assertThat(rows(query.execute(40, 60))).containsExactly(List.of("dee"));
    }

    @Test
    void missingOrExtraParameterValuesAreErrors() {
        PreparedStatement query = engine.prepare("SELECT name FROM person WHERE age > $min");

        HqlExecutionException tooFew = catchThrowableOfType(HqlExecutionException.class, query::execute);
        assertThat(tooFew.code()).isEqualTo(ErrorCode.HQL_PARAMETER);
        HqlExecutionException unknown = catchThrowableOfType(HqlExecutionException.class,
                () -> query.execute(Map.of("min", 1, "max", 2)));
        assertThat(unknown.getMessage()).isEqualTo("the statement has no parameter named max");
        HqlExecutionException badType = catchThrowableOfType(HqlExecutionException.class,
                () -> query.execute(new Object()));
        assertThat(badType.getMessage()).startsWith("parameter $min has a value of unsupported type java.lang.Object");
    }

    @Test
    void nameErrorsNameTheExpressionAndItsPosition() {
        HqlSemanticException column = catchThrowableOfType(HqlSemanticException.class,
                () -> engine.execute("SELECT name,\n  agee FROM person"));
        assertThat(column.code()).isEqualTo(ErrorCode.HQL_UNKNOWN_COLUMN);
        assertThat(column.getMessage()).isEqualTo("no such column: agee at 2:3");
        assertThat(column.position()).isEqualTo(new SourcePosition(2, 3));

        assertThat(error("SELECT p.nme FROM person p").getMessage()).isEqualTo("no such column: p.nme at 1:8");
        assertThat(error("SELECT * FROM people").code()).isEqualTo(ErrorCode.HQL_UNKNOWN_TABLE);
        assertThat(error("SELECT id FROM person a, person b").code()).isEqualTo(ErrorCode.HQL_AMBIGUOUS_COLUMN);
        assertThat(error("SELECT lenght(name) FROM person").getMessage()).isEqualTo("no such function: lenght at 1:8");
        assertThat(error("SELECT substr(name) FROM person").code()).isEqualTo(ErrorCode.HQL_WRONG_ARGUMENTS);
        assertThat(error("SELECT name FROM person WHERE sum(age) > 1").code()).isEqualTo(ErrorCode.HQL_MISUSED_AGGREGATE);
        assertThat(error("SELECT name FROM person ORDER BY 2").code()).isEqualTo(ErrorCode.HQL_BAD_REFERENCE);
        assertThat(error("SELECT 1 UNION SELECT 1, 2").code()).isEqualTo(ErrorCode.HQL_COLUMN_COUNT);
        assertThat(error("SELECT age <-> '[1,2]' FROM person WHERE 1 <=> 2").code()).isEqualTo(ErrorCode.HQL_TYPE_MISMATCH);
    }

    @Test
    void aFailedStatementChangesNothing() {
        HqlException e = error("INSERT INTO person VALUES(10, 'new', 1), (1, 'clash', 2)");

        assertThat(e.code()).isEqualTo(ErrorCode.HQL_CONSTRAINT);
        assertThat(e.getMessage()).isEqualTo("UNIQUE constraint failed: person.id");
        assertThat(rows(engine.execute("SELECT count(*) FROM person"))).containsExactly(List.of(3L));
        assertThat(error("UPDATE person SET name = NULL WHERE id > 1").getMessage())
                .isEqualTo("NOT NULL constraint failed: person.name");
        assertThat(rows(engine.execute("SELECT name FROM person ORDER BY id")))
                .containsExactly(List.of("ada"), List.of("bo"), List.of("cy"));
    }

    @Test
    void dmlReportsCountsAndScriptsStopAtTheFirstError() {
        assertThat(engine.execute("UPDATE person SET age = age + 1 WHERE age IS NOT NULL")).isEqualTo(new StatementResult.Count(2));
        assertThat(engine.execute("DELETE FROM person WHERE age < 20")).isEqualTo(new StatementResult.Count(1));

        HqlException e = catchThrowableOfType(HqlException.class, () -> engine.executeScript(
                "INSERT INTO person VALUES(7, 'g', 1); SELECT nope FROM person; INSERT INTO person VALUES(8, 'h', 1)"));
        assertThat(e.code()).isEqualTo(ErrorCode.HQL_UNKNOWN_COLUMN);
        assertThat(rows(engine.execute("SELECT id FROM person ORDER BY id"))).containsExactly(List.of(1L), List.of(3L), List.of(7L));
    }

    @Test
    void resultsNameTheirColumnsAsWritten() {
        StatementResult.Rows r = (StatementResult.Rows) engine.execute("SELECT name, age + 1, age AS years FROM person LIMIT 1");

        assertThat(r.columns()).containsExactly("name", "age + 1", "years");
    }

    private HqlException error(String sql) {
        return catchThrowableOfType(HqlException.class, () -> engine.execute(sql));
    }

    static List<List<Object>> rows(StatementResult result) {
        return ((StatementResult.Rows) result).rows();
    }
}
