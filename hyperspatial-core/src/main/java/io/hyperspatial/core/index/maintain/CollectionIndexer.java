package io.hyperspatial.core.index.maintain;

import io.hyperspatial.core.index.IndexConfig;
import io.hyperspatial.core.index.SearchHit;
import io.hyperspatial.core.index.SearchRequest;
import io.hyperspatial.core.index.VectorIndex;
import io.hyperspatial.manifold.Collection;
import io.hyperspatial.manifold.ReadView;
import io.hyperspatial.manifold.error.ErrorCode;
import io.hyperspatial.manifold.error.SchemaViolationException;
import io.hyperspatial.manifold.error.StorageException;
import io.hyperspatial.manifold.feed.ChangeEvent;
import io.hyperspatial.manifold.feed.ChangeFlag;
import io.hyperspatial.manifold.feed.ChangeListener;
import io.hyperspatial.manifold.feed.EntityChange;
import io.hyperspatial.manifold.feed.Subscription;
import io.hyperspatial.manifold.schema.VectorField;
import io.hyperspatial.manifold.schema.VectorKind;
import org.roaringbitmap.RoaringBitmap;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Keeps the vector indexes of one collection (one per dense vector field) in step with its
 * change feed: persistence first, index second. Writes are acknowledged when committed; this
 * indexer applies them in the background in sequence order, reading each changed entity's
 * current vectors, so replays converge. The backlog is visible in {@link #stats()} and a search
 * can wait for a sequence with {@link #awaitApplied}. Thread-safe.
 */
public final class CollectionIndexer implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(CollectionIndexer.class.getName());
    private static final int BUILD_CHUNK = 16_384;

    private final Collection collection;
    private final IndexFactory factory;
    private final Function<VectorField, IndexConfig> configs;
    private final EntityOrdinals ordinals = new EntityOrdinals();
    private final Map<String, VectorIndex> indexes = new ConcurrentHashMap<>();
    private final Subscription subscription;
    private volatile Throwable failure;

    private CollectionIndexer(Collection collection, IndexFactory factory, Function<VectorField, IndexConfig> configs) {
        this.collection = collection;
        this.factory = factory;
        this.configs = configs;
        long built;
        try (ReadView view = collection.snapshot()) {
            reconcileFields(view);
            for (Map.Entry<String, VectorIndex> e : indexes.entrySet()) {
                buildFrom(view, e.getKey(), e.getValue());
            }
            built = view.sequence();
        }
        this.subscription = collection.changes().subscribe(built, new ChangeListener() {
            @Override
            public void onEvent(ChangeEvent event) {
                apply(event);
            }

            @Override
            public void onError(Throwable error) {
                failure = error;
                LOG.log(Level.SEVERE, "indexing of collection '" + collection.name() + "' stopped", error);
            }
        });
    }

    /**
     * Builds the indexes of every dense vector field from a snapshot of the collection, then
     * follows its change feed from that snapshot's sequence.
     *
     * @param configs the index configuration of a field (metric and dimension come from the field)
     */
    public static CollectionIndexer start(Collection collection, IndexFactory factory,
                                          Function<VectorField, IndexConfig> configs) {
        return new CollectionIndexer(collection, factory, configs);
    }

    /** Default configuration for a field: its metric and dimension, m 16, ef_construction 200. */
    public static IndexConfig defaultConfig(VectorField field) {
        return IndexConfig.of(field.metric(), field.dimension());
    }

    /** Loads a field's stored vectors into its index in chunks, each added on all cores. */
    private void buildFrom(ReadView view, String field, VectorIndex index) {
        int threads = Runtime.getRuntime().availableProcessors();
        List<float[]> vectors = new ArrayList<>(BUILD_CHUNK);
        int[] ids = new int[BUILD_CHUNK];
        view.vectors().forEachDense(field, (entity, vector) -> {
            ids[vectors.size()] = ordinals.idOf(entity);
            vectors.add(vector);
            if (vectors.size() == BUILD_CHUNK) {
                index.addAll(ids, vectors.toArray(float[][]::new), threads);
                vectors.clear();
            }
        });
        if (!vectors.isEmpty()) {
            index.addAll(Arrays.copyOf(ids, vectors.size()), vectors.toArray(float[][]::new), threads);
        }
    }

    private void reconcileFields(ReadView view) {
        for (VectorField f : view.schema().vectorFields().values()) {
            if (f.kind() == VectorKind.DENSE) {
                indexes.computeIfAbsent(f.name(), name -> factory.create(configs.apply(f)));
            }
        }
    }

    private void apply(ChangeEvent event) {
        List<EntityChange> relevant = new ArrayList<>();
        for (EntityChange c : event.changes()) {
            if (c.has(ChangeFlag.VECTORS) || c.has(ChangeFlag.DELETED) || c.has(ChangeFlag.CREATED)) {
                relevant.add(c);
            }
        }
        if (relevant.isEmpty() && event.schemaRevision() == 0) {
            return;
        }
        try (ReadView view = collection.snapshot()) {
            if (event.schemaRevision() > 0) {
                reconcileFields(view);
            }
            for (EntityChange c : relevant) {
                for (Map.Entry<String, VectorIndex> e : indexes.entrySet()) {
                    Optional<float[]> vector = view.vectors().dense(c.id(), e.getKey());
                    if (vector.isPresent()) {
                        addOrLog(e.getKey(), e.getValue(), c.id(), vector.get());
                    } else {
                        int id = ordinals.find(c.id());
                        if (id >= 0) {
                            e.getValue().remove(id);
                        }
                    }
                }
            }
        }
    }

    /** A stored vector the index rejects (e.g. a curvature the field's metric check did not know) is skipped, not fatal. */
    private void addOrLog(String field, VectorIndex index, UUID entity, float[] vector) {
        try {
            index.add(ordinals.idOf(entity), vector);
        } catch (SchemaViolationException | IllegalArgumentException e) {
            LOG.warning("vector of entity " + entity + " in field '" + field + "' not indexed: " + e.getMessage());
        }
    }

    /**
     * The k entities nearest to {@code query} in a field.
     *
     * @param allowed when not null, only these entities may be returned
     */
    public List<EntityHit> search(String field, float[] query, int k, int ef, Set<UUID> allowed) {
        checkRunning();
        VectorIndex index = index(field);
        SearchRequest request = new SearchRequest(query, k, ef, allowed == null ? null : bitmap(allowed));
        List<EntityHit> hits = new ArrayList<>();
        for (SearchHit h : index.search(request)) {
            hits.add(new EntityHit(ordinals.entity(h.id()), h.distance()));
        }
        return hits;
    }

    private RoaringBitmap bitmap(Set<UUID> allowed) {
        RoaringBitmap b = new RoaringBitmap();
        for (UUID u : allowed) {
            int id = ordinals.find(u);
            if (id >= 0) {
                b.add(id);
            }
        }
        return b;
    }

    /** The index of a dense vector field. */
    public VectorIndex index(String field) {
        VectorIndex index = indexes.get(field);
        if (index == null) {
            VectorField f = collection.schema().vectorField(field);
            throw new SchemaViolationException(ErrorCode.TYPE_MISMATCH, field, "vector field '" + field + "' is "
                    + f.kind().name().toLowerCase() + "; only dense fields are indexed");
        }
        return index;
    }

    /** Every change through this sequence is reflected in the indexes. */
    public long appliedSequence() {
        return subscription.lastDelivered();
    }

    /** Waits until the indexes reflect every change through {@code sequence}; returns whether they do. */
    public boolean awaitApplied(long sequence, Duration timeout) {
        checkRunning();
        try {
            return subscription.awaitDelivered(sequence, timeout.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    public List<FieldIndexStats> stats() {
        long last = collection.changes().lastSequence();
        long applied = appliedSequence();
        List<FieldIndexStats> out = new ArrayList<>();
        indexes.forEach((name, index) -> out.add(new FieldIndexStats(name, index.config().metric().displayName(),
                index.config().dimension(), index.size(), index.memoryBytes(), applied, Math.max(0, last - applied))));
        out.sort((a, b) -> a.field().compareTo(b.field()));
        return out;
    }

    private void checkRunning() {
        if (failure != null) {
            throw new StorageException(ErrorCode.STORAGE_IO, "indexing of collection '" + collection.name()
                    + "' stopped: " + failure.getMessage(), failure);
        }
    }

    @Override
    public void close() {
        subscription.close();
    }
}
