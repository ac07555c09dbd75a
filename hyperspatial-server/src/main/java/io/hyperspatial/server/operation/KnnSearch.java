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

/**
 * Runs {@link KnnQuery}s through a collection's HNSW indexes: resolves {@code like} to the
 * entity's vector or position, checks the query vector against the field, optionally waits (up
 * to {@link #MAX_WAIT}) for the index to catch up, and reads the hits' keys and properties from
 * one snapshot. Entities deleted since the index saw them are skipped. Blocking; thread-safe.
 */
public final class KnnSearch {
    static final Duration MAX_WAIT = Duration.ofSeconds(30);

    private final HyperspatialDatabase db;

    public KnnSearch(HyperspatialDatabase db) {
        this.db = db;
    }

    /** Searches the collection {@code name}. */
    public KnnResult search(String name, KnnQuery q) {
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
        List<KnnResult.Hit> hits = new ArrayList<>(Math.min(found.size(), q.k()));
        try (ReadView view = c.snapshot()) {
            for (EntityHit h : found) {
                if (h.entity().equals(self) || hits.size() == q.k()) {
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
        return new KnnResult(hits, indexer.appliedSequence());
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
                "entity '" + q.like() + "' has no " + (q.field().startsWith("position.") ? "position in '"
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
