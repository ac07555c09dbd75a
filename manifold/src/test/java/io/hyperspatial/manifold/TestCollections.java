package io.hyperspatial.manifold;

import io.hyperspatial.manifold.schema.SchemaEditor;
import io.hyperspatial.manifold.schema.VectorKind;
import io.hyperspatial.manifold.schema.VectorMetric;
import io.hyperspatial.manifold.value.ValueType;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * The database and schema the data-path tests share: a {@link StoragePreset#SMALL} database and a
 * collection declaring two entity types (with a property of every value type on {@code Person}),
 * two edge types, a vector field of every kind and metric, and two measures.
 */
public final class TestCollections {
    private TestCollections() {
    }

    public static Database open(Path dir) {
        return Database.open(dir, DatabaseOptions.preset(StoragePreset.SMALL));
    }

    /** Creates {@code name} in {@code db} with the shared schema. */
    public static Collection create(Database db, String name) {
        Collection c = db.createCollection(name);
        c.updateSchema(TestCollections::declare);
        return c;
    }

    /**
     * <ul>
     * <li>{@code Person}: name string, age int64, score float64, active bool, photo bytes,
     * born timestamp, tags list, attrs map; {@code City}: name string, population int64</li>
     * <li>edges {@code knows}, {@code lives_in}</li>
     * <li>vectors {@code emb} dense 3 cosine, {@code raw} dense 4 l2, {@code ball} dense 2 poincaré,
     * {@code hyper} dense 3 lorentz, {@code terms} sparse 100 dot, {@code passages} multi 2 l2</li>
     * <li>measures {@code temp} kept forever, {@code recent} kept one hour</li>
     * </ul>
     */
    public static void declare(SchemaEditor s) {
        s.entityType("Person", Map.of("name", ValueType.STRING, "age", ValueType.INT64, "score", ValueType.FLOAT64,
                        "active", ValueType.BOOL, "photo", ValueType.BYTES, "born", ValueType.TIMESTAMP,
                        "tags", ValueType.LIST, "attrs", ValueType.MAP))
                .entityType("City", Map.of("name", ValueType.STRING, "population", ValueType.INT64))
                .edgeType("knows")
                .edgeType("lives_in")
                .vectorField("emb", VectorKind.DENSE, 3, VectorMetric.COSINE)
                .vectorField("raw", VectorKind.DENSE, 4, VectorMetric.L2)
                .vectorField("ball", VectorKind.DENSE, 2, VectorMetric.POINCARE)
                .vectorField("hyper", VectorKind.DENSE, 3, VectorMetric.LORENTZ)
                .vectorField("terms", VectorKind.SPARSE, 100, VectorMetric.DOT)
                .vectorField("passages", VectorKind.MULTI, 2, VectorMetric.L2)
                .measure("temp", Duration.ZERO)
                .measure("recent", Duration.ofHours(1));
    }
}
