package io.hyperspatial.manifold.table;

import io.hyperspatial.manifold.error.ErrorCode;
import io.hyperspatial.manifold.error.SchemaViolationException;
import io.hyperspatial.manifold.schema.Schema;
import io.hyperspatial.manifold.schema.VectorField;
import io.hyperspatial.manifold.schema.VectorKind;
import io.hyperspatial.manifold.store.Cursor;
import io.hyperspatial.manifold.store.KeyValueReader;
import io.hyperspatial.manifold.store.Keys;
import org.rocksdb.ColumnFamilyHandle;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.BiConsumer;

/**
 * Reads named vectors. Each vector field has its own column family keyed by entity id, so a full
 * scan of one field (to build an index) reads nothing else. Not thread-safe.
 */
public final class VectorTable {
    private final KeyValueReader reader;
    private final Schema schema;

    public VectorTable(KeyValueReader reader, Schema schema) {
        this.reader = reader;
        this.schema = schema;
    }

    public Optional<float[]> dense(UUID id, String field) {
        VectorField f = field(field, VectorKind.DENSE);
        return raw(id, f).map(b -> VectorCodec.dense(b, f.dimension()));
    }

    public Optional<SparseVector> sparse(UUID id, String field) {
        VectorField f = field(field, VectorKind.SPARSE);
        return raw(id, f).map(VectorCodec::sparse);
    }

    public Optional<List<float[]>> multi(UUID id, String field) {
        VectorField f = field(field, VectorKind.MULTI);
        return raw(id, f).map(b -> VectorCodec.multi(b, f.dimension()));
    }

    /** Every dense vector of a field, in entity-id order. */
    public void forEachDense(String field, BiConsumer<UUID, float[]> action) {
        VectorField f = field(field, VectorKind.DENSE);
        ColumnFamilyHandle family = reader.store().existingVectorFamily(f.name());
        if (family == null) {
            return;
        }
        try (Cursor c = reader.scan(family, new byte[0], null)) {
            while (c.next()) {
                action.accept(Keys.getUuid(c.key(), 0), VectorCodec.dense(c.value(), f.dimension()));
            }
        }
    }

    private Optional<byte[]> raw(UUID id, VectorField f) {
        ColumnFamilyHandle family = reader.store().existingVectorFamily(f.name());
        return family == null ? Optional.empty() : Optional.ofNullable(reader.get(family, Keys.uuid(id)));
    }

    private VectorField field(String name, VectorKind kind) {
        VectorField f = schema.vectorField(name);
        if (f.kind() != kind) {
            throw new SchemaViolationException(ErrorCode.TYPE_MISMATCH, name, "vector field '" + name + "' is "
                    + f.kind().name().toLowerCase() + ", not " + kind.name().toLowerCase());
        }
        return f;
    }
}
