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
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** {@link EntityScan} and {@link PropertyScan} against the per-entity reads they replace, on seeded data. */
class TableScansTest {
    @TempDir
    Path dir;

    @Test
    void scansAgreeWithPerEntityReadsInAnyOrder() {
        try (Database db = TestCollections.open(dir)) {
            Collection c = TestCollections.create(db, "scans");
            SplittableRandom random = new SplittableRandom(17);
            c.write(tx -> {
                for (int i = 0; i < 300; i++) {
                    boolean person = random.nextInt(3) > 0;
                    UUID id = tx.upsertEntity("e" + i, person ? "Person" : "City");
                    Map<String, Value> values = new LinkedHashMap<>();
                    if (random.nextBoolean()) {
                        values.put("name", Value.of("n" + i));
                    }
                    if (person && random.nextBoolean()) {
                        values.put("age", Value.of((long) random.nextInt(100)));
                    }
                    if (!person && random.nextBoolean()) {
                        values.put("population", Value.of((long) random.nextInt(1_000_000)));
                    }
                    tx.patchProperties(id, values);
                }
            });
            try (ReadView view = c.snapshot()) {
                List<UUID> expected = new ArrayList<>();
                view.entities().forEach(e -> {
                    if (e.type().equals("Person")) {
                        expected.add(e.id());
                    }
                });
                List<UUID> scanned = new ArrayList<>();
                try (EntityScan scan = view.entities().scan("Person")) {
                    while (scan.next()) {
                        assertThat(scan.entity().type()).isEqualTo("Person");
                        scanned.add(scan.entity().id());
                    }
                }
                assertThat(scanned).isEqualTo(expected);

                List<UUID> all = new ArrayList<>();
                view.entities().forEach(e -> all.add(e.id()));
                all.add(UUID.randomUUID());
                List<UUID> shuffled = new ArrayList<>(all);
                Collections.shuffle(shuffled, new java.util.Random(5));
                for (List<UUID> order : List.of(all, shuffled, all.reversed())) {
                    try (PropertyScan scan = view.properties().scan()) {
                        for (UUID id : order) {
                            scan.moveTo(id);
                            Map<String, Value> read = new LinkedHashMap<>();
                            while (scan.next()) {
                                read.put(c.schema().propertyNameById(scan.propertyId()).orElseThrow(), scan.value());
                            }
                            assertThat(read).as("properties of %s", id).isEqualTo(view.properties().all(id));
                        }
                    }
                }
            }
        }
    }
}
