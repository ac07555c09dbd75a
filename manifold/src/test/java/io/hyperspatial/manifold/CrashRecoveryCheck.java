package io.hyperspatial.manifold;

import io.hyperspatial.manifold.feed.ChangeEvent;
import io.hyperspatial.manifold.feed.ChangeFlag;
import io.hyperspatial.manifold.feed.EntityChange;
import io.hyperspatial.manifold.store.ColumnFamilies;
import io.hyperspatial.manifold.store.Cursor;
import io.hyperspatial.manifold.store.EntityIds;
import io.hyperspatial.manifold.store.Keys;
import io.hyperspatial.manifold.table.Edge;
import io.hyperspatial.manifold.table.EdgeRecord;
import io.hyperspatial.manifold.table.Entity;
import io.hyperspatial.manifold.value.Value;
import org.rocksdb.ColumnFamilyHandle;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Opens a database that {@link CrashWriter}s were killed in and checks what recovery left:
 * every acknowledged operation is there; every operation that is there is whole (entity, five
 * properties, vector, edge in both directions) and so is its thread's earlier work; no row
 * belongs to a missing entity; and the change feed holds exactly one event per entity present,
 * every acknowledged sequence among them.
 */
final class CrashRecoveryCheck {
    /** What the recovered database held. */
    record Recovered(long lastSequence, int entities) {
    }

    private CrashRecoveryCheck() {
    }

    /** @param acknowledged entity key to the sequence its commit returned, for every ACK seen */
    static Recovered verify(Path database, Map<String, Long> acknowledged) {
        try (Database db = Database.open(database, DatabaseOptions.preset(StoragePreset.SMALL))) {
            Collection c = db.collection(CrashWriter.COLLECTION);
            EntityIds ids = c.ids();
            long last = c.changes().lastSequence();
            Map<UUID, Entity> entities = c.read(view -> {
                Map<UUID, Entity> all = new HashMap<>();
                view.entities().forEach(e -> all.put(e.id(), e));
                for (Entity e : all.values()) {
                    checkWhole(view, ids, e, all.keySet());
                }
                checkNoOrphans(view, all.keySet());
                return all;
            });
            for (String key : acknowledged.keySet()) {
                assertThat(entities).as("acknowledged %s", key).containsKey(ids.forKey(key));
            }
            checkFeed(c.changes().read(0, last, Integer.MAX_VALUE), ids, entities.keySet(), acknowledged);
            return new Recovered(last, entities.size());
        }
    }

    /** Fails the test with {@code message} unless {@code condition}; cheap enough for every row. */
    private static void require(boolean condition, Supplier<String> message) {
        if (!condition) {
            throw new AssertionError(message.get());
        }
    }

    private static void checkWhole(ReadView view, EntityIds ids, Entity e, Set<UUID> present) {
        String key = e.key().orElseThrow(() -> new AssertionError("entity " + e.id() + " has no key"));
        require(e.type().equals(CrashWriter.TYPE) && e.version() == 1, () -> key + " has header " + e);
        Map<String, Value> props = view.properties().all(e.id());
        require(props.keySet().equals(Set.of("name", "n", "round", "thread", "prev")),
                () -> key + " has properties " + props + ", not all five");
        long n = ((Value.IntValue) props.get("n")).value();
        int round = (int) ((Value.IntValue) props.get("round")).value();
        int thread = (int) ((Value.IntValue) props.get("thread")).value();
        String prev = ((Value.StringValue) props.get("prev")).value();
        require(props.get("name").equals(Value.of(key)) && key.equals(CrashWriter.key(round, n))
                && thread >= 0 && thread < CrashWriter.THREADS, () -> key + " has properties " + props);
        UUID target = ids.forKey(prev);
        require(prev.equals(CrashWriter.rootKey(round, thread)) || present.contains(target),
                () -> key + " follows " + prev + ", which its thread committed before it, but " + prev + " is missing");
        Optional<float[]> vector = view.vectors().dense(e.id(), CrashWriter.VECTOR);
        require(vector.isPresent() && Arrays.equals(vector.get(), CrashWriter.vector(round, n)),
                () -> key + " has vector " + vector.map(Arrays::toString));
        List<Edge> out = view.graph().outgoing(e.id());
        require(out.size() == 1 && out.getFirst().equals(new Edge(e.id(), CrashWriter.EDGE, target,
                        CrashWriter.weight(n), true, out.getFirst().createdMillis(), 0)),
                () -> key + " has outgoing edges " + out + ", expected one to " + prev);
        require(view.graph().incoming(target, CrashWriter.EDGE).stream().anyMatch(in -> in.from().equals(e.id())),
                () -> "the edge " + key + " -> " + prev + " has no incoming row");
    }

    /** Every row of the entity-keyed families belongs to an entity that exists, and each has all of them. */
    private static void checkNoOrphans(ReadView view, Set<UUID> present) {
        // properties live in the entity rows (checked whole above); format 2 writes no property rows
        assertThat(countRows(view, view.reader().store().family(ColumnFamilies.PROPERTIES), k -> Keys.getUuid(k, 0), present))
                .as("property rows").isZero();
        assertThat(countRows(view, view.reader().store().family(ColumnFamilies.EDGES_OUT), k -> Keys.getUuid(k, 0), present))
                .as("outgoing edge rows").isEqualTo(present.size());
        assertThat(countRows(view, view.reader().store().family(ColumnFamilies.EDGES_IN), EdgeRecord::other, present))
                .as("incoming edge rows").isEqualTo(present.size());
        ColumnFamilyHandle vectors = view.reader().store().existingVectorFamily(CrashWriter.VECTOR);
        assertThat(vectors == null ? 0 : countRows(view, vectors, k -> Keys.getUuid(k, 0), present))
                .as("vector rows").isEqualTo(present.size());
    }

    private static long countRows(ReadView view, ColumnFamilyHandle family, Function<byte[], UUID> owner, Set<UUID> present) {
        long rows = 0;
        try (Cursor cursor = view.reader().scan(family, new byte[0], null)) {
            while (cursor.next()) {
                UUID id = owner.apply(cursor.key());
                require(present.contains(id), () -> "a row of missing entity " + id);
                rows++;
            }
        }
        return rows;
    }

    private static void checkFeed(List<ChangeEvent> events, EntityIds ids, Set<UUID> present, Map<String, Long> acknowledged) {
        assertThat(events).extracting(ChangeEvent::sequence).isSorted().doesNotHaveDuplicates();
        Map<Long, UUID> createdBy = new HashMap<>();
        for (ChangeEvent e : events) {
            if (e.schemaRevision() != 0) {
                assertThat(e.changes()).isEmpty();
                continue;
            }
            List<UUID> created = e.changes().stream().filter(ch -> ch.has(ChangeFlag.CREATED)).map(EntityChange::id).toList();
            assertThat(created).as("entities created by event %d", e.sequence()).hasSize(1);
            createdBy.put(e.sequence(), created.getFirst());
        }
        assertThat(createdBy.values()).as("one event per entity present").doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(present);
        acknowledged.forEach((key, seq) ->
                assertThat(createdBy.get(seq)).as("event %d acknowledged for %s", seq, key).isEqualTo(ids.forKey(key)));
    }
}
