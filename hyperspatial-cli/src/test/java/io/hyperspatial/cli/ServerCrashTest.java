package io.hyperspatial.cli;

import io.hyperspatial.manifold.Collection;
import io.hyperspatial.manifold.Database;
import io.hyperspatial.manifold.DatabaseOptions;
import io.hyperspatial.manifold.StoragePreset;
import io.hyperspatial.manifold.value.Value;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Kills {@code hyperspatial serve} with SIGKILL while clients send strict-durability batch
 * upserts, then checks on the reopened data directory that every entity of every acknowledged
 * (200) batch is there with its property and vector, and that no batch is half applied. Each
 * round restarts the server on the same directory (recovery, then index snapshots or rebuild).
 * The seed is fixed so a failure can be replayed; {@code -Dhyperspatial.crashSeed=N} picks another.
 */
class ServerCrashTest {
    private static final int ROUNDS = 3;
    private static final int BATCH = 20;
    private static final int WRITERS = 2;

    @TempDir Path work;

    @Test
    void everyAcknowledgedStrictBatchSurvivesSigkillOfTheServer() throws Exception {
        long seed = Long.getLong("hyperspatial.crashSeed", 0xC0FFEEL);
        Random random = new Random(seed);
        Path data = work.resolve("data");
        Map<String, Integer> acknowledged = new ConcurrentHashMap<>();
        Map<Integer, List<String>> attempted = new ConcurrentHashMap<>();

        for (int round = 1; round <= ROUNDS; round++) {
            String prefix = "r" + round + "-";
            String context = "round " + round + " (seed " + seed + ")";
            try (ServerProcess server = ServerProcess.start(data, work, "crash-" + round)) {
                if (round == 1) {
                    HttpResponse<String> created = server.send("POST", "/v1/collections", "{\"name\": \"c\","
                            + " \"entity_types\": {\"T\": {\"n\": \"int64\"}},"
                            + " \"vector_fields\": {\"v\": {\"dimension\": 4, \"metric\": \"cosine\"}}}");
                    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
                }
                AtomicBoolean stop = new AtomicBoolean();
                List<Thread> writers = new ArrayList<>();
                for (int w = 0; w < WRITERS; w++) {
                    int writer = w;
                    int r = round;
                    writers.add(Thread.ofPlatform().start(() -> write(server, r, writer, stop, acknowledged, attempted)));
                }
                Thread.sleep(500 + random.nextInt(1500));
                server.kill();
                stop.set(true);
                for (Thread t : writers) {
                    t.join();
                }
                assertThat(acknowledged.keySet()).as("acknowledged batches by " + context + "\n" + server.stderr())
                        .anyMatch(k -> k.startsWith(prefix));
            }
            verify(data, acknowledged, attempted, context);
        }
    }

    /** Sends batches until stopped or the server is gone; records each batch sent and each acknowledged. */
    private static void write(ServerProcess server, int round, int writer, AtomicBoolean stop,
                              Map<String, Integer> acknowledged, Map<Integer, List<String>> attempted) {
        for (int b = 0; !stop.get(); b++) {
            List<String> keys = new ArrayList<>();
            StringBuilder body = new StringBuilder("{\"entities\": [");
            for (int i = 0; i < BATCH; i++) {
                String key = "r" + round + "-w" + writer + "-b" + b + "-" + i;
                keys.add(key);
                Random v = new Random(key.hashCode());
                body.append(i == 0 ? "" : ",").append(String.format(Locale.ROOT,
                        "{\"key\": \"%s\", \"type\": \"T\", \"properties\": {\"n\": %d}, \"vectors\": {\"v\": [%f, %f, %f, %f]}}",
                        key, i, v.nextGaussian(), v.nextGaussian(), v.nextGaussian(), v.nextGaussian()));
            }
            int batchId = (round * 100 + writer) * 1_000_000 + b;
            attempted.put(batchId, keys);
            try {
                HttpResponse<String> r = server.send("POST", "/v1/collections/c/entities?durability=strict", body + "]}");
                if (r.statusCode() != 200) {
                    throw new AssertionError("batch refused: " + r.statusCode() + " " + r.body());
                }
                keys.forEach(k -> acknowledged.put(k, batchId));
            } catch (java.io.IOException e) {
                return;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private static void verify(Path data, Map<String, Integer> acknowledged, Map<Integer, List<String>> attempted,
                               String context) {
        try (Database db = Database.open(data, DatabaseOptions.preset(StoragePreset.SMALL))) {
            Collection c = db.collection("c");
            c.read(view -> {
                for (String key : acknowledged.keySet()) {
                    UUID id = c.ids().forKey(key);
                    assertThat(view.entities().exists(id)).as(key + " acknowledged, " + context).isTrue();
                    long i = Long.parseLong(key.substring(key.lastIndexOf('-') + 1));
                    assertThat(view.properties().get(id, "n")).as(key).isEqualTo(Optional.of(Value.of(i)));
                    assertThat(view.vectors().dense(id, "v")).as(key).isPresent();
                }
                for (List<String> batch : attempted.values()) {
                    long present = batch.stream().filter(k -> view.entities().exists(c.ids().forKey(k))).count();
                    assertThat(present).as("batch " + batch.getFirst() + " all or nothing, " + context)
                            .isIn(0L, (long) batch.size());
                }
                return null;
            });
        }
    }
}
