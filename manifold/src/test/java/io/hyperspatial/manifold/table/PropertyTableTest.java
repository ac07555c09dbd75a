package io.hyperspatial.manifold.table;

import io.hyperspatial.manifold.Collection;
import io.hyperspatial.manifold.Database;
import io.hyperspatial.manifold.ReadView;
import io.hyperspatial.manifold.TestCollections;
import io.hyperspatial.manifold.Transaction;
import io.hyperspatial.manifold.Durability;
import io.hyperspatial.manifold.error.ErrorCode;
import io.hyperspatial.manifold.error.NotFoundException;
import io.hyperspatial.manifold.error.SchemaViolationException;
import io.hyperspatial.manifold.value.Value;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PropertyTableTest {
    @TempDir
    Path dir;

    private Database db;
    private Collection people;
    private UUID alice;

    @BeforeEach
    void open() {
        db = TestCollections.open(dir);
        people = TestCollections.create(db, "people");
        alice = people.ids().forKey("alice");
        people.write(tx -> tx.upsertEntity("alice", "Person"));
    }

    @AfterEach
    void close() {
        db.close();
    }

    private Map<String, Value> all(UUID id) {
        try (ReadView v = people.snapshot()) {
            return v.properties().all(id);
        }
    }

    @Test
    void everyValueTypeRoundTrips() {
        Map<String, Value> values = Map.of(
                "name", Value.of("Ålice 🌍"),
                "age", Value.of(Long.MIN_VALUE),
                "score", Value.of(-Double.MAX_VALUE),
                "active", Value.of(true),
                "photo", Value.of(new byte[0]),
                "born", Value.of(Instant.parse("1815-12-10T01:02:03.456789Z")),
                "tags", Value.list(List.of(Value.of("a"), Value.list(List.of(Value.of(1))), Value.NULL)),
                "attrs", Value.map(Map.of("k", Value.map(Map.of("deep", Value.of(2.5))))));

        people.write(tx -> tx.patchProperties(alice, values));

        assertThat(all(alice)).isEqualTo(values);
        try (ReadView v = people.snapshot()) {
            for (Map.Entry<String, Value> e : values.entrySet()) {
                assertThat(v.properties().get(alice, e.getKey())).contains(e.getValue());
            }
        }
    }

    @Test
    void anInt64WrittenToAFloatPropertyIsStoredAsFloat() {
        people.write(tx -> tx.patchProperties(alice, Map.of("score", Value.of(7))));

        assertThat(all(alice)).containsEntry("score", Value.of(7.0));
    }

    @Test
    void aPatchLeavesTheOtherPropertiesAsTheyAre() {
        people.write(tx -> tx.patchProperties(alice, Map.of("name", Value.of("Alice"), "age", Value.of(30))));

        people.write(tx -> tx.patchProperties(alice, Map.of("age", Value.of(31), "active", Value.of(false))));

        assertThat(all(alice)).isEqualTo(Map.of("name", Value.of("Alice"), "age", Value.of(31), "active", Value.of(false)));
    }

    @Test
    void nullRemovesAProperty() {
        people.write(tx -> tx.patchProperties(alice, Map.of("name", Value.of("Alice"), "age", Value.of(30))));

        Map<String, Value> patch = new HashMap<>();
        patch.put("age", Value.NULL);
        patch.put("tags", Value.NULL);
        people.write(tx -> tx.patchProperties(alice, patch));

        assertThat(all(alice)).isEqualTo(Map.of("name", Value.of("Alice")));
        try (ReadView v = people.snapshot()) {
            assertThat(v.properties().get(alice, "age")).isEmpty();
        }
    }

    @Test
    void aTransactionReadsItsOwnPatchesAndOthersDoNotUntilCommit() {
        try (Transaction tx = people.begin(Durability.STRICT)) {
            tx.patchProperties(alice, Map.of("age", Value.of(5)));
            assertThat(tx.properties().get(alice, "age")).contains(Value.of(5));
            assertThat(all(alice)).isEmpty();
            tx.commit();
        }
        assertThat(all(alice)).containsEntry("age", Value.of(5));
    }

    @Test
    void aSnapshotKeepsSeeingTheValuesOfItsTime() {
        people.write(tx -> tx.patchProperties(alice, Map.of("age", Value.of(1))));
        try (ReadView before = people.snapshot()) {
            people.write(tx -> tx.patchProperties(alice, Map.of("age", Value.of(2))));

            assertThat(before.properties().get(alice, "age")).contains(Value.of(1));
            assertThat(all(alice)).containsEntry("age", Value.of(2));
        }
    }

    @Test
    void theScanOfOneEntityStopsAtItsNeighboursInKeyOrder() {
        UUID low = new UUID(5, -1L);
        UUID mid = new UUID(6, 0);
        UUID high = new UUID(6, 1);
        UUID max = new UUID(-1L, -1L);
        people.write(tx -> {
            for (UUID id : List.of(low, mid, high, max)) {
                tx.upsertEntity(id, "Person");
                tx.patchProperties(id, Map.of("name", Value.of(id.toString()), "age", Value.of(id.getLeastSignificantBits())));
            }
        });

        for (UUID id : List.of(low, mid, high, max)) {
            assertThat(all(id)).as("properties of %s", id)
                    .isEqualTo(Map.of("name", Value.of(id.toString()), "age", Value.of(id.getLeastSignificantBits())));
        }
        assertThat(all(new UUID(5, 0))).isEmpty();
    }

    @Test
    void aMissingEntityHasNoProperties() {
        UUID ghost = people.ids().forKey("ghost");

        assertThat(all(ghost)).isEmpty();
        try (ReadView v = people.snapshot()) {
            assertThat(v.properties().get(ghost, "age")).isEmpty();
        }
    }

    @Test
    void readingAnUndeclaredPropertyOfAnEntityIsAnUnknownField() {
        try (ReadView v = people.snapshot()) {
            assertThatThrownBy(() -> v.properties().get(alice, "height"))
                    .isInstanceOfSatisfying(SchemaViolationException.class, e -> {
                        assertThat(e.code()).isEqualTo(ErrorCode.UNKNOWN_FIELD);
                        assertThat(e.field()).contains("Person.height");
                    });
        }
    }

    @Test
    void patchingAMissingEntityIsNotFound() {
        UUID ghost = people.ids().forKey("ghost");

        assertThatThrownBy(() -> people.write(tx -> tx.patchProperties(ghost, Map.of("age", Value.of(1)))))
                .isInstanceOfSatisfying(NotFoundException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.ENTITY_NOT_FOUND);
                    assertThat(e.field()).contains(ghost.toString());
                });
    }

    @Test
    void aPropertyOfAnotherEntityTypeIsAnUnknownField() {
        UUID paris = people.ids().forKey("paris");
        people.write(tx -> tx.upsertEntity("paris", "City"));

        assertThatThrownBy(() -> people.write(tx -> tx.patchProperties(paris, Map.of("age", Value.of(1)))))
                .isInstanceOfSatisfying(SchemaViolationException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.UNKNOWN_FIELD);
                    assertThat(e.field()).contains("City.age");
                });
    }

    @Test
    void aValueOfTheWrongTypeIsATypeMismatchNamingTheProperty() {
        assertThatThrownBy(() -> people.write(tx -> tx.patchProperties(alice, Map.of("age", Value.of("old")))))
                .isInstanceOfSatisfying(SchemaViolationException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.TYPE_MISMATCH);
                    assertThat(e.field()).contains("Person.age");
                });
        assertThat(all(alice)).isEmpty();
    }

    @Test
    void propertiesSurviveAReopen() {
        people.write(tx -> tx.patchProperties(alice, Map.of("name", Value.of("Alice"), "photo", Value.of(new byte[]{1, 2}))));

        db.close();
        db = TestCollections.open(dir);
        people = db.collection("people");

        assertThat(all(alice)).isEqualTo(Map.of("name", Value.of("Alice"), "photo", Value.of(new byte[]{1, 2})));
    }
}
