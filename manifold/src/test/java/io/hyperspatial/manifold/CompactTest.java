package io.hyperspatial.manifold;

import io.hyperspatial.manifold.store.ColumnFamilies;
import io.hyperspatial.manifold.store.Lease;
import io.hyperspatial.manifold.value.Value;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rocksdb.FlushOptions;
import org.rocksdb.RocksDBException;

import java.nio.file.Path;
import java.util.Map;
import java.util.SortedMap;
import java.util.SplittableRandom;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** {@link Collection#compact()}: one sorted run per table afterwards, the same rows. */
class CompactTest {
    @TempDir Path dir;
    private Database db;
    private Collection c;

    @BeforeEach
    void open() {
        db = TestCollections.open(dir);
        c = TestCollections.create(db, "compacted");
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void leavesNoLevelZeroFilesAndNoMemtableRowsAndKeepsEveryRow() throws RocksDBException {
        SplittableRandom random = new SplittableRandom(3);
        for (int batch = 0; batch < 3; batch++) {
            int first = batch * 50;
            c.bulkWrite(Durability.ASYNC, tx -> {
                for (int i = first; i < first + 50; i++) {
                    UUID id = tx.upsertEntity("p" + random.nextInt(120), "Person");
                    tx.patchProperties(id, Map.of("age", Value.of(i), "name", Value.of("n" + i)));
                }
            });
            try (Lease lease = c.acquire(); FlushOptions wait = new FlushOptions().setWaitForFlush(true)) {
                lease.store().db().flush(wait, lease.store().family(ColumnFamilies.ENTITIES));
            }
        }
        c.write(Durability.ASYNC, tx -> tx.deleteEntity(c.ids().forKey("p7")));
        assertThat(level0Files()).isEqualTo(3);
        SortedMap<String, String> before = StoreDump.rows(c);

        c.compact();

        assertThat(level0Files()).isZero();
        assertThat(memtableRows()).isZero();
        assertThat(StoreDump.rows(c)).isEqualTo(before);
    }

    /** A string property in RocksDB, so not read with {@code longProperty}. */
    private long level0Files() throws RocksDBException {
        try (Lease lease = c.acquire()) {
            return Long.parseLong(lease.store().db().getProperty(lease.store().family(ColumnFamilies.ENTITIES),
                    "rocksdb.num-files-at-level0"));
        }
    }

    private long memtableRows() {
        try (Lease lease = c.acquire()) {
            return lease.store().longProperty(ColumnFamilies.ENTITIES, "rocksdb.num-entries-active-mem-table");
        }
    }
}
