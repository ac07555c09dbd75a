package io.hyperspatial.core.imports;

import io.hyperspatial.manifold.Collection;
import io.hyperspatial.manifold.Durability;
import io.hyperspatial.manifold.schema.VectorKind;
import io.hyperspatial.manifold.schema.VectorMetric;
import io.hyperspatial.manifold.table.PositionKind;
import io.hyperspatial.manifold.value.Value;
import io.hyperspatial.manifold.value.ValueType;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

/**
 * Test data with every kind of thing a collection holds: all property types, dense (cosine and
 * Poincaré), sparse and multi vectors, weighted edges to keyed, keyless and missing entities,
 * measures, and the three kinds of position. Seeded.
 */
public final class RichCollection {
    private RichCollection() {
    }

    public static void fill(Collection c, long seed, int entities) {
        Map<String, ValueType> props = new LinkedHashMap<>();
        props.put("flag", ValueType.BOOL);
        props.put("count", ValueType.INT64);
        props.put("score", ValueType.FLOAT64);
        props.put("name", ValueType.STRING);
        props.put("blob", ValueType.BYTES);
        props.put("seen", ValueType.TIMESTAMP);
        props.put("tags", ValueType.LIST);
        props.put("attrs", ValueType.MAP);
        c.updateSchema(s -> s.entityType("Thing", props).entityType("Other", Map.of("note", ValueType.STRING))
                .vectorField("emb", VectorKind.DENSE, 4, VectorMetric.COSINE)
                .vectorField("ball", VectorKind.DENSE, 3, VectorMetric.POINCARE)
                .vectorField("bag", VectorKind.SPARSE, 50, VectorMetric.DOT)
                .vectorField("parts", VectorKind.MULTI, 2, VectorMetric.L2)
                .edgeType("links").edgeType("parent")
                .measure("temp", Duration.ZERO)
                .positionSpace(PositionKind.GRAPH, 3, 1.0, List.of("parent"))
                .positionSpace(PositionKind.EMBEDDING, 2, 1.0, List.of()));
        Random r = new Random(seed);
        List<UUID> keyless = new ArrayList<>();
        c.write(Durability.STRICT, tx -> {
            for (int i = 0; i < 3; i++) {
                UUID id = UUID.nameUUIDFromBytes(("keyless" + i).getBytes());
                keyless.add(id);
                tx.upsertEntity(id, "Other");
                tx.patchProperties(id, Map.of("note", Value.of("no key " + i)));
            }
        });
        c.write(Durability.STRICT, tx -> {
            for (int i = 0; i < entities; i++) {
                UUID id = tx.upsertEntity("t" + i, "Thing");
                Map<String, Value> values = new LinkedHashMap<>();
                values.put("flag", Value.of(r.nextBoolean()));
                values.put("count", Value.of(r.nextLong()));
                values.put("score", Value.of(r.nextGaussian() * 1e6));
                values.put("name", Value.of("thing \"" + i + "\" \u00e9\n" + r.nextInt()));
                byte[] blob = new byte[r.nextInt(9)];
                r.nextBytes(blob);
                values.put("blob", Value.of(blob));
                values.put("seen", Value.of(Instant.ofEpochSecond(r.nextInt(2_000_000_000), r.nextInt(1_000_000) * 1000L)));
                values.put("tags", Value.list(List.of(Value.of("a" + i), Value.of((long) i), Value.of(i + 0.5), Value.of(true))));
                values.put("attrs", Value.map(Map.of("k", Value.of((long) r.nextInt()), "nested",
                        Value.map(Map.of("x", Value.of(r.nextDouble()))))));
                if (i % 5 != 4) {
                    tx.patchProperties(id, values);
                }
                tx.setVector(id, "emb", new float[]{r.nextFloat() + 0.01f, r.nextFloat(), -r.nextFloat(), r.nextFloat()});
                if (i % 2 == 0) {
                    tx.setVector(id, "ball", new float[]{r.nextFloat() * 0.5f, -r.nextFloat() * 0.5f, r.nextFloat() * 0.5f});
                    tx.setSparseVector(id, "bag", new int[]{1, 7 + r.nextInt(10), 30 + r.nextInt(20)},
                            new float[]{r.nextFloat(), r.nextFloat(), r.nextFloat()});
                    tx.setMultiVector(id, "parts", List.of(new float[]{r.nextFloat(), 1}, new float[]{2, r.nextFloat()}));
                }
                tx.addEdge(id, "parent", tx.schema() == null ? null : idOf(c, "t" + (i / 2)), 1f);
                tx.addEdge(id, "links", idOf(c, "t" + r.nextInt(entities)), r.nextFloat());
                tx.addEdge(id, "links", keyless.get(i % keyless.size()), 0.25f);
                if (i % 7 == 0) {
                    tx.addEdge(id, "links", idOf(c, "missing" + i), 2f);
                }
                for (int t = 0; t < i % 4; t++) {
                    tx.appendMeasure(id, "temp", 1_700_000_000_000L + t * 60_000L, r.nextGaussian());
                }
                tx.setPosition(id, PositionKind.GRAPH, hyperboloid(r, 3), 1_000L);
                if (i % 3 == 0) {
                    tx.setPosition(id, PositionKind.EMBEDDING, hyperboloid(r, 2), 1_000L);
                    tx.setPosition(id, PositionKind.PROPERTY, hyperboloid(r, 5), 1_000L);
                }
            }
        });
    }

    private static UUID idOf(Collection c, String key) {
        return c.ids().forKey(key);
    }

    /** A point on the hyperboloid of curvature -1 with {@code dimension} spatial coordinates, time first. */
    private static double[] hyperboloid(Random r, int dimension) {
        double[] x = new double[dimension + 1];
        double sq = 0;
        for (int i = 1; i <= dimension; i++) {
            x[i] = r.nextGaussian();
            sq += x[i] * x[i];
        }
        x[0] = Math.sqrt(1 + sq);
        return x;
    }
}
