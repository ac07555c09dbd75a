package io.hyperspatial.core.imports;

import io.hyperspatial.manifold.Collection;
import io.hyperspatial.manifold.Database;
import io.hyperspatial.manifold.DatabaseOptions;
import io.hyperspatial.manifold.StoragePreset;
import io.hyperspatial.manifold.table.Edge;
import io.hyperspatial.manifold.value.Value;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Kills an importing process with SIGKILL and checks, after reopening, that every batch the
 * importer reported done is there, and that no batch is there in part: the entities present are
 * exactly {@code e0..e(k-1)} for a whole number of batches k, each with all its properties and its
 * edge. Seeded; {@code -Dimport.crashSeed=N} picks another seed.
 */
class ImportCrashTest {
    private static final int ROUNDS = 2;

    @TempDir Path work;

    @Test
    void everyReportedBatchSurvivesSigkillAndNoBatchIsHalfApplied() throws Exception {
        Random random = new Random(Long.getLong("import.crashSeed", 0x1A4E_C0DEL));
        Path database = work.resolve("db");
        for (int round = 1; round <= ROUNDS; round++) {
            List<long[]> done = new CopyOnWriteArrayList<>();
            Process child = start(database, work.resolve("child-" + round + ".err"));
            try {
                Thread reader = Thread.ofPlatform().start(() -> readDone(child, done));
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
                while (done.size() < 2 && child.isAlive() && System.nanoTime() < deadline) {
                    Thread.sleep(20);
                }
                assertThat(done).as("batches reported before the kill").hasSizeGreaterThanOrEqualTo(2);
                Thread.sleep(100 + random.nextInt(600));
                assertThat(child.isAlive()).as("child still importing when killed").isTrue();
                child.destroyForcibly();
                assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
                reader.join(30_000);
            } finally {
                child.destroyForcibly();
            }
            long reported = done.getLast()[0];
            assertThat(done.getLast()[1]).as("one entity per line after the header").isEqualTo(reported + 1);
            verify(database, reported);
        }
    }

    private static void verify(Path database, long reported) {
        try (Database db = Database.open(database, DatabaseOptions.preset(StoragePreset.SMALL))) {
            Collection c = db.collection(ImportCrashWriter.COLLECTION);
            c.read(view -> {
                long present = view.entities().count();
                assertThat(present).as("at least every reported batch").isGreaterThanOrEqualTo(reported);
                assertThat(present % ImportCrashWriter.BATCH).as("whole batches only, " + present + " present").isZero();
                for (long i = 0; i < present; i++) {
                    long n = i;
                    UUID id = c.ids().forKey("e" + n);
                    Map<String, Value> props = view.properties().all(id);
                    assertThat(props).as("e" + n).hasSize(5).containsEntry("n", Value.of(n));
                    List<Edge> out = view.graph().outgoing(id);
                    assertThat(out).as("e" + n).singleElement()
                            .satisfies(e -> assertThat(e.to()).isEqualTo(c.ids().forKey("e" + (n + 1))));
                }
                assertThat(view.entities().get(c.ids().forKey("e" + present))).as("nothing beyond the last whole batch").isEmpty();
                return null;
            });
        }
    }

    private static Process start(Path database, Path stderr) throws java.io.IOException {
        String java = ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        return new ProcessBuilder(java, "--enable-native-access=ALL-UNNAMED", "-Xmx256m", "-XX:+UseSerialGC",
                "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
                ImportCrashWriter.class.getName(), database.toString()).redirectError(stderr.toFile()).start();
    }

    private static void readDone(Process child, List<long[]> done) {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                String[] parts = line.split(" ");
                if (parts.length == 3 && parts[0].equals("DONE")) {
                    done.add(new long[]{Long.parseLong(parts[1]), Long.parseLong(parts[2])});
                }
            }
        } catch (java.io.IOException e) {
            // the child was killed mid-line: what was read completely counts
        }
    }
}
