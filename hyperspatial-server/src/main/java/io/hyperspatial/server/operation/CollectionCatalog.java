package io.hyperspatial.server.operation;

import io.hyperspatial.core.HyperspatialDatabase;
import io.hyperspatial.core.index.maintain.CollectionIndexer;
import io.hyperspatial.manifold.Collection;
import io.hyperspatial.manifold.error.ManifoldException;
import io.hyperspatial.manifold.schema.Schema;
import io.hyperspatial.manifold.schema.SchemaEditor;
import io.hyperspatial.manifold.schema.VectorIndexSettings;
import io.hyperspatial.server.collection.FrozenCollections;
import io.hyperspatial.server.http.ApiException;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

/**
 * Creating, listing, describing, changing the schema of, compacting and dropping collections, as
 * every protocol does it. A new collection's schema is checked on an empty schema first, so a bad
 * one creates nothing; its indexer starts at once. Changes and drops respect frozen collections.
 * Blocking; thread-safe.
 */
public final class CollectionCatalog {

    private final HyperspatialDatabase db;
    private final FrozenCollections frozen;

    public CollectionCatalog(HyperspatialDatabase db, FrozenCollections frozen) {
        this.db = db;
        this.frozen = frozen;
    }

    /** A collection's name and whether it is frozen. */
    public record Summary(String name, boolean frozen) {
    }

    /** Creates {@code name} with {@code schema}; a schema error names the field at fault. */
    public CollectionDescription create(String name, Consumer<SchemaEditor> schema) {
        try {
            SchemaEditor check = Schema.EMPTY.edit();
            schema.accept(check);
        } catch (ManifoldException e) {
            throw ApiException.at(e.field().orElse(name), null, e);
        }
        Collection c = db.storage().createCollection(name);
        c.updateSchema(schema);
        db.indexer(name);
        return describe(c);
    }

    public List<Summary> list() {
        List<Summary> out = new ArrayList<>();
        for (String name : db.storage().collectionNames()) {
            out.add(new Summary(name, frozen.isFrozen(name)));
        }
        return out;
    }

    public CollectionDescription describe(String name) {
        return describe(db.collection(name));
    }

    public CollectionDescription describe(Collection c) {
        return new CollectionDescription(c.name(), frozen.isFrozen(c.name()), c.schema(), c.stats(),
                db.indexer(c.name()).stats());
    }

    /**
     * Applies a schema change (refused while the collection is frozen); a schema error names the
     * field at fault, and nothing of a refused change is applied.
     */
    public CollectionDescription changeSchema(String name, Consumer<SchemaEditor> change) {
        Collection c = db.collection(name);
        frozen.write(name, () -> {
            try {
                return c.updateSchema(change);
            } catch (ManifoldException e) {
                throw ApiException.at(e.field().orElse(name), null, e);
            }
        });
        return describe(c);
    }

    /**
     * Changes the index settings of a dense vector field: {@code change} maps its current settings
     * to the new ones ({@link SchemaEditor#vectorIndex}). A new ef_search applies to searches at
     * once; a new m, ef_construction or quantization rebuilds the field's index in the background
     * (searches use the old one meanwhile; the backlog shows the rebuild). The answer waits for a
     * running indexer to take the change ({@link CollectionIndexer#awaitSettingsChange}), so its
     * index statistics show the new ef_search (and a quick rebuild). An unknown field is {@code schema.unknown_field}.
     */
    public CollectionDescription changeIndex(String name, String field, UnaryOperator<VectorIndexSettings> change) {
        changeSchema(name, editor -> editor.vectorIndex(field, change));
        db.startedIndexer(name).ifPresent(CollectionIndexer::awaitSettingsChange);
        return describe(db.collection(name));
    }

    /**
     * Flushes the collection's memtables and compacts every table into one sorted run
     * ({@link Collection#compact}), for after a bulk load or a large delete; returns when done.
     * Reads and writes go on meanwhile. Allowed on a frozen collection: it changes how the data
     * is laid out on disk, not the data.
     */
    public Compaction compact(String name) {
        return Compaction.of(db.collection(name));
    }

    /** Drops the collection (refused while it is frozen). */
    public void drop(String name) {
        db.collection(name);
        frozen.write(name, () -> {
            db.dropCollection(name);
            return null;
        });
        frozen.forget(name);
    }
}
