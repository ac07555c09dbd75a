package io.hyperspatial.manifold;

import io.hyperspatial.manifold.table.MeasurePoint;
import io.hyperspatial.manifold.value.ValueType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The maintenance thread's retention work: it removes what is due, emits no events and logs no failure. */
class MaintenanceTest {
    @TempDir Path dir;

    @Test
    void measureAndFeedRetentionRunInTheBackgroundWithoutFailures() {
        try (LoggedWarnings warnings = new LoggedWarnings();
             Database db = Database.open(dir, DatabaseOptions.preset(StoragePreset.SMALL).withChangeRetention(3))) {
            Collection c = db.createCollection("m");
            c.updateSchema(s -> s.entityType("Sensor", Map.of("name", ValueType.STRING))
                    .measure("temp", Duration.ofHours(1)).measure("kept", Duration.ZERO));
            long now = System.currentTimeMillis();
            long hour = Duration.ofHours(1).toMillis();
            UUID id = c.ids().forKey("s");
            c.write(tx -> {
                tx.upsertEntity("s", "Sensor");
                for (long t : new long[]{now - 3 * hour, now - 2 * hour, now - hour / 2, now}) {
                    tx.appendMeasure(id, "temp", t, t % 100);
                    tx.appendMeasure(id, "kept", t, 1);
                }
            });
            for (int i = 0; i < 5; i++) {
                c.write(tx -> tx.upsertEntity("s", "Sensor"));
            }
            long last = c.changes().lastSequence();

            Poll.until(Duration.ofSeconds(10), () -> !warnings.messages().isEmpty()
                    || c.read(v -> v.measures().range(id, "temp", Long.MIN_VALUE, Long.MAX_VALUE)).size() == 2
                    && c.changes().oldestResumable() == last - 3, "maintenance to apply measure and feed retention");
            assertThat(warnings.messages()).isEmpty();

            List<MeasurePoint> temp = c.read(v -> v.measures().range(id, "temp", Long.MIN_VALUE, Long.MAX_VALUE));
            assertThat(temp).extracting(MeasurePoint::timeMillis).containsExactly(now - hour / 2, now);
            List<MeasurePoint> kept = c.read(v -> v.measures().range(id, "kept", Long.MIN_VALUE, Long.MAX_VALUE));
            assertThat(kept).as("a measure kept forever").hasSize(4);
            assertThat(c.changes().lastSequence()).as("retention is not a logical operation").isEqualTo(last);
        }
    }
}
