package io.hyperspatial.manifold;

import io.hyperspatial.manifold.store.Keys;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rocksdb.ColumnFamilyDescriptor;
import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.DBOptions;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;
import org.rocksdb.WriteBatch;
import org.rocksdb.WriteOptions;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class SortedRowsTest {
    @TempDir Path dir;

    /** One staged or replayed row: family id, key, value (null: delete). */
    private record Row(int family, byte[] key, byte[] value, int staged) {
        @Override
        public String toString() {
            return family + ":" + Arrays.toString(key) + "="
                    + (value == null ? "DEL" : value.length + "#" + Integer.toHexString(Arrays.hashCode(value)));
        }
    }

    @Test
    void rowsReachTheBatchInKeyOrderPerFamilyAndTiesKeepTheirStagingOrder() throws RocksDBException {
        RocksDB.loadLibrary();
        try (DBOptions options = new DBOptions().setCreateIfMissing(true).setCreateMissingColumnFamilies(true)) {
            List<ColumnFamilyDescriptor> descriptors = List.of(new ColumnFamilyDescriptor(RocksDB.DEFAULT_COLUMN_FAMILY),
                    new ColumnFamilyDescriptor("a".getBytes(StandardCharsets.UTF_8)),
                    new ColumnFamilyDescriptor("b".getBytes(StandardCharsets.UTF_8)));
            List<ColumnFamilyHandle> handles = new ArrayList<>();
            try (RocksDB db = RocksDB.open(options, dir.toString(), descriptors, handles)) {
                for (long seed = 1; seed <= 20; seed++) {
                    checkOneBatch(db, handles, new SplittableRandom(seed), seed % 2 == 0 ? 40 : 3000);
                }
            } finally {
                handles.forEach(ColumnFamilyHandle::close);
            }
        }
    }

    private static void checkOneBatch(RocksDB db, List<ColumnFamilyHandle> families, SplittableRandom random, int count)
            throws RocksDBException {
        SortedRows rows = new SortedRows();
        List<Row> staged = new ArrayList<>();
        List<byte[]> used = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            ColumnFamilyHandle family = families.get(random.nextInt(families.size()));
            byte[] key = random.nextInt(4) == 0 && !used.isEmpty() ? used.get(random.nextInt(used.size())) : key(random);
            used.add(key);
            byte[] value = random.nextInt(5) == 0 ? null : value(random, i);
            rows.add(family, key, value);
            staged.add(new Row(family.getID(), key, value, i));
        }
        List<Row> expected = new ArrayList<>(staged);
        expected.sort(Comparator.comparingInt(Row::family).thenComparing(Row::key, Arrays::compareUnsigned)); // stable

        try (WriteBatch batch = rows.drain()) {
            assertThat(batch.count()).isEqualTo(count);
            List<Row> replayed = replay(batch);
            Map<Integer, List<String>> expectedByFamily = byFamily(expected);
            assertThat(byFamily(replayed)).isEqualTo(expectedByFamily);

            // RocksDB accepts the encoded batch, and the last staged write of each key wins
            try (WriteOptions options = new WriteOptions()) {
                db.write(options, batch);
            }
            for (Row r : staged) {
                ColumnFamilyHandle family = families.stream().filter(f -> f.getID() == r.family()).findFirst().orElseThrow();
                Row last = staged.stream().filter(o -> o.family() == r.family() && Arrays.equals(o.key(), r.key()))
                        .reduce((a, b) -> b).orElseThrow();
                assertThat(db.get(family, r.key())).as("%s", last).isEqualTo(last.value());
            }
        }
    }

    /** Mostly short values, some long enough for two- and three-byte length varints. */
    private static byte[] value(SplittableRandom random, int i) {
        int length = switch (random.nextInt(10)) {
            case 0 -> 128 + random.nextInt(300);
            case 1 -> 16_384 + random.nextInt(2_000);
            case 2 -> 0;
            default -> 2;
        };
        byte[] v = new byte[length];
        random.nextBytes(v);
        if (length >= 2) {
            v[0] = (byte) i;
            v[1] = (byte) (i >> 8);
        }
        return v;
    }

    /** Keys that share prefixes as ours do: a few 16-byte ids, then a suffix; some short keys. */
    private static byte[] key(SplittableRandom random) {
        return switch (random.nextInt(4)) {
            case 0 -> new byte[]{(byte) random.nextInt(3)};
            case 1 -> Keys.uuidInt(new UUID(random.nextInt(3), random.nextInt(3)), random.nextInt(6));
            case 2 -> Keys.uuid(new UUID(random.nextLong(), random.nextLong()));
            default -> Keys.uuidInt(new UUID(random.nextLong(), random.nextLong()), random.nextInt(1000));
        };
    }

    private static Map<Integer, List<String>> byFamily(List<Row> rows) {
        Map<Integer, List<String>> out = new HashMap<>();
        for (Row r : rows) {
            out.computeIfAbsent(r.family(), f -> new ArrayList<>()).add(r.toString());
        }
        return out;
    }

    private static List<Row> replay(WriteBatch batch) throws RocksDBException {
        List<Row> out = new ArrayList<>();
        batch.iterate(new WriteBatch.Handler() {
            @Override
            public void put(int family, byte[] key, byte[] value) {
                out.add(new Row(family, key, value, -1));
            }

            @Override
            public void put(byte[] key, byte[] value) {
                out.add(new Row(0, key, value, -1));
            }

            @Override
            public void delete(int family, byte[] key) {
                out.add(new Row(family, key, null, -1));
            }

            @Override
            public void delete(byte[] key) {
                out.add(new Row(0, key, null, -1));
            }

            @Override
            public void merge(int family, byte[] key, byte[] value) {
            }

            @Override
            public void merge(byte[] key, byte[] value) {
            }

            @Override
            public void singleDelete(int family, byte[] key) {
            }

            @Override
            public void singleDelete(byte[] key) {
            }

            @Override
            public void deleteRange(int family, byte[] beginKey, byte[] endKey) {
            }

            @Override
            public void deleteRange(byte[] beginKey, byte[] endKey) {
            }

            @Override
            public void logData(byte[] blob) {
            }

            @Override
            public void putBlobIndex(int family, byte[] key, byte[] value) {
            }

            @Override
            public void markBeginPrepare() {
            }

            @Override
            public void markEndPrepare(byte[] xid) {
            }

            @Override
            public void markNoop(boolean emptyBatch) {
            }

            @Override
            public void markRollback(byte[] xid) {
            }

            @Override
            public void markCommit(byte[] xid) {
            }

            @Override
            public void markCommitWithTimestamp(byte[] xid, byte[] ts) {
            }
        });
        return out;
    }
}
