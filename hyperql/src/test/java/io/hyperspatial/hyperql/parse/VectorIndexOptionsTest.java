package io.hyperspatial.hyperql.parse;

import io.hyperspatial.hyperql.Engine;
import io.hyperspatial.hyperql.ast.Statement;
import io.hyperspatial.hyperql.error.ErrorCode;
import io.hyperspatial.hyperql.error.HqlException;
import io.hyperspatial.hyperql.error.SourcePosition;
import io.hyperspatial.hyperql.source.memory.InMemoryDataSource;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** {@code VECTOR(n, metric) WITH (...)}: index options parsed as plain data, and bad ones reported at their line and column. */
class VectorIndexOptionsTest {

    private static Statement.CreateTable parse(String sql) {
        return (Statement.CreateTable) SqlParser.parseStatement(sql);
    }

    private static HqlException error(String sql) {
        return catchThrowableOfType(HqlException.class, () -> SqlParser.parseStatement(sql));
    }

    @Test
    void optionsAreParsedInOrderWithNumbersAsLongsAndNamesLowerCase() {
        Statement.CreateTable t = parse("CREATE TABLE docs(id INTEGER PRIMARY KEY,\n"
                + "  emb VECTOR(384, cosine) WITH (M = 32, ef_construction = 400, quantization = 'INT8', ef_search = 80),\n"
                + "  raw VECTOR(2) WITH (quantization = binary), plain VECTOR(3))");

        assertThat(t.columns().get(1).type().indexOptions()).containsExactly(Map.entry("m", 32L),
                Map.entry("ef_construction", 400L), Map.entry("quantization", "int8"), Map.entry("ef_search", 80L));
        assertThat(t.columns().get(1).type().metric()).isEqualTo("cosine");
        assertThat(t.columns().get(2).type().indexOptions()).containsExactly(Map.entry("quantization", "binary"));
        assertThat(t.columns().get(3).type().indexOptions()).isEmpty();
    }

    @Test
    void withStillNamesAColumn() {
        Statement.CreateTable t = parse("CREATE TABLE t(with TEXT, v VECTOR(2) WITH (m = 4))");
        assertThat(t.columns().get(0).name()).isEqualTo("with");
        assertThat(t.columns().get(1).type().indexOptions()).containsEntry("m", 4L);
    }

    @Test
    void badOptionsAreReportedAtTheirPosition() {
        HqlException unknown = error("CREATE TABLE t(v VECTOR(2) WITH (ef = 10))");
        assertThat(unknown.code()).isEqualTo(ErrorCode.HQL_SYNTAX);
        assertThat(unknown.position()).isEqualTo(new SourcePosition(1, 34));
        assertThat(unknown.getMessage()).contains("'ef'").contains("ef_search");

        HqlException m = error("CREATE TABLE t(\n  v VECTOR(2) WITH (m = 1))");
        assertThat(m.code()).isEqualTo(ErrorCode.HQL_OUT_OF_RANGE);
        assertThat(m.position()).isEqualTo(new SourcePosition(2, 25));
        assertThat(m.getMessage()).contains("m must be in 2..512, got 1");

        HqlException q = error("CREATE TABLE t(v VECTOR(2) WITH (quantization = 'int4'))");
        assertThat(q.code()).isEqualTo(ErrorCode.HQL_OUT_OF_RANGE);
        assertThat(q.position()).isEqualTo(new SourcePosition(1, 49));

        HqlException type = error("CREATE TABLE t(v VECTOR(2) WITH (ef_search = fast))");
        assertThat(type.code()).isEqualTo(ErrorCode.HQL_TYPE_MISMATCH);

        HqlException twice = error("CREATE TABLE t(v VECTOR(2) WITH (m = 8, m = 9))");
        assertThat(twice.position()).isEqualTo(new SourcePosition(1, 41));

        HqlException syntax = error("CREATE TABLE t(v VECTOR(2) WITH m = 8)");
        assertThat(syntax.code()).isEqualTo(ErrorCode.HQL_SYNTAX);
        assertThat(syntax.position().line()).isEqualTo(1);
    }

    @Test
    void theDataSourceReceivesTheOptions() {
        InMemoryDataSource source = new InMemoryDataSource();
        new Engine(source).execute("CREATE TABLE t(v VECTOR(2, l2) WITH (m = 8, quantization = 'int8'))");
        assertThat(source.table("t").orElseThrow().schema().columns().getFirst().vector().indexOptions())
                .containsExactly(Map.entry("m", 8L), Map.entry("quantization", "int8"));
    }
}
