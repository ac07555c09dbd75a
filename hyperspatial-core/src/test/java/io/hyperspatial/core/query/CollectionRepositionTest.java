package io.hyperspatial.core.query;

import io.hyperspatial.core.HyperspatialDatabase;
import io.hyperspatial.core.index.maintain.CollectionIndexer;
import io.hyperspatial.hyperql.Engine;
import io.hyperspatial.hyperql.StatementControl;
import io.hyperspatial.hyperql.StatementResult;
import io.hyperspatial.hyperql.error.ErrorCode;
import io.hyperspatial.hyperql.error.HqlException;
import io.hyperspatial.hyperql.error.HqlExecutionException;
import io.hyperspatial.hyperql.source.Repositioner;
import io.hyperspatial.manifold.Database;
import io.hyperspatial.manifold.DatabaseOptions;
import io.hyperspatial.manifold.Durability;
import io.hyperspatial.manifold.StoragePreset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** HyperQL's REPOSITION over a collection: graph, embedding and property positions, determinism, refusals. */
class CollectionRepositionTest {
    @TempDir
    Path dir;
    private HyperspatialDatabase db;
    private Engine engine;

    @BeforeEach
    void tree() {
        db = HyperspatialDatabase.open(Database.open(dir, DatabaseOptions.preset(StoragePreset.SMALL)),
                CollectionIndexer::defaultConfig, null);
        db.storage().getOrCreateCollection("c");
        engine = new Engine(new CollectionDataSource(db.collection("c"), () -> db.indexer("c"), Durability.ASYNC));
        engine.execute("CREATE TABLE node(name TEXT)");
        engine.execute("CREATE EDGE TYPE is_a");
        writeTree("t", 0);
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void graphPositionsAreLearnedFromTheNamedHierarchyAndAgainFromTheDeclaredOne() {
        List<List<Object>> first = rows("REPOSITION GRAPH USING EDGE TYPE IS_A DIMENSIONS 4 EPOCHS 5 SEED 7");

        assertThat(first).hasSize(1);
        assertThat(first.getFirst().subList(0, 4)).containsExactly("graph", 4L, 13L, 21L);
        assertThat(rows("SELECT count(*) FROM node WHERE graph_position IS NOT NULL")).containsExactly(List.of(13L));
        List<List<Object>> positions = rows("SELECT key, graph_position FROM node ORDER BY key");
        assertThat(rows("SELECT key FROM node ORDER BY hdist(graph_position, '[0, 0, 0, 0]') LIMIT 1"))
                .as("the root lies nearest the origin").containsExactly(List.of("t"));
        assertThat(rows("SELECT key FROM node ORDER BY hdist(graph_position, (SELECT graph_position FROM node WHERE key = 't.1.2'))"
                + " LIMIT 1")).containsExactly(List.of("t.1.2"));

        List<List<Object>> again = rows("REPOSITION EPOCHS 5 SEED 7");

        assertThat(again.getFirst().subList(0, 4)).as("the declared space: is_a, 4 dimensions").containsExactly("graph", 4L, 13L, 21L);
        assertThat(rows("SELECT key, graph_position FROM node ORDER BY key")).as("same seed, same data").isEqualTo(positions);
    }

    /** A stop between learning epochs ends the run before any position is written. */
    @Test
    void aStopBetweenEpochsLeavesEveryPositionAsItWas() {
        int[] checks = {0};
        Runnable stopAtTheSecondEpoch = () -> {
            if (++checks[0] == 4) {
                throw new HqlExecutionException(ErrorCode.HQL_CANCELLED, "stopped");
            }
        };
        Repositioner.Request request = new Repositioner.Request(Repositioner.Kind.GRAPH, List.of("is_a"), null, 4, 50, 7L);

        HqlException e = catchThrowableOfType(HqlException.class,
                () -> new CollectionRepositioner(db.collection("c")).reposition(request, stopAtTheSecondEpoch));

        assertThat(e.code()).isEqualTo(ErrorCode.HQL_CANCELLED);
        assertThat(checks[0]).as("before the run, at the construction, at refinement start, after epoch 1").isEqualTo(4);
        assertThat(rows("SELECT count(*) FROM node WHERE graph_position IS NOT NULL")).containsExactly(List.of(0L));
    }

    /** The statement's timeout reaches into the run: a long REPOSITION stops with HQL_TIMEOUT and writes nothing. */
    @Test
    void aStatementTimeoutStopsALongRepositionWithoutWritingAnything() {
        HqlException e = catchThrowableOfType(HqlException.class, () -> engine.execute(
                "REPOSITION GRAPH USING EDGE TYPE is_a DIMENSIONS 4 EPOCHS 10000", Map.of(),
                StatementControl.withTimeout(Duration.ofMillis(50))));

        assertThat(e.code()).isEqualTo(ErrorCode.HQL_TIMEOUT);
        assertThat(rows("SELECT count(*) FROM node WHERE graph_position IS NOT NULL")).containsExactly(List.of(0L));
    }

    @Test
    void embeddingAndPropertyPositionsAreMappedFromEveryRow() {
        engine.execute("CREATE TABLE doc(emb VECTOR(8))");
        Random random = new Random(3);
        for (int i = 0; i < 20; i++) {
            float[] v = new float[8];
            for (int j = 0; j < v.length; j++) {
                v[j] = (float) random.nextGaussian();
            }
            engine.execute("INSERT INTO doc VALUES(?, ?)", "d" + i, v);
        }

        assertThat(rows("REPOSITION EMBEDDING FROM EMB DIMENSIONS 3").getFirst().subList(0, 3)).containsExactly("embedding", 3L, 20L);
        assertThat(rows("SELECT count(*) FROM doc WHERE embedding_position IS NOT NULL")).containsExactly(List.of(20L));
        List<Object> property = rows("REPOSITION PROPERTY DIMENSIONS 2").getFirst();
        assertThat(property.subList(0, 2)).containsExactly("property", 2L);
        assertThat((Long) property.get(2)).isPositive();
    }

    @Test
    void whatCannotApplyIsRefusedBeforeAnythingIsComputed() {
        failure("REPOSITION GRAPH", ErrorCode.HQL_UNSUPPORTED, "USING EDGE TYPE");
        failure("REPOSITION GRAPH USING EDGE TYPE part_of", ErrorCode.HQL_UNKNOWN_TABLE, "no such edge type: part_of");
        failure("REPOSITION EMBEDDING FROM name", ErrorCode.HQL_UNKNOWN_COLUMN, "no dense vector column name");
        rows("REPOSITION GRAPH USING EDGE TYPE is_a DIMENSIONS 4 EPOCHS 0");
        failure("REPOSITION GRAPH DIMENSIONS 5", ErrorCode.HQL_UNSUPPORTED, "dimension is fixed");
    }

    private void failure(String sql, ErrorCode code, String message) {
        HqlException e = catchThrowableOfType(HqlException.class, () -> engine.execute(sql));
        assertThat(e).as(sql).isNotNull();
        assertThat(e.code()).as(e.getMessage()).isEqualTo(code);
        assertThat(e.getMessage()).contains(message);
    }

    private void writeTree(String key, int depth) {
        engine.execute("INSERT INTO node VALUES(?, ?)", key, key);
        if (depth == 2) {
            return;
        }
        for (int c = 0; c < 3; c++) {
            String child = key + "." + c;
            writeTree(child, depth + 1);
            engine.execute("INSERT EDGE is_a FROM node(?) TO node(?)", child, key);
        }
    }

    private List<List<Object>> rows(String sql, Object... params) {
        return ((StatementResult.Rows) engine.execute(sql, params)).rows();
    }
}
