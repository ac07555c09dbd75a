package io.hyperspatial.manifold.table;

import io.hyperspatial.manifold.Collection;
import io.hyperspatial.manifold.Database;
import io.hyperspatial.manifold.ReadView;
import io.hyperspatial.manifold.TestCollections;
import io.hyperspatial.manifold.value.Value;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@link ReadView#scanSlice}: the slices of a type's scan, in order, are its full scan, for any
 * number of slices; each may be read on another thread; they see the view's snapshot, not later
 * writes.
 */
class SliceScansTest {
    @TempDir
    Path dir;

    @Test
    void slicesInOrderAreTheFullScanReadOnOtherThreads() throws Exception {
        try (Database db = TestCollections.open(dir); ExecutorService threads = Executors.newFixedThreadPool(3)) {
            Collection c = TestCollections.create(db, "slices");
            c.write(tx -> {
                for (int i = 0; i < 2_000; i++) {
                    UUID id = tx.upsertEntity("e" + i, i % 3 == 0 ? "City" : "Person");
                    tx.patchProperties(id, Map.of("name", Value.of("n" + i)));
                }
            });
            try (ReadView view = c.snapshot()) {
                List<UUID> full = ids(view.entities().scan("Person"));
                assertThat(full).hasSize(1_333);
                // Written after the snapshot: no slice may see it.
                c.write(tx -> tx.upsertEntity("late", "Person"));
                for (int slices : new int[] {1, 2, 3, 8, 100, 65_536}) {
                    List<EntityScan> scans = new ArrayList<>();
                    for (int i = 0; i < slices; i++) {
                        scans.add(view.scanSlice("Person", i, slices));
                    }
                    List<Future<List<UUID>>> read = new ArrayList<>();
                    for (EntityScan scan : scans) {
                        read.add(threads.submit(() -> ids(scan)));
                    }
                    List<UUID> joined = new ArrayList<>();
                    for (Future<List<UUID>> f : read) {
                        joined.addAll(f.get());
                    }
                    assertThat(joined).as("%d slices", slices).isEqualTo(full);
                }
            }
        }
    }

    @Test
    void slicesOutOfRangeAreRefused() {
        try (Database db = TestCollections.open(dir)) {
            Collection c = TestCollections.create(db, "slices");
            try (ReadView view = c.snapshot()) {
                assertThatThrownBy(() -> view.scanSlice("Person", 2, 2)).isInstanceOf(IllegalArgumentException.class);
                assertThatThrownBy(() -> view.scanSlice("Person", 0, 65_537)).isInstanceOf(IllegalArgumentException.class);
                assertThatThrownBy(() -> view.scanSlice("Person", -1, 4)).isInstanceOf(IllegalArgumentException.class);
            }
        }
    }

    /** Every id of the scan, which it closes. */
    private static List<UUID> ids(EntityScan scan) {
        List<UUID> ids = new ArrayList<>();
        try (scan) {
            while (scan.next()) {
                ids.add(scan.id());
            }
        }
        return ids;
    }
}
