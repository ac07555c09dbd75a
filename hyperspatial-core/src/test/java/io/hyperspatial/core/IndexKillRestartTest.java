package io.hyperspatial.core;

import io.hyperspatial.core.index.maintain.CollectionIndexer;
import io.hyperspatial.core.index.maintain.EntityHit;
import io.hyperspatial.core.index.maintain.FieldIndexStats;
import io.hyperspatial.core.index.maintain.IndexSource;
import io.hyperspatial.core.index.maintain.SnapshotPolicy;
import io.hyperspatial.manifold.Collection;
import io.hyperspatial.manifold.Database;
import io.hyperspatial.manifold.DatabaseOptions;
import io.hyperspatial.manifold.StoragePreset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A process killed with SIGKILL after writing a snapshot and acknowledging more writes (so no
 * snapshot at shutdown): the next start loads the older snapshot, replays the change feed, and
 * finds every acknowledged vector.
 */
class IndexKillRestartTest {
    private static final Pattern ACK = Pattern.compile("ACK (\\d+) (\\d+)");
    private static final Pattern SNAPSHOT = Pattern.compile("SNAPSHOT (\\d+)");

    @TempDir
    Path dir;

    @Test
    void afterAKillTheOlderSnapshotPlusTheFeedHoldEveryAcknowledgedVector() throws Exception {
        Path database = dir.resolve("db");
        List<Integer> acked = new CopyOnWriteArrayList<>();
        long[] snapshot = {-1};
        String java = ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        Path stderr = dir.resolve("child.err");
        Process child = new ProcessBuilder(java, "--enable-native-access=ALL-UNNAMED", "--add-modules",
                "jdk.incubator.vector", "-Xmx512m", "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"),
                SnapshotCrashWriter.class.getName(), database.toString(), "180000")
                .redirectError(stderr.toFile()).start();
        Thread reader = Thread.ofPlatform().start(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    Matcher a = ACK.matcher(line);
                    Matcher s = SNAPSHOT.matcher(line);
                    if (a.matches()) {
                        acked.add(Integer.parseInt(a.group(1)));
                    } else if (s.matches()) {
                        snapshot[0] = Long.parseLong(s.group(1));
                    }
                }
            } catch (IOException ignored) {
                // the child was killed mid-line; complete lines were recorded
            }
        });
        try {
            IndexRestartTest.waitFor(Duration.ofSeconds(150), () -> acked.size() >= 150 || !child.isAlive(),
                    "150 writes acknowledged after the snapshot");
            assertThat(child.isAlive()).as("child alive; its stderr:%n%s", Files.exists(stderr) ? Files.readString(stderr) : "")
                    .isTrue();
        } finally {
            child.destroyForcibly();
            assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
            reader.join(Duration.ofSeconds(30));
        }
        assertThat(snapshot[0]).isPositive();
        List<Integer> points = new ArrayList<>(acked);

        try (HyperspatialDatabase db = HyperspatialDatabase.open(
                Database.open(database, DatabaseOptions.preset(StoragePreset.SMALL)),
                CollectionIndexer::defaultConfig, SnapshotPolicy.AT_SHUTDOWN)) {
            Collection c = db.collection(IndexRestartTest.COLLECTION);
            CollectionIndexer indexer = db.indexer(IndexRestartTest.COLLECTION);
            FieldIndexStats vec = indexer.stats().stream().filter(s -> s.field().equals("vec")).findFirst().orElseThrow();
            assertThat(vec.source()).isEqualTo(IndexSource.LOADED);
            assertThat(vec.snapshotSequence()).isEqualTo(snapshot[0]);
            assertThat(indexer.awaitApplied(c.changes().lastSequence(), Duration.ofSeconds(60))).isTrue();
            for (int i = 0; i < SnapshotCrashWriter.BASE; i++) {
                points.add(i);
            }
            for (int i : points) {
                assertThat(indexer.search("vec", IndexRestartTest.vector(i), 1, 100, null)).as("point %d", i)
                        .extracting(EntityHit::entity).containsExactly(c.ids().forKey("p" + i));
            }
            assertThat(indexer.stats().getFirst().vectors()).isGreaterThanOrEqualTo(points.size());
        }
    }
}
