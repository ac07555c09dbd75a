package io.hyperspatial.core.imports.wordnet;

import io.hyperspatial.core.positioning.Hierarchy;
import io.hyperspatial.manifold.Collection;
import io.hyperspatial.manifold.Durability;
import io.hyperspatial.manifold.Transaction;
import io.hyperspatial.manifold.store.EntityIds;
import io.hyperspatial.manifold.value.Value;
import io.hyperspatial.manifold.value.ValueType;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.LongConsumer;

/**
 * Writes a {@link WordNetHierarchy} into a collection: each synset an entity of type
 * {@value #TYPE} keyed {@code n} + its 8-digit offset, with properties {@code name}
 * ({@code mammal.n.01}), {@code lemmas} (a list of strings) and {@code gloss}; each direct
 * hypernym or instance hypernym within the selection an edge of type {@value #EDGE} from the
 * synset to its hypernym, weight 1.
 *
 * <p>Writes in batches of {@value #BATCH} synsets with batch durability and the last one strict,
 * so the load is durable when this returns. Loading again over the same collection writes the
 * same entities and edges again (idempotent).
 */
public final class WordNetLoader {
    public static final String TYPE = "Synset";
    public static final String EDGE = "hypernym";
    static final int BATCH = 2_000;

    private WordNetLoader() {
    }

    /** What a load wrote. */
    public record Loaded(int synsets, long edges, long sequence) {
    }

    /** Declares the schema (idempotent): the {@value #TYPE} type and the {@value #EDGE} edge type. */
    public static void defineSchema(Collection collection) {
        Map<String, ValueType> props = new LinkedHashMap<>();
        props.put("name", ValueType.STRING);
        props.put("lemmas", ValueType.LIST);
        props.put("gloss", ValueType.STRING);
        collection.updateSchema(s -> s.entityType(TYPE, props).edgeType(EDGE));
    }

    /**
     * Loads the selection into {@code collection}.
     *
     * @param progress told the number of synsets written after each batch
     */
    public static Loaded load(Collection collection, WordNetHierarchy wordnet, LongConsumer progress) {
        defineSchema(collection);
        List<WordNetSynset> synsets = wordnet.synsets();
        Hierarchy h = wordnet.hierarchy();
        EntityIds ids = collection.ids();
        long edges = 0;
        long sequence = 0;
        for (int from = 0; from < synsets.size(); from += BATCH) {
            int start = from;
            int end = Math.min(synsets.size(), from + BATCH);
            Durability durability = end == synsets.size() ? Durability.STRICT : Durability.BATCH;
            sequence = collection.write(durability, tx -> writeRange(tx, ids, synsets, h, start, end));
            for (int i = start; i < end; i++) {
                edges += h.parentCount(i);
            }
            progress.accept(end);
        }
        return new Loaded(synsets.size(), edges, sequence);
    }

    private static void writeRange(Transaction tx, EntityIds ids, List<WordNetSynset> synsets, Hierarchy h,
                                   int from, int to) {
        List<UUID> batch = new ArrayList<>(to - from);
        for (int i = from; i < to; i++) {
            batch.add(ids.forKey(synsets.get(i).key()));
        }
        tx.prefetch(batch);
        for (int i = from; i < to; i++) {
            WordNetSynset s = synsets.get(i);
            UUID id = tx.upsertEntity(s.key(), TYPE);
            tx.patchProperties(id, Map.of("name", Value.of(s.name()),
                    "lemmas", Value.list(s.lemmas().stream().map(Value::of).toList()),
                    "gloss", Value.of(s.gloss())));
            for (int parent : h.parents(i)) {
                tx.addEdge(id, EDGE, ids.forKey(synsets.get(parent).key()), 1f);
            }
        }
    }
}
