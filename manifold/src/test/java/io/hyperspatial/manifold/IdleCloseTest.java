package io.hyperspatial.manifold;

import io.hyperspatial.manifold.error.ErrorCode;
import io.hyperspatial.manifold.error.ManifoldException;
import io.hyperspatial.manifold.error.NotFoundException;
import io.hyperspatial.manifold.error.StorageException;
import io.hyperspatial.manifold.feed.ChangeEvent;
import io.hyperspatial.manifold.table.Entity;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Cold storage: idle collections close and reopen transparently; database and collection lifecycle. */
class IdleCloseTest {
    private static final Duration WAIT = Duration.ofSeconds(10);

    @TempDir Path dir;
    private final List<Database> opened = new ArrayList<>();

    private Database open(Duration idleClose) {
        Database db = Database.open(dir, DatabaseOptions.preset(StoragePreset.SMALL).withIdleClose(idleClose));
        opened.add(db);
        return db;
    }

    @AfterEach
    void closeAll() {
        opened.forEach(Database::close);
    }

    private static void awaitClosed(Collection c) {
        Poll.until(WAIT, () -> !c.isOpen(), "collection '" + c.name() + "' to close when idle");
    }

    @Test
    void idleCollectionClosesAndReopensTransparentlyOnReadAndWrite() {
        Database db = open(Duration.ofMillis(200));
        Collection c = db.createCollection("cold");
        ChainWorkload chain = new ChainWorkload("n");
        ChainWorkload.defineSchema(c);
        for (int i = 1; i <= 6; i++) {
            chain.write(c, Durability.STRICT, i);
        }
        long last = c.changes().lastSequence();
        long revision = c.schema().revision();

        awaitClosed(c);
        CollectionStats stats = c.stats();
        assertThat(stats.open()).isFalse();
        assertThat(stats.lastSequence()).isEqualTo(last);
        assertThat(c.isOpen()).as("stats do not reopen a cold collection").isFalse();

        c.read(view -> {
            chain.check(view, c.ids(), 6);
            return null;
        });
        assertThat(c.isOpen()).isTrue();
        assertThat(c.schema().revision()).isEqualTo(revision);

        awaitClosed(c);
        assertThat(chain.write(c, Durability.STRICT, 7)).isEqualTo(last + 1);
        awaitClosed(c);
        assertThat(c.changes().read(0, 100)).extracting(ChangeEvent::sequence).hasSize((int) last + 1);
        awaitClosed(c);
        c.read(view -> {
            chain.check(view, c.ids(), 7);
            return null;
        });
    }

    @Test
    void aHeldReadViewOrTransactionKeepsTheCollectionOpen() {
        Database db = open(Duration.ofMillis(200));
        Collection held = db.createCollection("held");
        Collection witness = db.createCollection("witness");
        ChainWorkload chain = new ChainWorkload("n");
        for (Collection c : List.of(held, witness)) {
            ChainWorkload.defineSchema(c);
            chain.write(c, Durability.STRICT, 1);
        }
        assertHoldingKeepsOpen(held, witness, held::snapshot);
        assertHoldingKeepsOpen(held, witness, () -> held.begin(Durability.STRICT));
    }

    /**
     * Holds what {@code hold} returns on {@code held}, then uses {@code witness}: when the
     * maintenance pass closes the witness, it found {@code held} idle for at least as long, so
     * only the hold can have kept it open.
     */
    private static void assertHoldingKeepsOpen(Collection held, Collection witness, Supplier<AutoCloseable> hold) {
        try (AutoCloseable resource = hold.get()) {
            witness.read(view -> view.entities().count());
            awaitClosed(witness);
            assertThat(held.isOpen()).as("held collection after the witness closed").isTrue();
            if (resource instanceof ReadView view) {
                assertThat(view.entities().count()).isEqualTo(1);
            }
        } catch (Exception e) {
            throw new AssertionError(e);
        }
        awaitClosed(held);
    }

    @Test
    void concurrentReadsWritesAndViewsSurviveAggressiveClosing() throws Exception {
        Database db = open(Duration.ofMillis(1));
        Collection c = db.createCollection("busy");
        ChainWorkload.defineSchema(c);
        long deadline = System.nanoTime() + Duration.ofSeconds(3).toNanos();
        List<Throwable> errors = new CopyOnWriteArrayList<>();
        Set<Long> committed = ConcurrentHashMap.newKeySet();
        int writers = 2;
        int[] written = new int[writers];
        AtomicInteger closes = new AtomicInteger();
        AtomicInteger views = new AtomicInteger();
        List<Thread> threads = new ArrayList<>();

        for (int t = 0; t < writers; t++) {
            int w = t;
            ChainWorkload chain = new ChainWorkload("w" + w);
            threads.add(worker(errors, () -> {
                for (int i = 1; System.nanoTime() < deadline; i++) {
                    committed.add(chain.write(c, Durability.STRICT, i));
                    written[w] = i;
                    pause(5);
                }
            }));
        }
        for (int r = 0; r < 2; r++) {
            threads.add(worker(errors, () -> {
                long lastSeen = 0;
                while (System.nanoTime() < deadline) {
                    try (ReadView view = c.snapshot()) {
                        assertThat(view.sequence()).as("views never go back in time").isGreaterThanOrEqualTo(lastSeen);
                        lastSeen = view.sequence();
                        checkWhole(view);
                        pause(10);
                        checkWhole(view);
                    }
                    views.incrementAndGet();
                    pause(5);
                }
            }));
        }
        threads.add(worker(errors, () -> {
            long after = 0;
            while (System.nanoTime() < deadline) {
                for (ChangeEvent e : c.changes().read(after, 50)) {
                    assertThat(e.sequence()).isGreaterThan(after);
                    after = e.sequence();
                }
                pause(5);
            }
        }));
        threads.add(worker(errors, () -> {
            while (System.nanoTime() < deadline) {
                if (c.closeIfIdle(System.nanoTime(), 1)) {
                    closes.incrementAndGet();
                }
                pause(2);
            }
        }));
        for (Thread t : threads) {
            t.join();
        }

        assertThat(errors).isEmpty();
        assertThat(closes.get()).as("the collection was closed under load").isPositive();
        assertThat(views.get()).isPositive();
        assertThat(written).as("operations per writer").doesNotContain(0);
        c.read(view -> {
            for (int w = 0; w < writers; w++) {
                new ChainWorkload("w" + w).check(view, c.ids(), written[w]);
            }
            assertThat(view.entities().count())
                    .isEqualTo(ChainWorkload.expectedCount(written[0]) + ChainWorkload.expectedCount(written[1]));
            return null;
        });
        List<Long> feed = c.changes().read(0, 100_000).stream().map(ChangeEvent::sequence).toList();
        assertThat(new HashSet<>(feed)).containsAll(committed);
    }

    /** Every entity in the view has all the rows its operation wrote (commits are atomic to readers). */
    private static void checkWhole(ReadView view) {
        view.entities().forEach((Entity e) -> {
            assertThat(view.properties().all(e.id())).as("properties of %s", e.key()).hasSize(2);
            assertThat(view.vectors().dense(e.id(), ChainWorkload.VECTOR)).as("vector of %s", e.key()).isPresent();
        });
    }

    private static Thread worker(List<Throwable> errors, ThrowingRunnable body) {
        return Thread.ofPlatform().start(() -> {
            try {
                body.run();
            } catch (Throwable t) {
                errors.add(t);
            }
        });
    }

    private interface ThrowingRunnable {
        void run() throws Exception;
    }

    private static void pause(int maxMillis) throws InterruptedException {
        Thread.sleep(ThreadLocalRandom.current().nextInt(maxMillis + 1));
    }

    @Test
    void databaseClosesWithEveryCollectionIdleAndReopensWithTheirData() {
        Database db = open(Duration.ofMillis(200));
        ChainWorkload chain = new ChainWorkload("n");
        List<Collection> collections = List.of(db.createCollection("a"), db.createCollection("b"));
        for (Collection c : collections) {
            ChainWorkload.defineSchema(c);
            for (int i = 1; i <= 3; i++) {
                chain.write(c, Durability.STRICT, i);
            }
        }
        collections.forEach(IdleCloseTest::awaitClosed);
        db.close();
        db.close();
        assertThatThrownBy(() -> db.collection("a")).isInstanceOfSatisfying(StorageException.class,
                e -> assertThat(e.code()).isEqualTo(ErrorCode.CLOSED));
        assertThatThrownBy(() -> chain.write(collections.getFirst(), Durability.STRICT, 4))
                .isInstanceOfSatisfying(StorageException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.CLOSED));

        Database again = open(Duration.ofMillis(200));
        assertThat(again.collectionNames()).containsExactly("a", "b");
        for (String name : again.collectionNames()) {
            Collection c = again.collection(name);
            c.read(view -> {
                chain.check(view, c.ids(), 3);
                return null;
            });
        }
    }

    @Test
    void dropCollectionRemovesItsDirectory() {
        Database db = open(Duration.ofMillis(200));
        Collection open = db.createCollection("open");
        Collection cold = db.createCollection("cold");
        ChainWorkload chain = new ChainWorkload("n");
        for (Collection c : List.of(open, cold)) {
            ChainWorkload.defineSchema(c);
            chain.write(c, Durability.STRICT, 1);
        }
        awaitClosed(cold);
        chain.write(open, Durability.STRICT, 2);
        Path collections = dir.resolve("collections");
        assertThat(collections.resolve("open")).isDirectory();

        db.dropCollection("open");
        db.dropCollection("cold");

        assertThat(collections.resolve("open")).doesNotExist();
        assertThat(collections.resolve("cold")).doesNotExist();
        assertThat(collections).isEmptyDirectory();
        assertThat(db.collectionNames()).isEmpty();
        assertThatThrownBy(() -> db.collection("open")).isInstanceOfSatisfying(NotFoundException.class,
                e -> assertThat(e.code()).isEqualTo(ErrorCode.COLLECTION_NOT_FOUND));
        assertThatThrownBy(() -> chain.write(open, Durability.STRICT, 3))
                .isInstanceOfSatisfying(StorageException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.CLOSED));

        Collection fresh = db.createCollection("open");
        assertThat(fresh.changes().lastSequence()).isZero();
        long entities = fresh.read(view -> view.entities().count());
        assertThat(entities).isZero();
    }

    @Test
    void aSecondOpenOfTheSameDirectoryFailsClearlyWhileTheFirstIsOpen() {
        Database first = open(Duration.ofMillis(200));
        first.createCollection("c");

        assertThatThrownBy(() -> Database.open(dir, DatabaseOptions.preset(StoragePreset.SMALL)))
                .isInstanceOfSatisfying(StorageException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.STORAGE_IO);
                    assertThat(e.getMessage()).contains(dir.toAbsolutePath().toString()).contains("in use");
                });
        assertThat(first.collection("c").changes().lastSequence()).isZero();

        first.close();
        Database second = open(Duration.ofMillis(200));
        assertThat(second.collectionNames()).containsExactly("c");
        assertThat(Files.exists(dir.resolve("LOCK"))).isTrue();
    }

    @Test
    void anInvalidCollectionNameIsRejectedBeforeTouchingDisk() {
        Database db = open(Duration.ofMillis(200));
        assertThatThrownBy(() -> db.createCollection("../escape")).isInstanceOfSatisfying(ManifoldException.class,
                e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_ARGUMENT));
        assertThat(dir.resolve("escape")).doesNotExist();
    }
}
