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

/**
 * {@link EntityScan} and {@link RowLookup} against what was written and the per-entity reads, on seeded data
 * (rows of very different lengths, since a scan reads them into one reused buffer).
 */
class TableScansTest {
    @TempDir
    Path dir;

    @Test
    void scansAgreeWithPerEntityReadsInAnyOrder() {
        try (Database db = TestCollections.open(dir)) {
            Collection c = TestCollections.create(db, "scans");
            SplittableRandom random = new SplittableRandom(17);
            Map<UUID, Map<String, Value>> written = new java.util.HashMap<>();
            c.write(tx -> {
                for (int i = 0; i < 300; i++) {
                    boolean person = random.nextInt(3) > 0;
                    UUID id = tx.upsertEntity("e" + i, person ? "Person" : "City");
                    Map<String, Value> values = new LinkedHashMap<>();
                    if (random.nextBoolean()) {
                        // Some rows far longer than the scan's first buffer, between short ones.
                        values.put("name", Value.of("n" + i + "x".repeat(random.nextInt(8) == 0 ? random.nextInt(3_000) : 0)));
                    }
                    if (person && random.nextBoolean()) {
                        values.put("age", Value.of((long) random.nextInt(100)));
                    }
                    if (person && random.nextInt(4) == 0) {
                        // Nine bytes like an int64, but a timestamp: never read as one.
                        values.put("born", Value.TimestampValue.ofEpochMicros(random.nextLong(1L << 50)));
                    }
                    if (!person && random.nextBoolean()) {
                        values.put("population", Value.of((long) random.nextInt(1_000_000)));
                    }
                    tx.patchProperties(id, values);
                    written.put(id, values);
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
                        assertThat(read(c, scan.properties())).isEqualTo(written.get(scan.id()));
                    }
                }
                assertThat(scanned).isEqualTo(expected);

                List<UUID> all = new ArrayList<>();
                view.entities().forEach(e -> all.add(e.id()));
                all.add(UUID.randomUUID());
                List<UUID> shuffled = new ArrayList<>(all);
                Collections.shuffle(shuffled, new java.util.Random(5));
                for (List<UUID> order : List.of(all, shuffled, all.reversed())) {
                    RowLookup lookup = view.properties().lookup();
                    for (UUID id : order) {
                        Map<String, Value> expectedValues = written.get(id);
                        assertThat(lookup.moveTo(id)).as("exists %s", id).isEqualTo(expectedValues != null);
                        if (expectedValues != null) {
                            assertThat(read(c, lookup.properties())).as("properties of %s", id).isEqualTo(expectedValues);
                            assertThat(view.properties().all(id)).isEqualTo(expectedValues);
                        }
                    }
                }
            }
        }
    }

    private static Map<String, Value> read(Collection c, PropertyRow row) {
        Map<String, Value> read = new LinkedHashMap<>();
        int last = -1;
        while (row.next()) {
            assertThat(row.propertyId()).as("ascending property ids").isGreaterThan(last);
            last = row.propertyId();
            Value value = row.value();
            assertThat(row.holdsInt64()).as("holds an int64").isEqualTo(value instanceof Value.IntValue);
            if (value instanceof Value.IntValue i) {
                assertThat(row.int64()).isEqualTo(i.value());
            }
            read.put(c.schema().propertyNameById(row.propertyId()).orElseThrow(), value);
        }
        return read;
    }
}
