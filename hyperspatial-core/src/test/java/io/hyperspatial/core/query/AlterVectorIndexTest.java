package io.hyperspatial.core.query;

import io.hyperspatial.core.HyperspatialDatabase;
import io.hyperspatial.core.index.maintain.CollectionIndexer;
import io.hyperspatial.core.index.maintain.FieldIndexStats;
import io.hyperspatial.core.index.maintain.SnapshotPolicy;
import io.hyperspatial.hyperql.Engine;
import io.hyperspatial.hyperql.StatementResult;
import io.hyperspatial.hyperql.error.ErrorCode;
import io.hyperspatial.hyperql.error.HqlException;
import io.hyperspatial.hyperql.error.SourcePosition;
import io.hyperspatial.manifold.Collection;
import io.hyperspatial.manifold.Database;
import io.hyperspatial.manifold.DatabaseOptions;
import io.hyperspatial.manifold.Durability;
import io.hyperspatial.manifold.StoragePreset;
import io.hyperspatial.manifold.schema.VectorIndexSettings;
import io.hyperspatial.manifold.schema.VectorKind;
import io.hyperspatial.manifold.schema.VectorMetric;
import io.hyperspatial.manifold.schema.VectorQuantization;
import io.hyperspatial.manifold.table.PositionKind;
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

/**
 * {@code ALTER TABLE t ALTER COLUMN c SET (...)} over a collection: the field's index settings
 * change in its schema, the running indexer follows (ef_search at once, quantization by a
 * rebuild), and the next k-NN scan of HyperQL searches with them.
 */
class AlterVectorIndexTest {
    private static final int N = 400;
    private static final int DIM = 32;
    private static final int QUERIES = 40;

    @TempDir Path dir;
    private HyperspatialDatabase db;
    private Collection c;
    private Engine engine;

    @BeforeEach
    void open() {
        db = HyperspatialDatabase.open(Database.open(dir, DatabaseOptions.preset(StoragePreset.SMALL)),
                CollectionIndexer::defaultConfig, SnapshotPolicy.AT_SHUTDOWN);
        c = db.storage().createCollection("c");
        engine = new Engine(new CollectionDataSource(c, () -> db.indexer("c"), Durability.STRICT));
    }

    @AfterEach
    void close() {
        db.close();
    }

    /** A poor graph (m 2, ef_construction 4) searched greedily misses neighbours; a wide ef_search finds them all. */
    @Test
    void aNewEfSearchIsUsedByTheNextKnnScan() {
        engine.execute("CREATE TABLE p(name TEXT, emb VECTOR(" + DIM + ", l2) WITH (m = 2, ef_construction = 4, ef_search = 1))");
        float[][] points = insertPoints(new Random(5));

        double narrow = recallAt1(points, new Random(6));
        StatementResult.SchemaChange r = (StatementResult.SchemaChange) engine.execute(
                "ALTER TABLE p ALTER COLUMN emb SET (ef_search = " + N + ")");
        double wide = recallAt1(points, new Random(6));

        assertThat(r.description()).isEqualTo("changed the index of p.emb: m=2 ef_construction=4 ef_search=400 quantization=none");
        assertThat(c.schema().vectorField("emb").index()).isEqualTo(new VectorIndexSettings(2, 4, N, VectorQuantization.NONE));
        assertThat(narrow).as("recall@1 at ef_search 1").isLessThan(0.9);
        assertThat(wide).as("recall@1 at ef_search " + N + " over " + N + " points").isEqualTo(1.0);
        assertThat(stats("emb").efSearch()).isEqualTo(N);
        assertThat(stats("emb").source().name()).as("not rebuilt for ef_search").isEqualTo("BUILT");
    }

    @Test
    void aNewQuantizationRebuildsTheIndexWhichStillFindsTheNeighbours() {
        engine.execute("CREATE TABLE p(name TEXT, emb VECTOR(" + DIM + ", l2))");
        float[][] points = insertPoints(new Random(7));
        assertThat(recallAt1(points, new Random(8))).isGreaterThanOrEqualTo(0.9);
        assertThat(stats("emb").quantization()).isEqualTo("none");

        engine.execute("ALTER TABLE P ALTER emb SET (quantization = 'int8', m = 24)");

        assertThat(c.schema().vectorField("emb").index()).isEqualTo(new VectorIndexSettings(24, 200, 64, VectorQuantization.INT8));
        FieldIndexStats rebuilt = stats("emb");
        assertThat(rebuilt.quantization()).isEqualTo("int8");
        assertThat(rebuilt.m()).isEqualTo(24);
        assertThat(rebuilt.vectors()).isEqualTo(N);
        assertThat(rebuilt.mappedBytes()).as("full-precision vectors of a quantized index").isPositive();
        assertThat(recallAt1(points, new Random(8))).isGreaterThanOrEqualTo(0.9);
    }

    /** A table over an entity type the API declared has every dense field as a column; the field is the collection's. */
    @Test
    void theFieldOfAnApiDeclaredTypeChangesForEveryTableThatShowsIt() {
        c.updateSchema(e -> e.entityType("Doc", Map.of()).entityType("Note", Map.of())
                .vectorField("vec", VectorKind.DENSE, 3, VectorMetric.COSINE));

        engine.execute("ALTER TABLE doc ALTER COLUMN vec SET (ef_construction = 50)");
        engine.execute("ALTER TABLE note ALTER COLUMN vec SET (ef_search = 10)");

        assertThat(c.schema().vectorField("vec").index()).isEqualTo(new VectorIndexSettings(16, 50, 10, VectorQuantization.NONE));
    }

    /** A learned position is a computed column searched through a position index, whose settings are not the field's to change. */
    @Test
    void aPositionColumnIsRefusedAtItsName() {
        c.updateSchema(e -> e.entityType("Doc", Map.of()).edgeType("is_a")
                .positionSpace(PositionKind.GRAPH, 2, 1.0, List.of("is_a")));

        HqlException e = catchThrowableOfType(HqlException.class,
                () -> engine.execute("ALTER TABLE doc ALTER COLUMN graph_position SET (ef_search = 10)"));

        assertThat(e.code()).isEqualTo(ErrorCode.HQL_UNSUPPORTED);
        assertThat(e.position()).isEqualTo(new SourcePosition(1, 30));
        assertThat(e.getMessage()).contains("Doc.graph_position is computed by the data source");
    }

    /** Writes N seeded points as rows of p in one statement's worth of commits, and returns them by row number. */
    private float[][] insertPoints(Random random) {
        float[][] points = new float[N][];
        c.write(tx -> {
            for (int i = 0; i < N; i++) {
                points[i] = randomVector(random);
                tx.setVector(tx.upsertEntity("k" + i, "p"), "emb", points[i]);
            }
        });
        return points;
    }

    /** Share of seeded queries whose nearest row by HyperQL's k-NN scan is the true nearest point. */
    private double recallAt1(float[][] points, Random random) {
        int right = 0;
        for (int q = 0; q < QUERIES; q++) {
            float[] query = randomVector(random);
            StatementResult.Rows r = (StatementResult.Rows) engine.execute(
                    "SELECT key FROM p ORDER BY emb <-> $q LIMIT 1", Map.of("q", query));
            if (r.rows().equals(List.of(List.of("k" + nearest(points, query))))) {
                right++;
            }
        }
        return right / (double) QUERIES;
    }

    private static int nearest(float[][] points, float[] query) {
        int best = -1;
        double bestDistance = Double.POSITIVE_INFINITY;
        for (int i = 0; i < points.length; i++) {
            double d = 0;
            for (int j = 0; j < DIM; j++) {
                double diff = points[i][j] - query[j];
                d += diff * diff;
            }
            if (d < bestDistance) {
                bestDistance = d;
                best = i;
            }
        }
        return best;
    }

    private static float[] randomVector(Random random) {
        float[] v = new float[DIM];
        for (int j = 0; j < DIM; j++) {
            v[j] = (float) random.nextGaussian();
        }
        return v;
    }

    private FieldIndexStats stats(String field) {
        CollectionIndexer indexer = db.indexer("c");
        assertThat(indexer.awaitApplied(c.changes().lastSequence(), Duration.ofSeconds(30))).isTrue();
        return indexer.stats().stream().filter(s -> s.field().equals(field)).findFirst().orElseThrow();
    }
}
