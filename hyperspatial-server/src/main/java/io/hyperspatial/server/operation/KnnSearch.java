package io.hyperspatial.server.operation;

import com.linecorp.armeria.common.HttpStatus;
import io.hyperspatial.core.HyperspatialDatabase;
import io.hyperspatial.core.index.maintain.CollectionIndexer;
import io.hyperspatial.core.index.maintain.EntityHit;
import io.hyperspatial.manifold.Collection;
import io.hyperspatial.manifold.ReadView;
import io.hyperspatial.manifold.error.ManifoldException;
import io.hyperspatial.manifold.schema.VectorField;
import io.hyperspatial.manifold.schema.WriteValidator;
import io.hyperspatial.manifold.table.Entity;
import io.hyperspatial.manifold.value.Value;
import io.hyperspatial.server.http.ApiException;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * Runs {@link KnnQuery}s through a collection's HNSW indexes: resolves {@code like} to the
 * entity's vector or position, checks the query vector against the field, optionally waits (up
 * to {@link #MAX_WAIT}) for the index to catch up, and reads the hits' keys and properties from
 * one snapshot. Entities deleted since the index saw them are skipped.
 *
 * <p>{@link #search(String, KnnQuery, Executor)} answers a short query on the calling thread (a
 * server's event loop) when nothing in it can block: a {@code vector} query on a vector field
 * (not on positions, whose re-rank reads storage) without {@code wait_for_index} or properties,
 * whose breadth times dimension is at most
 * {@value #INLINE_BUDGET}, on an indexer already started, with the hits' rows in memory
 * ({@link Collection#entitiesInMemory}: no snapshot, no disk). Anything else runs on the given
 * blocking executor, reusing the hits already found. Thread-safe.
 */
public final class KnnSearch {
    static final Duration MAX_WAIT = Duration.ofSeconds(30);
    /**
     * The largest max(k, ef) × dimension searched on the calling thread: at 32 dimensions and
     * the default ef of 64 a search costs some 40 µs on this project's 2-core test machine; the
     * budget admits ef 64 up to 512 dimensions, or ef 1,024 at 32.
     */
    static final int INLINE_BUDGET = 32_768;

    private final HyperspatialDatabase db;

    public KnnSearch(HyperspatialDatabase db) {
        this.db = db;
    }

    /** What the index found for a query, before the reads that name the hits; {@code self} is the {@code like} entity. */
    private record Found(Collection collection, CollectionIndexer indexer, List<EntityHit> hits, UUID self) {
    }

    /** Searches the collection {@code name}, blocking. */
    public KnnResult search(String name, KnnQuery q) {
        return named(find(name, q), q);
    }

    /**
     * Searches the collection {@code name}: done on the calling thread if that cannot block (see
     * the class comment), otherwise completed on {@code blocking}. Errors in the request itself
     * are thrown at once; the others fail the future.
     */
    public CompletableFuture<KnnResult> search(String name, KnnQuery q, Executor blocking) {
        Optional<Found> found = findInline(name, q);
        if (found.isEmpty()) {
            return CompletableFuture.supplyAsync(() -> search(name, q), blocking);
        }
        return namedInMemory(found.get(), q).map(CompletableFuture::completedFuture)
                .orElseGet(() -> CompletableFuture.supplyAsync(() -> named(found.get(), q), blocking));
    }

    private Found find(String name, KnnQuery q) {
        Collection c = db.collection(name);
        CollectionIndexer indexer = db.indexer(name);
        VectorField field = fieldOf(indexer, q.field());
        if (q.waitForIndex()) {
            long target = c.changes().lastSequence();
            if (!indexer.awaitApplied(target, MAX_WAIT)) {
                throw new ApiException(HttpStatus.SERVICE_UNAVAILABLE, ApiException.INDEX_BEHIND, "the index of '"
                        + q.field() + "' did not reach sequence " + target + " within " + MAX_WAIT.toSeconds() + " s");
            }
        }
        UUID self = q.like() == null ? null : c.ids().forKey(q.like());
        List<EntityHit> found = q.vector() != null ? searchVector(indexer, field, q)
                : nearestTo(c, indexer, name, q, self);
        return new Found(c, indexer, found, self);
    }

    /** {@link #find} for a query that can be answered without blocking; empty for the others. */
    private Optional<Found> findInline(String name, KnnQuery q) {
        // a position search re-ranks its candidates by positions read from storage, which may block
        if (q.vector() == null || q.waitForIndex() || !q.properties().isEmpty()
                || CollectionIndexer.isPositionIndex(q.field())) {
            return Optional.empty();
        }
        Collection c = db.collection(name);
        Optional<CollectionIndexer> started = db.startedIndexer(name);
        if (started.isEmpty()) {
            return Optional.empty();
        }
        CollectionIndexer indexer = started.get();
        VectorField field = fieldOf(indexer, q.field());
        long breadth = Math.max(q.k(), q.ef() > 0 ? q.ef() : indexer.defaultEf(q.field()));
        if (breadth * field.dimension() > INLINE_BUDGET) {
            return Optional.empty();
        }
        return Optional.of(new Found(c, indexer, searchVector(indexer, field, q), null));
    }

    /** The hits with their keys and properties, read from one snapshot. */
    private static KnnResult named(Found found, KnnQuery q) {
        List<KnnResult.Hit> hits = new ArrayList<>(Math.min(found.hits().size(), q.k()));
        try (ReadView view = found.collection().snapshot()) {
            for (EntityHit h : found.hits()) {
                if (h.entity().equals(found.self()) || hits.size() == q.k()) {
                    continue;
                }
                Optional<Entity> e = view.entities().get(h.entity());
                if (e.isPresent()) {
                    Map<String, Value> properties = q.properties().isEmpty() ? Map.of()
                            : selected(view, h.entity(), q.properties());
                    hits.add(new KnnResult.Hit(e.get().key().orElse(null), h.entity(), h.distance(), properties));
                }
            }
        }
        return new KnnResult(hits, found.indexer().appliedSequence());
    }

    /** The hits with their keys (a query without properties) if every row is in memory. */
    private static Optional<KnnResult> namedInMemory(Found found, KnnQuery q) {
        List<UUID> ids = new ArrayList<>(found.hits().size());
        for (EntityHit h : found.hits()) {
            ids.add(h.entity());
        }
        return found.collection().entitiesInMemory(ids).map(entities -> {
            List<KnnResult.Hit> hits = new ArrayList<>(Math.min(found.hits().size(), q.k()));
            for (EntityHit h : found.hits()) {
                Entity e = entities.get(h.entity());
                if (e != null && hits.size() < q.k()) {
                    hits.add(new KnnResult.Hit(e.key().orElse(null), h.entity(), h.distance(), Map.of()));
                }
            }
            return new KnnResult(hits, found.indexer().appliedSequence());
        });
    }

    private static VectorField fieldOf(CollectionIndexer indexer, String name) {
        try {
            return indexer.field(name);
        } catch (ManifoldException e) {
            throw ApiException.at("field", null, e);
        }
    }

    private static List<EntityHit> searchVector(CollectionIndexer indexer, VectorField field, KnnQuery q) {
        try {
            WriteValidator.dense(field, q.vector());
        } catch (ManifoldException e) {
            throw ApiException.at("vector", null, e);
        }
        return indexer.search(q.field(), q.vector(), q.k(), q.ef(), null);
    }

    /** The k + 1 nearest to an entity's own point (it is among them), at the precision its point is stored in. */
    private static List<EntityHit> nearestTo(Collection c, CollectionIndexer indexer, String collection, KnnQuery q,
                                             UUID id) {
        if (!c.read(view -> view.entities().exists(id))) {
            throw EntityStore.notFound(collection, q.like());
        }
        return indexer.searchLike(q.field(), id, q.k() + 1, q.ef(), null).orElseThrow(() -> ApiException.invalid("like",
                "entity '" + q.like() + "' has no " + (CollectionIndexer.isPositionIndex(q.field()) ? "position in '"
                        : "vector in field '") + q.field() + "'"));
    }

    private static Map<String, Value> selected(ReadView view, UUID id, List<String> names) {
        Map<String, Value> all = view.properties().all(id);
        Map<String, Value> out = new LinkedHashMap<>();
        for (String n : names) {
            Value v = all.get(n);
            if (v != null) {
                out.put(n, v);
            }
        }
        return out;
    }
}
