package io.hyperspatial.hyperql;

import io.hyperspatial.hyperql.error.ErrorCode;
import io.hyperspatial.hyperql.error.HqlException;
import io.hyperspatial.hyperql.error.SourcePosition;
import io.hyperspatial.hyperql.source.DataSource;
import io.hyperspatial.hyperql.source.TablesOnly;
import io.hyperspatial.hyperql.source.VectorIndexes;
import io.hyperspatial.hyperql.source.memory.InMemoryDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * {@code ALTER TABLE t ALTER [COLUMN] c SET (...)}: what reaches the source's {@link VectorIndexes},
 * the options checked as those of {@code VECTOR(n) WITH (...)}, and every refusal at its position.
 */
class AlterVectorIndexTest {
    /** Each change the source received: table, column, options. */
    private final List<List<Object>> received = new ArrayList<>();
    private final Engine engine = new Engine(new IndexedSource(new InMemoryDataSource()));

    @BeforeEach
    void tables() {
        engine.executeScript("""
                CREATE TABLE Item(name TEXT, Emb VECTOR(3, cosine) WITH (m = 8));
                CREATE VIEW named AS SELECT name FROM item;
                """);
    }

    @Test
    void theOptionsReachTheSourceAndTheAnswerShowsEverySetting() {
        StatementResult.SchemaChange r = (StatementResult.SchemaChange) engine.execute(
                "alter table item alter column emb set (ef_search = 128, QUANTIZATION = INT8)");

        assertThat(received).containsExactly(List.of("Item", "Emb", Map.of("ef_search", 128L, "quantization", "int8")));
        assertThat(r.description()).isEqualTo("changed the index of Item.Emb: m=16 ef_construction=200 ef_search=128"
                + " quantization=int8");

        engine.execute("ALTER TABLE item ALTER emb SET (m = 32)");
        assertThat(received.getLast()).containsExactly("Item", "Emb", Map.of("m", 32L));
    }

    @Test
    void itIsAWriteAndExplainShowsIt() {
        assertThat(engine.prepare("ALTER TABLE item ALTER COLUMN emb SET (m = 4)").readOnly()).isFalse();
        assertThat(((StatementResult.Rows) engine.execute("EXPLAIN ALTER TABLE item ALTER COLUMN emb SET (m = 4)"))
                .rows().toString()).contains("AlterVectorIndex");
        assertThat(received).isEmpty();
    }

    /** The same checks and messages as CREATE TABLE's {@code WITH (...)}, at the option's line and column. */
    @Test
    void optionsAreCheckedAsAtCreation() {
        failure("ALTER TABLE item ALTER COLUMN emb SET (ef = 10)", ErrorCode.HQL_SYNTAX, new SourcePosition(1, 40),
                "unknown vector index option 'ef'; use m, ef_construction, ef_search, quantization");
        failure("ALTER TABLE item\n  ALTER COLUMN emb SET (m = 1)", ErrorCode.HQL_OUT_OF_RANGE, new SourcePosition(2, 29),
                "m must be in 2..512, got 1");
        failure("ALTER TABLE item ALTER COLUMN emb SET (ef_search = 0)", ErrorCode.HQL_OUT_OF_RANGE,
                new SourcePosition(1, 52), "ef_search must be in 1..2147483647, got 0");
        failure("ALTER TABLE item ALTER COLUMN emb SET (quantization = 'int4')", ErrorCode.HQL_OUT_OF_RANGE,
                new SourcePosition(1, 55), "quantization must be none, int8 or binary, got 'int4'");
        failure("ALTER TABLE item ALTER COLUMN emb SET (ef_search = fast)", ErrorCode.HQL_TYPE_MISMATCH,
                new SourcePosition(1, 52), "ef_search must be an integer, got fast");
        failure("ALTER TABLE item ALTER COLUMN emb SET (m = 8, m = 9)", ErrorCode.HQL_SYNTAX, new SourcePosition(1, 47),
                "vector index option m is given twice");
        failure("ALTER TABLE item ALTER COLUMN emb SET ()", ErrorCode.HQL_SYNTAX, new SourcePosition(1, 40), "");
        failure("ALTER TABLE item ALTER COLUMN emb SET m = 8", ErrorCode.HQL_SYNTAX, new SourcePosition(1, 39), "");
        assertThat(received).isEmpty();
    }

    @Test
    void namesAreResolvedAndRefusalsPointAtTheName() {
        failure("ALTER TABLE nowhere ALTER COLUMN emb SET (m = 4)", ErrorCode.HQL_UNKNOWN_TABLE, new SourcePosition(1, 13),
                "no such table: nowhere");
        failure("ALTER TABLE named ALTER COLUMN name SET (m = 4)", ErrorCode.HQL_UNKNOWN_TABLE, new SourcePosition(1, 13),
                "cannot alter named because it is a view");
        failure("ALTER TABLE item ALTER COLUMN nope SET (m = 4)", ErrorCode.HQL_UNKNOWN_COLUMN, new SourcePosition(1, 31),
                "table Item has no column named nope");
        failure("ALTER TABLE item ALTER COLUMN name SET (m = 4)", ErrorCode.HQL_TYPE_MISMATCH, new SourcePosition(1, 31),
                "column Item.name is not a VECTOR column; only vector columns have index settings");
        assertThat(received).isEmpty();
    }

    @Test
    void aSourceWithoutVectorIndexesRefusesIt() {
        Engine plain = new Engine(new InMemoryDataSource());
        plain.execute("CREATE TABLE t(v VECTOR(2) WITH (m = 4))");

        HqlException e = catchThrowableOfType(HqlException.class,
                () -> plain.execute("ALTER TABLE t ALTER COLUMN v SET (ef_search = 100)"));

        assertThat(e.code()).isEqualTo(ErrorCode.HQL_UNSUPPORTED);
        assertThat(e.position()).isEqualTo(new SourcePosition(1, 13));
        assertThat(e.getMessage()).contains("keeps no vector indexes", "t.v");
    }

    @Test
    void theNewKeywordsStillNameThings() {
        engine.executeScript("""
                CREATE TABLE alter(column TEXT, with VECTOR(2));
                INSERT INTO alter VALUES('c', '[1, 0]');
                ALTER TABLE alter ALTER with SET (m = 4);
                ALTER TABLE alter ALTER COLUMN with SET (m = 6);
                """);

        assertThat(((StatementResult.Rows) engine.execute("SELECT column FROM alter")).rows()).containsExactly(List.of("c"));
        assertThat(received).extracting(r -> r.get(1)).containsExactly("with", "with");
    }

    private void failure(String sql, ErrorCode code, SourcePosition at, String message) {
        HqlException e = catchThrowableOfType(HqlException.class, () -> engine.execute(sql));
        assertThat(e).as(sql).isNotNull();
        assertThat(e.code()).as(sql + ": " + e.getMessage()).isEqualTo(code);
        assertThat(e.position()).as(sql + ": " + e.getMessage()).isEqualTo(at);
        assertThat(e.getMessage()).as(sql).contains(message);
    }

    /** The in-memory source, with vector indexes that record each change and start from the defaults. */
    private final class IndexedSource extends TablesOnly {
        IndexedSource(DataSource tables) {
            super(tables);
        }

        @Override
        public Optional<VectorIndexes> vectorIndexes() {
            return Optional.of((table, column, options) -> {
                received.add(List.of(table, column, options));
                Map<String, Object> settings = new LinkedHashMap<>(Map.of("m", 16L, "ef_construction", 200L,
                        "ef_search", 64L, "quantization", "none"));
                settings.putAll(options);
                Map<String, Object> ordered = new LinkedHashMap<>();
                List.of("m", "ef_construction", "ef_search", "quantization").forEach(k -> ordered.put(k, settings.get(k)));
                return ordered;
            });
        }
    }
}
