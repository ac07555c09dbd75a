package io.hyperspatial.bench.graph;

import io.hyperspatial.core.query.CollectionDataSource;
import io.hyperspatial.hyperql.Engine;
import io.hyperspatial.hyperql.StatementResult;
import io.hyperspatial.manifold.Collection;
import io.hyperspatial.manifold.Database;
import io.hyperspatial.manifold.DatabaseOptions;
import io.hyperspatial.manifold.Durability;
import io.hyperspatial.manifold.StoragePreset;
import io.hyperspatial.manifold.value.Value;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * HyperQL graph traversal over a collection: builds (seeded) {@code --nodes} person entities with
 * {@code --degree} random outgoing {@code knows} edges each in a new database, then times
 * {@code --runs} runs of a 3-hop variable-length MATCH from one start key through
 * {@link CollectionDataSource}, after one warm-up run, and prints one JSON line with the path count
 * and the median and each run's milliseconds. Usage:
 * {@code GraphMatchBench [--nodes N] [--degree N] [--runs N] [--db DIR]}.
 */
public final class GraphMatchBench {
    static final String QUERY = "SELECT count(*), count(DISTINCT b.key) FROM MATCH (a:person)-[:knows*1..3]->(b:person) WHERE a.key = $start";

    private GraphMatchBench() {
    }

    public static void main(String[] args) throws IOException {
        int nodes = 10_000;
        int degree = 10;
        int runs = 3;
        Path dbDir = Path.of("bench/target/graph-db");
        for (int i = 0; i < args.length; i += 2) {
            String value = args[i + 1].replace("_", "");
            switch (args[i]) {
                case "--nodes" -> nodes = Integer.parseInt(value);
                case "--degree" -> degree = Integer.parseInt(value);
                case "--runs" -> runs = Integer.parseInt(value);
                case "--db" -> dbDir = Path.of(args[i + 1]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        deleteRecursively(dbDir);
        try (Database db = Database.open(dbDir, DatabaseOptions.preset(StoragePreset.DEFAULT))) {
            Collection collection = db.createCollection("graph");
            Engine engine = new Engine(new CollectionDataSource(collection, null, Durability.ASYNC));
            engine.execute("CREATE TABLE person(name TEXT, age INTEGER)");
            engine.execute("CREATE EDGE TYPE knows");
            build(collection, nodes, degree);
            engine.execute(QUERY, Map.of("start", "p0"));
            double[] millis = new double[runs];
            Object paths = null;
            for (int r = 0; r < runs; r++) {
                long t0 = System.nanoTime();
                paths = ((StatementResult.Rows) engine.execute(QUERY, Map.of("start", "p0"))).rows().getFirst();
                millis[r] = (System.nanoTime() - t0) / 1e6;
            }
            double[] sorted = millis.clone();
            Arrays.sort(sorted);
            System.out.printf("{\"nodes\":%d,\"edges\":%d,\"paths_and_ends\":\"%s\",\"median_ms\":%.1f,\"runs_ms\":%s}%n",
                    nodes, (long) nodes * degree, paths, sorted[runs / 2], Arrays.toString(millis));
        }
    }

    private static void build(Collection collection, int nodes, int degree) {
        SplittableRandom random = new SplittableRandom(42);
        int batch = 2_000;
        for (int from = 0; from < nodes; from += batch) {
            int start = from;
            int end = Math.min(nodes, from + batch);
            collection.bulkWrite(Durability.ASYNC, tx -> {
                for (int i = start; i < end; i++) {
                    UUID id = tx.upsertEntity("p" + i, "person");
                    tx.patchProperties(id, Map.of("name", Value.of("person " + i), "age", Value.of((long) random.nextInt(90))));
                    for (int k = 0; k < degree; k++) {
                        tx.addEdge(id, "knows", collection.ids().forKey("p" + random.nextInt(nodes)), 1f);
                    }
                }
            });
        }
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
