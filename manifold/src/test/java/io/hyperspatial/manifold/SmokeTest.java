package io.hyperspatial.manifold;

import io.hyperspatial.manifold.value.Value;
import io.hyperspatial.manifold.value.ValueType;
import io.hyperspatial.manifold.schema.VectorKind;
import io.hyperspatial.manifold.schema.VectorMetric;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class SmokeTest {
    @TempDir Path dir;

    @Test
    void writesAndReadsBack() {
        try (Database db = Database.open(dir, DatabaseOptions.preset(StoragePreset.SMALL))) {
            Collection c = db.createCollection("people");
            c.updateSchema(s -> s.entityType("Person", Map.of("name", ValueType.STRING, "age", ValueType.INT64))
                    .edgeType("knows").vectorField("emb", VectorKind.DENSE, 3, VectorMetric.COSINE)
                    .measure("temp", Duration.ZERO));
            UUID[] ids = new UUID[2];
            long seq = c.write(tx -> {
                ids[0] = tx.upsertEntity("alice", "Person");
                ids[1] = tx.upsertEntity("bob", "Person");
                tx.patchProperties(ids[0], Map.of("name", Value.of("Alice"), "age", Value.of(30)));
                tx.addEdge(ids[0], "knows", ids[1], 0.5f);
                tx.setVector(ids[0], "emb", new float[]{1, 2, 3});
                tx.appendMeasure(ids[0], "temp", 1000, 21.5);
            });
            assertThat(seq).isEqualTo(2);
            c.read(v -> {
                assertThat(v.entities().get(ids[0]).orElseThrow().version()).isEqualTo(1);
                assertThat(v.properties().all(ids[0])).containsEntry("name", Value.of("Alice"));
                assertThat(v.graph().outgoing(ids[0])).hasSize(1);
                assertThat(v.graph().incoming(ids[1], "knows")).hasSize(1);
                assertThat(v.vectors().dense(ids[0], "emb").orElseThrow()).containsExactly(1, 2, 3);
                assertThat(v.measures().range(ids[0], "temp", 0, 2000)).hasSize(1);
                return null;
            });
            assertThat(c.changes().read(0, 10)).hasSize(2);
        }
        try (Database db = Database.open(dir, DatabaseOptions.preset(StoragePreset.SMALL))) {
            Collection c = db.collection("people");
            assertThat(c.changes().lastSequence()).isEqualTo(2);
            UUID alice = c.ids().forKey("alice");
            Optional<Value> age = c.read(v -> v.properties().get(alice, "age"));
            assertThat(age).contains(Value.of(30));
        }
    }
}
