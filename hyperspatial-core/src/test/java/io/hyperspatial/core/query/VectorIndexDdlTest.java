package io.hyperspatial.core.query;

import io.hyperspatial.hyperql.Engine;
import io.hyperspatial.manifold.Collection;
import io.hyperspatial.manifold.Database;
import io.hyperspatial.manifold.DatabaseOptions;
import io.hyperspatial.manifold.Durability;
import io.hyperspatial.manifold.StoragePreset;
import io.hyperspatial.manifold.schema.VectorIndexSettings;
import io.hyperspatial.manifold.schema.VectorQuantization;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code CREATE TABLE ... VECTOR(n, metric) WITH (...)} over a collection declares the field's index settings. */
class VectorIndexDdlTest {
    @TempDir
    Path dir;

    @Test
    void theOptionsBecomeTheFieldsIndexSettings() {
        try (Database db = Database.open(dir, DatabaseOptions.preset(StoragePreset.SMALL))) {
            Collection c = db.getOrCreateCollection("c");
            Engine engine = new Engine(new CollectionDataSource(c, null, Durability.STRICT));
            engine.execute("CREATE TABLE docs(id INTEGER PRIMARY KEY, "
                    + "emb VECTOR(4, cosine) WITH (m = 32, ef_construction = 400, quantization = 'int8'), "
                    + "plain VECTOR(2, l2))");

            assertThat(c.schema().vectorField("emb").index())
                    .isEqualTo(new VectorIndexSettings(32, 400, 64, VectorQuantization.INT8));
            assertThat(c.schema().vectorField("plain").index()).isEqualTo(VectorIndexSettings.DEFAULT);
        }
    }

    @Test
    void aColumnAddedLaterKeepsItsOptionsToo() {
        try (Database db = Database.open(dir, DatabaseOptions.preset(StoragePreset.SMALL))) {
            Collection c = db.getOrCreateCollection("c");
            Engine engine = new Engine(new CollectionDataSource(c, null, Durability.STRICT));
            engine.execute("CREATE TABLE docs(id INTEGER PRIMARY KEY)");
            engine.execute("ALTER TABLE docs ADD COLUMN emb VECTOR(4, cosine) WITH (m = 32, ef_construction = 400)");

            assertThat(c.schema().vectorField("emb").index())
                    .isEqualTo(new VectorIndexSettings(32, 400, 64, VectorQuantization.NONE));
        }
    }
}
