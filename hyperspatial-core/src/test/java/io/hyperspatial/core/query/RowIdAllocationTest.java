package io.hyperspatial.core.query;

import io.hyperspatial.hyperql.Engine;
import io.hyperspatial.hyperql.StatementResult;
import io.hyperspatial.hyperql.error.ErrorCode;
import io.hyperspatial.hyperql.error.HqlException;
import io.hyperspatial.manifold.Collection;
import io.hyperspatial.manifold.Database;
import io.hyperspatial.manifold.DatabaseOptions;
import io.hyperspatial.manifold.Durability;
import io.hyperspatial.manifold.StoragePreset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** {@code INTEGER PRIMARY KEY} over a collection: SQLite's rowid rule, across reopens and concurrent statements. */
class RowIdAllocationTest {
    @TempDir
    Path dir;

    private Database db;
    private Collection collection;
    private Engine engine;

    @BeforeEach
    void open() {
        db = Database.open(dir, DatabaseOptions.preset(StoragePreset.SMALL));
        collection = db.getOrCreateCollection("c");
        engine = newEngine();
    }

    @AfterEach
    void close() {
        db.close();
    }

    private Engine newEngine() {
        return new Engine(new CollectionDataSource(collection, null, Durability.ASYNC));
    }

    /** What one thread does with its own engine over the collection. */
    @FunctionalInterface
    private interface Worker {
        void run(Engine own, int thread) throws Exception;
    }

    /** Runs {@code worker} on {@code threads} threads at once, each with its own engine, and waits for all. */
    private void onThreads(int threads, Worker worker) throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> workers = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                Engine own = newEngine();
                int thread = t;
                workers.add(pool.submit(() -> {
                    start.await();
                    worker.run(own, thread);
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> w : workers) {
                w.get();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private List<Long> ids(String table) {
        return ((StatementResult.Rows) engine.execute("SELECT id FROM " + table + " ORDER BY id")).rows().stream()
                .map(r -> (Long) r.getFirst()).toList();
    }

    @Test
    void aNullKeyGetsOneMoreThanTheLargest() {
        engine.executeScript("""
                CREATE TABLE r(id INTEGER PRIMARY KEY, v TEXT);
                INSERT INTO r(v) VALUES('a'), ('b');
                INSERT INTO r(key, id, v) VALUES('c', NULL, 'c');
                INSERT INTO r(id, v) VALUES(10, 'd');
                INSERT INTO r(v) VALUES('e');
                """);
        assertThat(ids("r")).containsExactly(1L, 2L, 3L, 10L, 11L);

        engine.executeScript("DELETE FROM r WHERE id >= 10; INSERT INTO r(v) SELECT v || 'x' FROM r WHERE id <= 2");
        assertThat(ids("r")).as("the deleted largest values are handed out again, as in SQLite").containsExactly(1L, 2L, 3L, 4L, 5L);

        db.close();
        open();
        engine.execute("INSERT INTO r(v) VALUES('after reopen')");
        assertThat(ids("r")).endsWith(5L, 6L);
    }

    @Test
    void negativeAndLargestKeysFollowSqlite() {
        engine.executeScript("""
                CREATE TABLE neg(id INTEGER PRIMARY KEY, v TEXT);
                INSERT INTO neg(id, v) VALUES(-5, 'a');
                INSERT INTO neg(v) VALUES('b');
                CREATE TABLE capped(id INTEGER PRIMARY KEY, v TEXT);
                INSERT INTO capped(id, v) VALUES(9223372036854775807, 'max');
                """);
        assertThat(ids("neg")).containsExactly(-5L, -4L);
        HqlException e = catchThrowableOfType(HqlException.class, () -> engine.execute("INSERT INTO capped(v) VALUES('more')"));
        assertThat(e.code()).isEqualTo(ErrorCode.HQL_OUT_OF_RANGE);
        assertThat(ids("capped")).containsExactly(Long.MAX_VALUE);
    }

    @Test
    void concurrentStatementsNeverHandOutTheSameKey() throws Exception {
        engine.execute("CREATE TABLE r(id INTEGER PRIMARY KEY, v TEXT)");
        int threads = 3;
        int inserts = 25;
        onThreads(threads, (own, thread) -> {
            for (int i = 0; i < inserts; i++) {
                own.execute("INSERT INTO r(v) VALUES(?)", thread + "/" + i);
            }
        });
        assertThat(ids("r")).as("each statement's allocation conflicted with a concurrent one that picked the same key")
                .containsExactlyElementsOf(LongStream.rangeClosed(1, (long) threads * inserts).boxed().toList());
    }

    @Test
    void concurrentInsertsOfTheSameUniqueValueLetOneWin() throws Exception {
        engine.execute("CREATE TABLE u(id INTEGER PRIMARY KEY, code TEXT UNIQUE)");
        int threads = 3;
        int values = 20;
        onThreads(threads, (own, thread) -> {
            for (int i = 0; i < values; i++) {
                own.execute("INSERT OR IGNORE INTO u(code) VALUES(?)", "code" + i);
            }
        });
        StatementResult.Rows counts = (StatementResult.Rows) engine.execute("SELECT count(*), count(DISTINCT code) FROM u");
        assertThat(counts.rows()).containsExactly(List.of((long) values, (long) values));
    }

    @Test
    void lastInsertRowidIsTheFilledInKeyOfTheSessionsLastInsert() {
        engine.execute("CREATE TABLE r(id INTEGER PRIMARY KEY, v TEXT UNIQUE)");
        io.hyperspatial.hyperql.Session session = engine.openSession();
        session.execute("INSERT INTO r(v) VALUES('a'), ('b')");
        session.execute("INSERT OR IGNORE INTO r(v) VALUES('a')");

        assertThat(((StatementResult.Rows) session.execute("SELECT last_insert_rowid(), changes()")).rows())
                .containsExactly(List.of(2L, 0L));
        session.execute("INSERT INTO r(id, v) VALUES(7, 'c')");
        assertThat(session.lastInsertRowid()).isEqualTo(7);
        assertThat(engine.openSession().lastInsertRowid()).as("another session's").isZero();
    }
}
