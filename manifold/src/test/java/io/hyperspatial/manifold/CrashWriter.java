package io.hyperspatial.manifold;

import io.hyperspatial.manifold.schema.VectorKind;
import io.hyperspatial.manifold.schema.VectorMetric;
import io.hyperspatial.manifold.store.EntityIds;
import io.hyperspatial.manifold.value.Value;
import io.hyperspatial.manifold.value.ValueType;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The child process of {@link CrashTest}: opens a database and writes until it is killed. Two
 * threads commit logical operations concurrently (so commits share fsyncs); each operation creates
 * entity {@code r<round>-<n>} with five properties, a dense vector and an edge to the entity the
 * same thread created before it (the first one points at the thread's never-created root, a
 * forward reference). After each commit returns it prints {@code ACK <n> <sequence>} and flushes.
 *
 * <p>Usage: {@code CrashWriter <database dir> <round> <durability> <max millis>}; it exits by
 * itself after {@code max millis} in case nobody kills it.
 */
public final class CrashWriter {
    static final String COLLECTION = "crash";
    static final String TYPE = "Item";
    static final String EDGE = "follows";
    static final String VECTOR = "emb";
    static final int THREADS = 2;

    private CrashWriter() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        int round = Integer.parseInt(args[1]);
        Durability durability = Durability.valueOf(args[2]);
        long maxMillis = Long.parseLong(args[3]);
        PrintStream out = new PrintStream(new FileOutputStream(FileDescriptor.out), false, StandardCharsets.UTF_8);

        Database db = Database.open(dir, DatabaseOptions.preset(StoragePreset.SMALL));
        Collection c = db.getOrCreateCollection(COLLECTION);
        defineSchema(c);
        AtomicLong next = new AtomicLong();
        for (int t = 0; t < THREADS; t++) {
            int thread = t;
            Thread.ofPlatform().daemon().start(() -> {
                String previous = rootKey(round, thread);
                while (true) {
                    long n = next.getAndIncrement();
                    String prev = previous;
                    long seq = c.write(durability, tx -> step(tx, c.ids(), round, thread, n, prev));
                    String line = "ACK " + n + " " + seq + "\n";
                    synchronized (out) {
                        out.print(line);
                        out.flush();
                    }
                    previous = key(round, n);
                }
            });
        }
        Thread.sleep(maxMillis);
        System.exit(3);
    }

    static void defineSchema(Collection c) {
        Map<String, ValueType> properties = new LinkedHashMap<>();
        properties.put("name", ValueType.STRING);
        properties.put("n", ValueType.INT64);
        properties.put("round", ValueType.INT64);
        properties.put("thread", ValueType.INT64);
        properties.put("prev", ValueType.STRING);
        c.updateSchema(s -> s.entityType(TYPE, properties).edgeType(EDGE)
                .vectorField(VECTOR, VectorKind.DENSE, 4, VectorMetric.L2));
    }

    /** One logical operation: the entity, its five properties, its vector and its edge. */
    static void step(Transaction tx, EntityIds ids, int round, int thread, long n, String prev) {
        String key = key(round, n);
        UUID id = tx.upsertEntity(key, TYPE);
        tx.patchProperties(id, Map.of("name", Value.of(key), "n", Value.of(n), "round", Value.of(round),
                "thread", Value.of(thread), "prev", Value.of(prev)));
        tx.setVector(id, VECTOR, vector(round, n));
        tx.addEdge(id, EDGE, ids.forKey(prev), weight(n));
    }

    static String key(int round, long n) {
        return "r" + round + "-" + n;
    }

    static String rootKey(int round, int thread) {
        return "r" + round + "-t" + thread + "-root";
    }

    static float[] vector(int round, long n) {
        return new float[]{round, n, n % 7, -1};
    }

    static float weight(long n) {
        return (n % 1000) / 10f;
    }
}
