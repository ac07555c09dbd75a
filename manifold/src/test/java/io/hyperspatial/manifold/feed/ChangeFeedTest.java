package io.hyperspatial.manifold.feed;

import io.hyperspatial.manifold.ChainWorkload;
import io.hyperspatial.manifold.Collection;
import io.hyperspatial.manifold.Database;
import io.hyperspatial.manifold.DatabaseOptions;
import io.hyperspatial.manifold.Durability;
import io.hyperspatial.manifold.Poll;
import io.hyperspatial.manifold.StoragePreset;
import io.hyperspatial.manifold.StoreDump;
import io.hyperspatial.manifold.Transaction;
import io.hyperspatial.manifold.error.ErrorCode;
import io.hyperspatial.manifold.error.FeedTruncatedException;
import io.hyperspatial.manifold.error.SchemaViolationException;
import io.hyperspatial.manifold.schema.VectorKind;
import io.hyperspatial.manifold.schema.VectorMetric;
import io.hyperspatial.manifold.table.PositionKind;
import io.hyperspatial.manifold.value.Value;
import io.hyperspatial.manifold.value.ValueType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static io.hyperspatial.manifold.feed.ChangeFlag.CREATED;
import static io.hyperspatial.manifold.feed.ChangeFlag.DELETED;
import static io.hyperspatial.manifold.feed.ChangeFlag.EDGES;
import static io.hyperspatial.manifold.feed.ChangeFlag.MEASURES;
import static io.hyperspatial.manifold.feed.ChangeFlag.POSITIONS;
import static io.hyperspatial.manifold.feed.ChangeFlag.PROPERTIES;
import static io.hyperspatial.manifold.feed.ChangeFlag.UPDATED;
import static io.hyperspatial.manifold.feed.ChangeFlag.VECTORS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ChangeFeedTest {
    @TempDir Path dir;
    private Database db;

    private Collection open(DatabaseOptions options) {
        db = Database.open(dir, options);
        return db.getOrCreateCollection("feed");
    }

    private Collection open() {
        return open(DatabaseOptions.preset(StoragePreset.SMALL));
    }

    @AfterEach
    void close() {
        if (db != null) {
            db.close();
        }
    }

    @Test
    void everyCommittedOperationYieldsOneEventInSequenceOrder() {
        Collection c = open();
        ChainWorkload chain = new ChainWorkload("n");
        ChainWorkload.defineSchema(c);
        long start = c.changes().lastSequence();
        long before = System.currentTimeMillis();
        List<Long> returned = new ArrayList<>();
        for (int i = 1; i <= 12; i++) {
            returned.add(chain.write(c, Durability.STRICT, i));
        }
        long after = System.currentTimeMillis();

        assertThat(returned).isSorted().doesNotHaveDuplicates();
        assertThat(returned.getFirst()).isEqualTo(start + 1);
        List<ChangeEvent> events = c.changes().read(start, 100);
        assertThat(events).extracting(ChangeEvent::sequence).containsExactlyElementsOf(returned);
        assertThat(events).allSatisfy(e -> {
            assertThat(e.timeMillis()).isBetween(before, after);
            assertThat(e.schemaRevision()).isZero();
        });
        for (int i = 1; i <= 12; i++) {
            UUID id = c.ids().forKey(chain.key(i));
            assertThat(events.get(i - 1).changes()).as("event of operation %d", i)
                    .anySatisfy(change -> assertThat(change).isEqualTo(new EntityChange(id, change.mask()))
                            .satisfies(ch -> assertThat(ch.has(CREATED)).isTrue()));
        }
        assertThat(c.changes().lastSequence()).isEqualTo(returned.getLast());
    }

    @Test
    void operationsThatCommitNothingYieldNoEvent() {
        Collection c = open();
        ChainWorkload.defineSchema(c);
        long last = new ChainWorkload("n").write(c, Durability.STRICT, 1);

        assertThat(c.write(tx -> tx.guard(c.ids().forKey("n-1")))).as("a read-only operation").isEqualTo(last);
        assertThatThrownBy(() -> c.write(tx -> {
            UUID id = tx.upsertEntity("bad", ChainWorkload.TYPE);
            tx.patchProperties(id, Map.of("n", Value.of("not a number")));
        })).isInstanceOf(SchemaViolationException.class);
        try (Transaction tx = c.begin(Durability.STRICT)) {
            tx.upsertEntity("rolled-back", ChainWorkload.TYPE);
        }
        ChainWorkload.defineSchema(c);

        assertThat(c.changes().lastSequence()).isEqualTo(last);
        assertThat(c.changes().read(last - 1, 100)).extracting(ChangeEvent::sequence).containsExactly(last);
        assertThat(new ChainWorkload("n").write(c, Durability.STRICT, 2)).isEqualTo(last + 1);
    }

    @Test
    void flagsNameWhatChangedOnEveryEntityTouched() {
        Collection c = open();
        c.updateSchema(s -> s.entityType("Person", Map.of("name", ValueType.STRING))
                .vectorField("emb", VectorKind.DENSE, 2, VectorMetric.L2).edgeType("knows")
                .measure("temp", Duration.ZERO));
        UUID a = c.ids().forKey("a");
        UUID b = c.ids().forKey("b");
        UUID d = c.ids().forKey("d");

        assertThat(flagsOf(c, tx -> tx.upsertEntity("a", "Person"))).isEqualTo(Map.of(a, EnumSet.of(CREATED)));
        assertThat(flagsOf(c, tx -> {
            tx.upsertEntity("b", "Person");
            tx.patchProperties(b, Map.of("name", Value.of("Bob")));
        })).isEqualTo(Map.of(b, EnumSet.of(CREATED, UPDATED, PROPERTIES)));
        assertThat(flagsOf(c, tx -> tx.upsertEntity("a", "Person"))).isEqualTo(Map.of(a, EnumSet.of(UPDATED)));
        assertThat(flagsOf(c, tx -> tx.patchProperties(a, Map.of("name", Value.of("Ann")))))
                .isEqualTo(Map.of(a, EnumSet.of(UPDATED, PROPERTIES)));
        assertThat(flagsOf(c, tx -> tx.patchProperties(a, Map.of("name", Value.NULL))))
                .isEqualTo(Map.of(a, EnumSet.of(UPDATED, PROPERTIES)));
        assertThat(flagsOf(c, tx -> tx.setVector(a, "emb", new float[]{1, 2})))
                .isEqualTo(Map.of(a, EnumSet.of(UPDATED, VECTORS)));
        assertThat(flagsOf(c, tx -> tx.removeVector(a, "emb"))).isEqualTo(Map.of(a, EnumSet.of(UPDATED, VECTORS)));
        assertThat(flagsOf(c, tx -> tx.addEdge(a, "knows", b, 1f)))
                .isEqualTo(Map.of(a, EnumSet.of(EDGES), b, EnumSet.of(EDGES)));
        assertThat(flagsOf(c, tx -> tx.removeEdge(a, "knows", b)))
                .isEqualTo(Map.of(a, EnumSet.of(EDGES), b, EnumSet.of(EDGES)));
        assertThat(flagsOf(c, tx -> tx.appendMeasure(a, "temp", 1000, 20.5))).isEqualTo(Map.of(a, EnumSet.of(MEASURES)));
        assertThat(flagsOf(c, tx -> tx.setPosition(a, PositionKind.GRAPH, new double[]{1, 0}, 1000)))
                .isEqualTo(Map.of(a, EnumSet.of(POSITIONS)));
        assertThat(flagsOf(c, tx -> {
            tx.upsertEntity("d", "Person");
            tx.addEdge(d, "knows", b, 1f);
            tx.addEdge(b, "knows", a, 1f);
        })).isEqualTo(Map.of(d, EnumSet.of(CREATED, EDGES), b, EnumSet.of(EDGES), a, EnumSet.of(EDGES)));
        assertThat(flagsOf(c, tx -> tx.deleteEntity(b)))
                .as("deleting b drops its edges, which changes both neighbours")
                .isEqualTo(Map.of(b, EnumSet.of(DELETED), a, EnumSet.of(EDGES), d, EnumSet.of(EDGES)));
    }

    /** Commits {@code work} and returns the flags its one event carries, per entity. */
    private static Map<UUID, Set<ChangeFlag>> flagsOf(Collection c, java.util.function.Consumer<Transaction> work) {
        long seq = c.write(work);
        List<ChangeEvent> events = c.changes().read(seq - 1, 10);
        assertThat(events).extracting(ChangeEvent::sequence).containsExactly(seq);
        Map<UUID, Set<ChangeFlag>> flags = new HashMap<>();
        for (EntityChange change : events.getFirst().changes()) {
            assertThat(flags.put(change.id(), change.flags())).as("one change per entity").isNull();
            for (ChangeFlag f : ChangeFlag.values()) {
                assertThat(change.has(f)).isEqualTo(change.flags().contains(f));
            }
        }
        return flags;
    }

    @Test
    void schemaChangeYieldsAnEventCarryingTheNewRevision() {
        Collection c = open();
        c.updateSchema(s -> s.entityType("Person", Map.of("name", ValueType.STRING)));
        long first = c.changes().lastSequence();
        c.updateSchema(s -> s.entityType("Person", Map.of("name", ValueType.STRING)));
        assertThat(c.changes().lastSequence()).as("re-declaring unchanged schema").isEqualTo(first);
        c.write(tx -> tx.upsertEntity("a", "Person"));
        c.updateSchema(s -> s.edgeType("knows"));

        List<ChangeEvent> events = c.changes().read(0, 10);
        assertThat(events).extracting(ChangeEvent::sequence).containsExactly(first, first + 1, first + 2);
        assertThat(events).extracting(ChangeEvent::schemaRevision)
                .containsExactly(c.schema().revision() - 1, 0L, c.schema().revision());
        assertThat(events.get(0).changes()).isEmpty();
        assertThat(events.get(2).changes()).isEmpty();
    }

    @Test
    void readPagesThroughTheFeed() {
        Collection c = open();
        ChainWorkload chain = new ChainWorkload("n");
        ChainWorkload.defineSchema(c);
        for (int i = 1; i <= 25; i++) {
            chain.write(c, Durability.ASYNC, i);
        }
        long last = c.changes().lastSequence();
        List<ChangeEvent> all = c.changes().read(0, 1000);
        assertThat(all).hasSize((int) last);

        List<ChangeEvent> paged = new ArrayList<>();
        long after = 0;
        for (List<ChangeEvent> page = c.changes().read(after, 7); !page.isEmpty(); page = c.changes().read(after, 7)) {
            assertThat(page.size()).isLessThanOrEqualTo(7);
            paged.addAll(page);
            after = page.getLast().sequence();
        }
        assertThat(paged).isEqualTo(all);
        assertThat(c.changes().read(last, 10)).isEmpty();
        assertThat(c.changes().read(0, 0)).isEmpty();
        assertThat(c.changes().read(3, 6, 100)).extracting(ChangeEvent::sequence).containsExactly(4L, 5L, 6L);
        assertThat(c.changes().read(3, 6, 2)).extracting(ChangeEvent::sequence).containsExactly(4L, 5L);
    }

    @Test
    void lastSequenceAndEventsSurviveReopen() {
        Collection c = open();
        ChainWorkload chain = new ChainWorkload("n");
        ChainWorkload.defineSchema(c);
        for (int i = 1; i <= 6; i++) {
            chain.write(c, Durability.STRICT, i);
        }
        long last = c.changes().lastSequence();
        List<ChangeEvent> events = c.changes().read(0, 100);
        db.close();

        c = open();
        assertThat(c.changes().lastSequence()).isEqualTo(last);
        assertThat(c.changes().read(0, 100)).isEqualTo(events);
        assertThat(chain.write(c, Durability.STRICT, 7)).isEqualTo(last + 1);
    }

    @Test
    void concurrentWritersCommitEverySequenceExactlyOnceInOrder() throws Exception {
        Collection c = open(DatabaseOptions.preset(StoragePreset.SMALL).withTransactionRetries(10_000));
        c.updateSchema(s -> s.entityType("Item", Map.of("n", ValueType.INT64)));
        c.write(tx -> {
            UUID counter = tx.upsertEntity("counter", "Item");
            tx.patchProperties(counter, Map.of("n", Value.of(0)));
        });
        UUID counter = c.ids().forKey("counter");
        long start = c.changes().lastSequence();
        int threads = 4;
        int perThread = 40;
        Map<Long, UUID> committed = new ConcurrentHashMap<>();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                futures.add(pool.submit(() -> {
                    for (int i = 0; i < perThread; i++) {
                        String key = "item-" + thread + "-" + i;
                        Value number = Value.of(i);
                        // every operation also increments a shared counter, so commits conflict and retry
                        long seq = c.write(tx -> {
                            UUID id = tx.upsertEntity(key, "Item");
                            tx.patchProperties(id, Map.of("n", number));
                            long n = ((Value.IntValue) tx.properties().get(counter, "n").orElseThrow()).value();
                            tx.patchProperties(counter, Map.of("n", Value.of(n + 1)));
                        });
                        assertThat(committed.put(seq, c.ids().forKey(key))).as("sequence %d returned twice", seq).isNull();
                    }
                }));
            }
            for (Future<?> f : futures) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(committed).hasSize(threads * perThread);
        List<ChangeEvent> events = c.changes().read(start, 10_000);
        List<Long> sequences = events.stream().map(ChangeEvent::sequence).toList();
        assertThat(sequences).as("feed order").isSorted().doesNotHaveDuplicates();
        assertThat(new HashSet<>(sequences)).as("feed holds exactly the committed sequences").isEqualTo(committed.keySet());
        for (ChangeEvent e : events) {
            assertThat(e.changes()).extracting(EntityChange::id)
                    .containsExactlyInAnyOrder(committed.get(e.sequence()), counter);
        }
        Optional<Value> total = c.read(v -> v.properties().get(counter, "n"));
        assertThat(total).as("no increment lost").contains(Value.of((long) threads * perThread));
    }

    @Test
    void retentionTrimsOldEventsAndTheTrimSurvivesReopen() {
        Collection c = open(DatabaseOptions.preset(StoragePreset.SMALL).withChangeRetention(10));
        ChainWorkload chain = new ChainWorkload("n");
        ChainWorkload.defineSchema(c);
        for (int i = 1; i <= 50; i++) {
            chain.write(c, Durability.STRICT, i);
        }
        long last = c.changes().lastSequence();
        assertThat(last).isEqualTo(51);
        Collection feedOwner = c;
        Poll.until(Duration.ofSeconds(10), () -> feedOwner.changes().oldestResumable() == last - 10,
                "maintenance to trim the feed to 10 events");

        checkTrimmed(c, last);
        db.close();
        c = open(DatabaseOptions.preset(StoragePreset.SMALL).withChangeRetention(10));
        assertThat(c.changes().lastSequence()).isEqualTo(last);
        checkTrimmed(c, last);
        assertThat(StoreDump.rows(c).keySet()).as("trimmed events are deleted, not hidden")
                .filteredOn(k -> k.startsWith("changes/")).hasSize(10);
    }

    private static void checkTrimmed(Collection c, long last) {
        ChangeFeed feed = c.changes();
        assertThat(feed.oldestResumable()).isEqualTo(last - 10);
        assertThat(c.stats().oldestResumable()).isEqualTo(last - 10);
        assertThatThrownBy(() -> feed.read(0, 100)).isInstanceOfSatisfying(FeedTruncatedException.class, e -> {
            assertThat(e.code()).isEqualTo(ErrorCode.FEED_TRUNCATED);
            assertThat(e.code().code()).isEqualTo("feed.truncated");
            assertThat(e.oldestAvailable()).isEqualTo(last - 9);
        });
        assertThatThrownBy(() -> feed.read(last - 11, 100)).isInstanceOf(FeedTruncatedException.class);
        assertThatThrownBy(() -> feed.subscribe(0, event -> { })).isInstanceOf(FeedTruncatedException.class);
        assertThat(feed.read(last - 5, 100)).extracting(ChangeEvent::sequence)
                .containsExactly(last - 4, last - 3, last - 2, last - 1, last);
        List<ChangeEvent> retained = feed.read(last - 10, 100);
        assertThat(retained).hasSize(10);
        assertThat(retained.getFirst().sequence()).isEqualTo(last - 9);
    }
}
