package io.hyperspatial.core.demo;

import io.hyperspatial.manifold.Collection;
import io.hyperspatial.manifold.Durability;
import io.hyperspatial.manifold.Transaction;
import io.hyperspatial.manifold.schema.VectorKind;
import io.hyperspatial.manifold.store.EntityIds;
import io.hyperspatial.manifold.schema.VectorMetric;
import io.hyperspatial.manifold.value.Value;
import io.hyperspatial.manifold.value.ValueType;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;

/**
 * A synthetic product taxonomy for trying Hyperspatial out: a forest of {@code Category}
 * entities a few levels deep ({@code subcategory_of} edges, child to parent) and {@code Item}
 * entities filed under leaf categories ({@code in_category}), linked to their most similar items
 * ({@code similar_to}, weighted by cosine similarity), each with a 32-dimensional
 * {@code embedding} and, for one item in twenty, three days of hourly {@code views}.
 *
 * <p>Deterministic: the same entity count, seed and anchor give the same keys, properties,
 * vectors, edges and points (entity headers' created/updated times are the wall clock, as for
 * any write). The anchor is the instant the data is "as of": {@code added} timestamps fall in the
 * year before it and the views end at its hour. Keys are {@code category:N} and {@code item:N}.
 *
 * <p>Written through {@link Collection#write} in transactions of {@value #BATCH_ENTITIES}
 * entities with {@link Durability#BATCH}; the last transaction is {@link Durability#STRICT}, and
 * its fsync of the write-ahead log makes every earlier batch durable too. Immutable; each
 * {@link #writeTo} call generates the data afresh.
 */
public final class DemoDataset {
    public static final String CATEGORY = "Category";
    public static final String ITEM = "Item";
    public static final String SUBCATEGORY_OF = "subcategory_of";
    public static final String IN_CATEGORY = "in_category";
    public static final String SIMILAR_TO = "similar_to";
    public static final String EMBEDDING = "embedding";
    public static final String VIEWS = "views";
    public static final int DIMENSION = DemoTaxonomy.DIMENSION;
    /** Points older than this are removed by the collection's measure retention. */
    public static final Duration VIEWS_RETENTION = Duration.ofDays(30);
    public static final int VIEWS_HOURS = 72;
    /** One item in this many has a {@code views} series. */
    public static final int VIEWS_EVERY = 20;
    public static final long DEFAULT_SEED = 42;
    public static final int DEFAULT_ENTITIES = 20_000;
    public static final int MIN_ENTITIES = 2;
    /** Bounds the in-memory plan (about 200 bytes per item). */
    public static final int MAX_ENTITIES = 5_000_000;
    static final int BATCH_ENTITIES = 1000;

    private static final long HOUR_MILLIS = 3_600_000L;

    private final int entities;
    private final long seed;
    private final Instant anchor;

    /** Told the running total after each committed transaction. */
    @FunctionalInterface
    public interface Progress {
        void entitiesWritten(long written, long total);
    }

    /**
     * @param entities how many entities in all (categories are about one in forty)
     * @param seed     the seed every value derives from
     * @param anchor   the instant the data is "as of" (see the class comment)
     */
    public DemoDataset(int entities, long seed, Instant anchor) {
        if (entities < MIN_ENTITIES || entities > MAX_ENTITIES) {
            throw new IllegalArgumentException("the demo needs " + MIN_ENTITIES + " to " + MAX_ENTITIES
                    + " entities, got " + entities);
        }
        this.entities = entities;
        this.seed = seed;
        this.anchor = anchor.truncatedTo(ChronoUnit.HOURS);
    }

    public int entities() {
        return entities;
    }

    public long seed() {
        return seed;
    }

    /** The anchor, truncated to the hour. */
    public Instant anchor() {
        return anchor;
    }

    public int categories() {
        return DemoTaxonomy.categoryCount(entities);
    }

    public int items() {
        return entities - categories();
    }

    public static String categoryKey(int index) {
        return "category:" + index;
    }

    public static String itemKey(int index) {
        return "item:" + index;
    }

    /** Declares the demo's types, vector field, edge types and measure (idempotent). */
    public static void defineSchema(Collection collection) {
        Map<String, ValueType> category = new LinkedHashMap<>();
        category.put("name", ValueType.STRING);
        category.put("depth", ValueType.INT64);
        Map<String, ValueType> item = new LinkedHashMap<>();
        item.put("name", ValueType.STRING);
        item.put("price", ValueType.FLOAT64);
        item.put("stock", ValueType.INT64);
        item.put("added", ValueType.TIMESTAMP);
        item.put("tags", ValueType.LIST);
        collection.updateSchema(s -> s.entityType(CATEGORY, category).entityType(ITEM, item)
                .vectorField(EMBEDDING, VectorKind.DENSE, DIMENSION, VectorMetric.COSINE)
                .edgeType(SUBCATEGORY_OF).edgeType(IN_CATEGORY).edgeType(SIMILAR_TO)
                .measure(VIEWS, VIEWS_RETENTION));
    }

    /**
     * Declares the schema and writes the whole dataset into {@code collection} (normally a new,
     * empty one: entities already there under the same keys are overwritten).
     */
    public DemoSummary writeTo(Collection collection, Progress progress) {
        defineSchema(collection);
        DemoTaxonomy taxonomy = DemoTaxonomy.generate(entities, seed);
        long edges = 0;
        long points = 0;
        long sequence = 0;
        for (int start = 0; start < entities; start += BATCH_ENTITIES) {
            int from = start;
            int to = Math.min(entities, start + BATCH_ENTITIES);
            Durability durability = to == entities ? Durability.STRICT : Durability.BATCH;
            sequence = collection.write(durability, tx -> writeRange(tx, collection.ids(), taxonomy, from, to));
            for (int e = from; e < to; e++) {
                edges += edgesOf(taxonomy, e);
                points += pointsOf(taxonomy, e);
            }
            progress.entitiesWritten(to, entities);
        }
        return new DemoSummary(taxonomy.categories(), taxonomy.items(), edges, points, sequence);
    }

    /** Writes entities {@code [from, to)}: categories first, then items (index minus the category count). */
    private void writeRange(Transaction tx, EntityIds ids, DemoTaxonomy taxonomy, int from, int to) {
        int categories = taxonomy.categories();
        for (int e = from; e < to; e++) {
            if (e < categories) {
                writeCategory(tx, ids, taxonomy, e);
            } else {
                writeItem(tx, ids, taxonomy, e - categories);
            }
        }
    }

    private static void writeCategory(Transaction tx, EntityIds ids, DemoTaxonomy taxonomy, int c) {
        UUID id = tx.upsertEntity(categoryKey(c), CATEGORY);
        tx.patchProperties(id, Map.of("name", Value.of(taxonomy.categoryName(c)),
                "depth", Value.of((long) taxonomy.depth(c))));
        int parent = taxonomy.parent(c);
        if (parent >= 0) {
            tx.addEdge(id, SUBCATEGORY_OF, ids.forKey(categoryKey(parent)), 1f);
        }
    }

    private void writeItem(Transaction tx, EntityIds ids, DemoTaxonomy taxonomy, int i) {
        UUID id = tx.upsertEntity(itemKey(i), ITEM);
        SplittableRandom r = DemoRandom.stream(seed, DemoRandom.ITEM_DATA, i);
        double price = Math.max(0.99, Math.round(Math.exp(3.2 + 0.9 * DemoTaxonomy.gaussian(r)) * 100) / 100.0);
        long stock = r.nextInt(100) < 8 ? 0 : 1 + r.nextInt(500);
        Instant added = anchor.minusSeconds(r.nextLong(365L * 24 * 3600));
        List<Value> tags = DemoVocabulary.tags(r).stream().map(Value::of).toList();
        tx.patchProperties(id, Map.of("name", Value.of(DemoVocabulary.itemName(r)), "price", Value.of(price),
                "stock", Value.of(stock), "added", Value.of(added), "tags", Value.list(tags)));
        tx.setVector(id, EMBEDDING, taxonomy.itemVector(i));
        tx.addEdge(id, IN_CATEGORY, ids.forKey(categoryKey(taxonomy.itemCategory(i))), 1f);
        int[] neighbours = taxonomy.neighbours(i);
        float[] weights = taxonomy.neighbourWeights(i);
        for (int j = 0; j < neighbours.length; j++) {
            tx.addEdge(id, SIMILAR_TO, ids.forKey(itemKey(neighbours[j])), weights[j]);
        }
        if (i % VIEWS_EVERY == 0) {
            writeViews(tx, id, r);
        }
    }

    /** Hourly views ending at the anchor's hour: a daily cycle peaking mid-afternoon, times a popularity. */
    private void writeViews(Transaction tx, UUID id, SplittableRandom r) {
        double popularity = Math.exp(2.5 + 0.8 * DemoTaxonomy.gaussian(r));
        long end = anchor.toEpochMilli();
        for (int h = VIEWS_HOURS - 1; h >= 0; h--) {
            long t = end - h * HOUR_MILLIS;
            int hourOfDay = (int) ((t / HOUR_MILLIS) % 24);
            double daily = 1 + 0.6 * Math.sin(2 * Math.PI * (hourOfDay - 8) / 24.0);
            double noise = 0.8 + 0.4 * r.nextDouble();
            tx.appendMeasure(id, VIEWS, t, Math.round(popularity * daily * noise));
        }
    }

    private static long edgesOf(DemoTaxonomy taxonomy, int entity) {
        int c = taxonomy.categories();
        if (entity < c) {
            return taxonomy.parent(entity) >= 0 ? 1 : 0;
        }
        return 1 + taxonomy.neighbours(entity - c).length;
    }

    private static long pointsOf(DemoTaxonomy taxonomy, int entity) {
        int item = entity - taxonomy.categories();
        return item >= 0 && item % VIEWS_EVERY == 0 ? VIEWS_HOURS : 0;
    }
}
