package io.hyperspatial.bench.storage;

import io.hyperspatial.manifold.Collection;
import io.hyperspatial.manifold.Database;
import io.hyperspatial.manifold.DatabaseOptions;
import io.hyperspatial.manifold.StoragePreset;
import io.hyperspatial.manifold.feed.ChangeEvent;
import io.hyperspatial.manifold.store.CollectionStore;
import io.hyperspatial.manifold.store.ColumnFamilies;
import io.hyperspatial.manifold.store.Lease;
import io.hyperspatial.manifold.table.EntityRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksIterator;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The raw baseline must write what manifold writes: the same rows under the same keys, with
 * byte-identical values except for the commit times inside headers and edges.
 */
class RowEncoderTest {
    @TempDir Path dir;

    @Test
    void rawRowsMatchManifoldRows() throws Exception {
        DatabaseOptions options = DatabaseOptions.preset(StoragePreset.SMALL);
        try (Database database = Database.open(dir.resolve("ours"), options);
             RawRocksResources shared = new RawRocksResources(options)) {
            ManifoldTarget ours = new ManifoldTarget(database.createCollection("c"));
            Collection collection = ours.collection();
            RawRocksStore rawStore = RawRocksStore.open(Files.createDirectories(dir.resolve("raw")), shared);
            try (RawRocksTarget raw = new RawRocksTarget(rawStore, collection.schema());
                 Lease lease = collection.acquire()) {
                List<EntitySpec> specs = new EntityGenerator(collection.ids(), "k", 7).next(3);
                for (StorageTarget t : List.of(ours, raw)) {
                    t.commit(specs.get(0), true);
                    t.commitBatch(specs.subList(1, 3), false);
                }
                CollectionStore store = lease.store();

                assertThat(rows(rawStore.db(), rawStore.entities())).extracting(r -> propertySection(r.value()))
                        .containsExactlyElementsOf(rows(store.db(), store.family(ColumnFamilies.ENTITIES)).stream()
                                .map(r -> propertySection(r.value())).toList());
                assertSameKeysAndSizes(rows(rawStore.db(), rawStore.entities()),
                        rows(store.db(), store.family(ColumnFamilies.ENTITIES)));
                assertSameKeysAndSizes(rows(rawStore.db(), rawStore.edgesOut()),
                        rows(store.db(), store.family(ColumnFamilies.EDGES_OUT)));
                assertSameKeysAndSizes(rows(rawStore.db(), rawStore.edgesIn()),
                        rows(store.db(), store.family(ColumnFamilies.EDGES_IN)));
                assertThat(rows(rawStore.db(), rawStore.entities()))
                        .extracting(r -> EntityRecord.decode(r.value()).version()).containsOnly(1L);

                List<Row> oursEvents = rows(store.db(), store.family(ColumnFamilies.CHANGES));
                List<Row> rawEvents = rows(rawStore.db(), rawStore.changes());
                assertThat(oursEvents).hasSize(3); // the schema change, then the two commits
                assertThat(rawEvents).hasSize(2);
                for (int i = 0; i < 2; i++) {
                    assertThat(ChangeEvent.decode(i + 1, rawEvents.get(i).value()).changes())
                            .isEqualTo(ChangeEvent.decode(i + 2, oursEvents.get(i + 1).value()).changes());
                }
            }
        }
    }

    /** The properties part of an entity row (after the header), in hex. */
    private static String propertySection(byte[] row) {
        int start = EntityRecord.headerLength(row);
        return java.util.HexFormat.of().formatHex(row, start, row.length);
    }

    private static void assertSameKeysAndSizes(List<Row> actual, List<Row> expected) {
        assertThat(actual).hasSameSizeAs(expected);
        for (int i = 0; i < expected.size(); i++) {
            assertThat(actual.get(i).key()).isEqualTo(expected.get(i).key());
            assertThat(actual.get(i).value()).hasSameSizeAs(expected.get(i).value());
        }
    }

    private record Row(byte[] key, byte[] value) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Row r && Arrays.equals(key, r.key) && Arrays.equals(value, r.value);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(key) * 31 + Arrays.hashCode(value);
        }

        @Override
        public String toString() {
            return Arrays.toString(key) + "=" + Arrays.toString(value);
        }
    }

    private static List<Row> rows(RocksDB db, ColumnFamilyHandle family) {
        List<Row> rows = new ArrayList<>();
        try (RocksIterator it = db.newIterator(family)) {
            for (it.seekToFirst(); it.isValid(); it.next()) {
                rows.add(new Row(it.key(), it.value()));
            }
        }
        return rows;
    }
}
