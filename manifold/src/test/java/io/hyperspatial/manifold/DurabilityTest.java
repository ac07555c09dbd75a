package io.hyperspatial.manifold;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The three durability levels. fsync itself cannot be observed from here; what can be is that
 * every level's writes are readable at once, survive a clean close, and survive the process being
 * killed (all three reach the operating system before they are acknowledged), and that the
 * maintenance thread's batch fsyncs run without error.
 */
class DurabilityTest {
    @TempDir Path dir;
    private LoggedWarnings warnings;

    @BeforeEach
    void captureWarnings() {
        warnings = new LoggedWarnings();
    }

    @AfterEach
    void noMaintenanceFailures() {
        warnings.close();
        assertThat(warnings.messages()).as("warnings logged by background work").isEmpty();
    }

    private Database open() {
        return Database.open(dir, DatabaseOptions.preset(StoragePreset.SMALL).withBatchSyncInterval(Duration.ofMillis(5)));
    }

    @ParameterizedTest
    @EnumSource(Durability.class)
    void writesOfEveryDurabilityAreReadableAtOnceAndAfterReopen(Durability durability) {
        ChainWorkload chain = new ChainWorkload("n");
        try (Database db = open()) {
            Collection c = db.createCollection("c");
            ChainWorkload.defineSchema(c);
            for (int i = 1; i <= 20; i++) {
                chain.write(c, durability, i);
                int written = i;
                boolean visible = c.read(view -> view.entities().exists(c.ids().forKey(chain.key(written))));
                assertThat(visible).as("operation %d visible once acknowledged", i).isTrue();
            }
            c.read(view -> {
                chain.check(view, c.ids(), 20);
                return null;
            });
        }
        try (Database db = open()) {
            Collection c = db.collection("c");
            c.read(view -> {
                chain.check(view, c.ids(), 20);
                return null;
            });
            assertThat(c.changes().lastSequence()).isEqualTo(21);
        }
    }

    /** Batch writes for a while with a 5 ms sync interval, so many maintenance fsyncs run among them. */
    @Test
    void batchWritesInterleavedWithMaintenanceSyncsSurviveReopen() {
        ChainWorkload chain = new ChainWorkload("n");
        int operations = 0;
        try (Database db = open()) {
            Collection c = db.createCollection("c");
            ChainWorkload.defineSchema(c);
            long until = System.nanoTime() + Duration.ofMillis(300).toNanos();
            while (operations < 30 || System.nanoTime() < until) {
                chain.write(c, Durability.BATCH, ++operations);
            }
        }
        try (Database db = open()) {
            Collection c = db.collection("c");
            int n = operations;
            c.read(view -> {
                chain.check(view, c.ids(), n);
                return null;
            });
        }
    }

    @Test
    void mixedDurabilitiesCommitInOneSequence() {
        ChainWorkload chain = new ChainWorkload("n");
        try (Database db = open()) {
            Collection c = db.createCollection("c");
            ChainWorkload.defineSchema(c);
            List<Durability> order = List.of(Durability.ASYNC, Durability.STRICT, Durability.BATCH);
            long previous = c.changes().lastSequence();
            for (int i = 1; i <= 12; i++) {
                long seq = chain.write(c, order.get(i % 3), i);
                assertThat(seq).isEqualTo(previous + 1);
                previous = seq;
            }
        }
        try (Database db = open()) {
            Collection c = db.collection("c");
            c.read(view -> {
                chain.check(view, c.ids(), 12);
                return null;
            });
        }
    }

    @ParameterizedTest
    @EnumSource(value = Durability.class, names = {"BATCH", "ASYNC"})
    void acknowledgedWritesOfWeakerDurabilitiesSurviveSigkill(Durability durability) throws Exception {
        Path database = dir.resolve("db");
        List<CrashChild.Ack> acks;
        try (CrashChild child = CrashChild.start(database, 1, durability, dir)) {
            child.awaitFirstAck(Duration.ofSeconds(30));
            Thread.sleep(300);
            child.kill();
            acks = child.acks();
        }
        Map<String, Long> acknowledged = new HashMap<>();
        acks.forEach(ack -> acknowledged.put(CrashWriter.key(1, ack.n()), ack.sequence()));
        assertThat(acknowledged).isNotEmpty();
        CrashRecoveryCheck.Recovered recovered = CrashRecoveryCheck.verify(database, acknowledged);
        assertThat(recovered.entities()).isGreaterThanOrEqualTo(acknowledged.size());
    }
}
