package io.hyperspatial.hyperql;

import io.hyperspatial.hyperql.error.ErrorCode;
import io.hyperspatial.hyperql.error.HqlException;
import io.hyperspatial.hyperql.error.SourcePosition;
import io.hyperspatial.hyperql.source.DataSource;
import io.hyperspatial.hyperql.source.Repositioner;
import io.hyperspatial.hyperql.source.TablesOnly;
import io.hyperspatial.hyperql.source.memory.InMemoryDataSource;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** REPOSITION: what reaches the source's {@link Repositioner}, the one-row outcome, and every refusal. */
class RepositionTest {
    private final List<Repositioner.Request> received = new ArrayList<>();
    /** What the recording repositioner does in the middle of its run, before its stop check. */
    private Runnable duringRun = () -> { };
    private final Engine engine = new Engine(new PositionedSource(new InMemoryDataSource()));

    @Test
    void theRequestReachesTheSourceAndTheOutcomeIsOneRow() {
        StatementResult.Rows r = (StatementResult.Rows) engine.execute(
                "REPOSITION GRAPH USING EDGE TYPE hypernym, instance_of DIMENSIONS 10 EPOCHS 0 SEED 7");

        assertThat(received).containsExactly(new Repositioner.Request(Repositioner.Kind.GRAPH,
                List.of("hypernym", "instance_of"), null, 10, 0, 7L));
        assertThat(r.columns()).containsExactly("kind", "dimensions", "entities", "closure_pairs", "millis");
        assertThat(r.rows()).containsExactly(List.of("graph", 10L, 3L, 2L, 5L));
    }

    /** The source's stop check is the statement's control: a cancel during the run stops it there. */
    @Test
    void aCancelDuringTheRunReachesTheSourcesStopCheck() {
        StatementControl control = StatementControl.cancellable();
        duringRun = control::cancel;

        assertThatThrownBy(() -> engine.execute("REPOSITION", Map.of(), control))
                .isInstanceOfSatisfying(HqlException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.HQL_CANCELLED));
        assertThat(received).as("the run had started").hasSize(1);
    }

    @Test
    void whatIsNotSaidIsTheSourcesChoice() {
        engine.execute("REPOSITION");
        engine.execute("reposition embedding from emb");
        engine.execute("REPOSITION PROPERTY SEED -3");

        assertThat(received).containsExactly(
                new Repositioner.Request(Repositioner.Kind.GRAPH, List.of(), null, null, null, null),
                new Repositioner.Request(Repositioner.Kind.EMBEDDING, List.of(), "emb", null, null, null),
                new Repositioner.Request(Repositioner.Kind.PROPERTY, List.of(), null, null, null, -3L));
    }

    @Test
    void itIsAWriteAndExplainShowsIt() {
        assertThat(engine.prepare("REPOSITION").readOnly()).isFalse();
        assertThat(((StatementResult.Rows) engine.execute("EXPLAIN REPOSITION")).rows().toString()).contains("Reposition");
        assertThat(received).isEmpty();
    }

    @Test
    void optionsAreCheckedWhereTheyAreWritten() {
        failure("REPOSITION DIMENSIONS 4 DIMENSIONS 5", ErrorCode.HQL_SYNTAX, new SourcePosition(1, 25), "DIMENSIONS once");
        failure("REPOSITION PROPERTY USING EDGE TYPE e", ErrorCode.HQL_SYNTAX, new SourcePosition(1, 21), "applies to REPOSITION GRAPH");
        failure("REPOSITION GRAPH FROM emb", ErrorCode.HQL_SYNTAX, new SourcePosition(1, 18), "applies to REPOSITION EMBEDDING");
        failure("REPOSITION EMBEDDING EPOCHS 3 FROM e", ErrorCode.HQL_SYNTAX, new SourcePosition(1, 22), "EPOCHS applies");
        failure("REPOSITION EMBEDDING", ErrorCode.HQL_SYNTAX, new SourcePosition(1, 1), "needs FROM");
        failure("REPOSITION DIMENSIONS 0", ErrorCode.HQL_OUT_OF_RANGE, new SourcePosition(1, 23), "DIMENSIONS must be in 1..1024");
        failure("REPOSITION EPOCHS 10001", ErrorCode.HQL_OUT_OF_RANGE, new SourcePosition(1, 19), "EPOCHS must be in 0..10000");
        failure("REPOSITION SEED 99999999999999999999", ErrorCode.HQL_OUT_OF_RANGE, new SourcePosition(1, 17), "SEED");
        failure("REPOSITION GRAPH DIMENSIONS", ErrorCode.HQL_SYNTAX, null, "");
        assertThat(received).isEmpty();
    }

    @Test
    void aSourceWithoutPositionsRefusesIt() {
        Engine plain = new Engine(new InMemoryDataSource());

        HqlException e = catchThrowableOfType(HqlException.class, () -> plain.execute("REPOSITION GRAPH"));

        assertThat(e.code()).isEqualTo(ErrorCode.HQL_UNSUPPORTED);
        assertThat(e.getMessage()).contains("cannot REPOSITION");
    }

    @Test
    void theNewKeywordsStillNameThings() {
        engine.executeScript("""
                CREATE TABLE graph(seed INTEGER, property TEXT, dimensions INTEGER, epochs INTEGER, embedding TEXT, reposition TEXT);
                INSERT INTO graph VALUES(1, 'p', 2, 3, 'e', 'r');
                """);

        StatementResult.Rows r = (StatementResult.Rows) engine.execute(
                "SELECT seed, property, dimensions, epochs, embedding, reposition FROM graph");

        assertThat(r.rows()).containsExactly(List.of(1L, "p", 2L, 3L, "e", "r"));
    }

    private void failure(String sql, ErrorCode code, SourcePosition at, String message) {
        HqlException e = catchThrowableOfType(HqlException.class, () -> engine.execute(sql));
        assertThat(e).as(sql).isNotNull();
        assertThat(e.code()).as(sql + ": " + e.getMessage()).isEqualTo(code);
        if (at != null) {
            assertThat(e.position()).as(sql + ": " + e.getMessage()).isEqualTo(at);
        }
        assertThat(e.getMessage()).as(sql).contains(message);
    }

    /** The in-memory source, with a repositioner that records what it was asked. */
    private final class PositionedSource extends TablesOnly {
        PositionedSource(DataSource tables) {
            super(tables);
        }

        @Override
        public Optional<Repositioner> repositioner() {
            return Optional.of((request, stopCheck) -> {
                received.add(request);
                duringRun.run();
                stopCheck.run();
                return new Repositioner.Outcome(request.kind(), request.dimensions() == null ? 16 : request.dimensions(), 3, 2, 5);
            });
        }
    }
}
