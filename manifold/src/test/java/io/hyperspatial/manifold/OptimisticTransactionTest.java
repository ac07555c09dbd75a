package io.hyperspatial.manifold;

import io.hyperspatial.manifold.error.ConflictException;
import io.hyperspatial.manifold.error.ErrorCode;
import io.hyperspatial.manifold.feed.ChangeEvent;
import io.hyperspatial.manifold.value.Value;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Optimistic concurrency: lost updates are impossible, conflicts are typed, {@code guard} covers
 * read-only dependencies, {@code claim} makes decisions on index reads exclusive.
 */
class OptimisticTransactionTest {
    @TempDir
    Path dir;

    private Database db;
    private Collection people;
    private UUID x;
    private UUID y;

    @BeforeEach
    void open() {
        db = TestCollections.open(dir);
        people = TestCollections.create(db, "people");
        x = people.ids().forKey("x");
        y = people.ids().forKey("y");
        people.write(tx -> {
            tx.upsertEntity("x", "Person");
            tx.upsertEntity("y", "Person");
            tx.patchProperties(x, Map.of("age", Value.of(0)));
            tx.patchProperties(y, Map.of("age", Value.of(0)));
        });
    }

    @AfterEach
    void close() {
        db.close();
    }

    private long age(UUID id) {
        try (ReadView v = people.snapshot()) {
            return ((Value.IntValue) v.properties().get(id, "age").orElseThrow()).value();
        }
    }

    private static long age(Transaction tx, UUID id) {
        return ((Value.IntValue) tx.properties().get(id, "age").orElseThrow()).value();
    }

    @Test
    void concurrentReadModifyWriteIncrementsLoseNothing() throws Exception {
        int threads = 4;
        int increments = 200;
        long sequenceBefore = people.changes().lastSequence();
        AtomicInteger attempts = new AtomicInteger();
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> workers = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                workers.add(pool.submit(() -> {
                    start.await();
                    for (int i = 0; i < increments; i++) {
                        people.write(tx -> {
                            attempts.incrementAndGet();
                            tx.patchProperties(x, Map.of("age", Value.of(age(tx, x) + 1)));
                        });
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> w : workers) {
                w.get(2, TimeUnit.MINUTES);
            }
        } finally {
            pool.shutdownNow();
        }

        String conflicts = (attempts.get() - threads * increments) + " attempts lost a conflict and were retried";
        assertThat(age(x)).as(conflicts).isEqualTo(threads * increments);
        try (ReadView v = people.snapshot()) {
            assertThat(v.entities().get(x).orElseThrow().version()).isEqualTo(1 + threads * increments);
        }
        List<ChangeEvent> events = people.changes().read(sequenceBefore, 10 * threads * increments);
        assertThat(events).as("one event per committed increment").hasSize(threads * increments);
        assertThat(events).allSatisfy(e -> assertThat(e.changes()).singleElement().satisfies(c -> assertThat(c.id()).isEqualTo(x)));
    }

    @Test
    void aManualTransactionThatLosesAConflictThrowsAndWritesNothing() {
        long sequenceBefore = people.changes().lastSequence();

        try (Transaction first = people.begin(Durability.STRICT); Transaction second = people.begin(Durability.STRICT)) {
            first.patchProperties(x, Map.of("age", Value.of(age(first, x) + 1)));
            second.patchProperties(x, Map.of("age", Value.of(age(second, x) + 10)));
            second.patchProperties(y, Map.of("age", Value.of(5)));

            first.commit();
            assertTransactionConflict(second::commit);
        }

        assertThat(age(x)).isEqualTo(1);
        assertThat(age(y)).isZero();
        List<ChangeEvent> events = people.changes().read(sequenceBefore, 10);
        assertThat(events).hasSize(1);
        assertThat(events.getFirst().changes()).singleElement().satisfies(c -> assertThat(c.id()).isEqualTo(x));
    }

    @Test
    void twoTransactionsCreatingTheSameEntityConflict() {
        try (Transaction first = people.begin(Durability.STRICT); Transaction second = people.begin(Durability.STRICT)) {
            first.upsertEntity("z", "Person");
            second.upsertEntity("z", "City");

            first.commit();
            assertTransactionConflict(second::commit);
        }

        try (ReadView v = people.snapshot()) {
            assertThat(v.entities().get(people.ids().forKey("z")).orElseThrow().type()).isEqualTo("Person");
        }
    }

    @Test
    void transactionsOnDifferentEntitiesDoNotConflict() {
        try (Transaction first = people.begin(Durability.STRICT); Transaction second = people.begin(Durability.STRICT)) {
            first.patchProperties(x, Map.of("age", Value.of(1)));
            second.patchProperties(y, Map.of("age", Value.of(2)));

            first.commit();
            second.commit();
        }

        assertThat(age(x)).isEqualTo(1);
        assertThat(age(y)).isEqualTo(2);
    }

    @Test
    void guardMakesAReadOnlyDependencyConflict() {
        try (Transaction derive = people.begin(Durability.STRICT)) {
            long source = age(derive, x);
            derive.guard(x);
            derive.patchProperties(y, Map.of("age", Value.of(source * 2 + 1)));

            people.write(tx -> tx.patchProperties(x, Map.of("age", Value.of(100))));

            assertTransactionConflict(derive::commit);
        }

        assertThat(age(y)).as("the stale derived value was not written").isZero();
    }

    @Test
    void withoutGuardAReadOnlyDependencyDoesNotConflict() {
        try (Transaction derive = people.begin(Durability.STRICT)) {
            long source = age(derive, x);
            derive.patchProperties(y, Map.of("age", Value.of(source * 2 + 1)));

            people.write(tx -> tx.patchProperties(x, Map.of("age", Value.of(100))));

            derive.commit();
        }

        assertThat(age(y)).as("a read alone is not tracked: the write went through on a stale read").isEqualTo(1);
    }

    @Test
    void guardingAnEntityThatSomeoneCreatesMeanwhileConflicts() {
        UUID late = people.ids().forKey("late");
        try (Transaction tx = people.begin(Durability.STRICT)) {
            assertThat(tx.entities().exists(late)).isFalse();
            tx.guard(late);
            tx.patchProperties(y, Map.of("age", Value.of(-1)));

            people.write(other -> other.upsertEntity("late", "Person"));

            assertTransactionConflict(tx::commit);
        }
    }

    @Test
    void guardingAnEntityThatOthersOnlyReadCommits() {
        try (Transaction tx = people.begin(Durability.STRICT)) {
            tx.guard(x);
            tx.patchProperties(y, Map.of("age", Value.of(age(tx, x) + 7)));

            assertThat(age(x)).isZero();
            people.write(other -> other.upsertEntity("elsewhere", "City"));

            tx.commit();
        }

        assertThat(age(y)).isEqualTo(7);
    }

    @Test
    void twoTransactionsClaimingTheSameTokenConflict() {
        byte[] token = "age=7".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        try (Transaction first = people.begin(Durability.STRICT);
             Transaction second = people.begin(Durability.STRICT)) {
            first.claim(token);
            first.patchProperties(x, Map.of("age", Value.of(7)));
            second.claim(token);
            second.patchProperties(y, Map.of("age", Value.of(7)));

            first.commit();
            assertTransactionConflict(second::commit);
        }

        assertThat(age(x)).isEqualTo(7);
        assertThat(age(y)).as("the second claimant wrote nothing").isZero();
    }

    @Test
    void claimsOfDifferentTokensDoNotConflict() {
        try (Transaction first = people.begin(Durability.STRICT);
             Transaction second = people.begin(Durability.STRICT)) {
            first.claim(new byte[]{1});
            first.patchProperties(x, Map.of("age", Value.of(1)));
            second.claim(new byte[]{2});
            second.patchProperties(y, Map.of("age", Value.of(2)));

            first.commit();
            second.commit();
        }

        assertThat(age(x)).isEqualTo(1);
        assertThat(age(y)).isEqualTo(2);
    }

    @Test
    void writeRetriesAConflictOnAFreshSnapshot() {
        AtomicInteger attempts = new AtomicInteger();

        people.write(tx -> {
            long seen = age(tx, x);
            if (attempts.incrementAndGet() == 1) {
                people.write(other -> other.patchProperties(x, Map.of("age", Value.of(50))));
            }
            tx.patchProperties(x, Map.of("age", Value.of(seen + 1)));
        });

        assertThat(attempts.get()).isEqualTo(2);
        assertThat(age(x)).isEqualTo(51);
    }

    @Test
    void writeGivesUpAfterItsRetryBudget(@TempDir Path otherDir) {
        try (Database small = Database.open(otherDir, DatabaseOptions.preset(StoragePreset.SMALL).withTransactionRetries(2))) {
            Collection c = TestCollections.create(small, "people");
            UUID id = c.ids().forKey("x");
            c.write(tx -> tx.upsertEntity("x", "Person"));
            AtomicInteger attempts = new AtomicInteger();

            assertTransactionConflict(() -> c.write(tx -> {
                attempts.incrementAndGet();
                tx.patchProperties(id, Map.of("age", Value.of(1)));
                c.write(other -> other.patchProperties(id, Map.of("age", Value.of(2))));
            }));

            assertThat(attempts.get()).as("the first try and two retries").isEqualTo(3);
        }
    }

    private static void assertTransactionConflict(ThrowingCallable call) {
        assertThatThrownBy(call).isInstanceOfSatisfying(ConflictException.class, e -> {
            assertThat(e.code()).isEqualTo(ErrorCode.TRANSACTION_CONFLICT);
            assertThat(e.code().code()).isEqualTo("transaction.conflict");
        });
    }
}
