package io.hyperspatial.manifold;

import io.hyperspatial.manifold.table.Entity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** {@link Collection#entitiesInMemory}: rows from memtables and block cache, or nothing rather than a wait. */
class EntitiesInMemoryTest {
    @TempDir Path dir;

    @Test
    void readsFreshWritesAndLeavesOutDeletedAndUnknownIds() {
        Random random = new Random(7);
        try (Database db = TestCollections.open(dir)) {
            Collection c = TestCollections.create(db, "c");
            List<UUID> ids = write(c, 20 + random.nextInt(20));
            UUID deleted = ids.get(random.nextInt(ids.size()));
            c.write(Durability.STRICT, tx -> tx.deleteEntity(deleted));
            UUID unknown = c.ids().forKey("never-written");
            List<UUID> asked = new ArrayList<>(ids);
            asked.add(unknown);

            Map<UUID, Entity> found = c.entitiesInMemory(asked).orElseThrow();

            assertThat(found).hasSize(ids.size() - 1).doesNotContainKeys(deleted, unknown);
            for (UUID id : ids) {
                if (!id.equals(deleted)) {
                    assertThat(found.get(id).key()).isEqualTo(c.read(view -> view.entities().get(id)).orElseThrow().key());
                }
            }
        }
    }

    @Test
    void answersNothingWhileTheStoreIsClosedOrItsRowsAreOnlyOnDisk() {
        List<UUID> ids;
        try (Database db = TestCollections.open(dir)) {
            ids = write(TestCollections.create(db, "c"), 10);
        }
        try (Database db = TestCollections.open(dir)) {
            Collection c = db.collection("c");
            assertThat(c.isOpen()).isFalse();
            assertThat(c.entitiesInMemory(ids)).as("a closed store is not opened").isEmpty();
            assertThat(c.isOpen()).isFalse();

            // Reopening flushed the recovered rows to a file; no block of it is cached yet.
            c.read(view -> view.schema());
            assertThat(c.entitiesInMemory(ids)).as("rows only on disk").isEmpty();

            c.read(view -> ids.stream().map(id -> view.entities().get(id)).toList());
            Optional<Map<UUID, Entity>> cached = c.entitiesInMemory(ids);
            assertThat(cached).as("rows read once are in the block cache").isPresent();
            assertThat(cached.get()).containsOnlyKeys(ids);
        }
    }

    private static List<UUID> write(Collection c, int n) {
        List<UUID> ids = new ArrayList<>();
        c.write(Durability.STRICT, tx -> {
            ids.clear(); // a retried transaction runs again
            for (int i = 0; i < n; i++) {
                ids.add(tx.upsertEntity("p" + i, "Person"));
            }
        });
        return ids;
    }
}
