package io.hyperspatial.server.operation;

import io.hyperspatial.core.HyperspatialDatabase;
import io.hyperspatial.manifold.Collection;
import io.hyperspatial.manifold.error.ManifoldException;
import io.hyperspatial.manifold.schema.Schema;
import io.hyperspatial.manifold.schema.SchemaEditor;
import io.hyperspatial.server.collection.FrozenCollections;
import io.hyperspatial.server.http.ApiException;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Creating, listing, describing and dropping collections, as every protocol does it. A new
 * collection's schema is checked on an empty schema first, so a bad one creates nothing; its
 * indexer starts at once. Dropping respects frozen collections. Blocking; thread-safe.
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
