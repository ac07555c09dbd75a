package io.hyperspatial.manifold.feed;

import io.hyperspatial.manifold.error.ErrorCode;
import io.hyperspatial.manifold.error.StorageException;
import io.hyperspatial.manifold.store.Keys;
import io.hyperspatial.manifold.value.ByteReader;
import io.hyperspatial.manifold.value.ByteWriter;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * What one committed logical operation changed. {@code sequence} increases with every commit of
 * the collection (gaps are possible where a commit failed). {@code schemaRevision} is non-zero
 * when the operation changed the schema to that revision.
 */
public record ChangeEvent(long sequence, long timeMillis, long schemaRevision, List<EntityChange> changes) {
    private static final int FORMAT = 1;

    public ChangeEvent {
        changes = List.copyOf(changes);
    }

    /** Encodes everything but the sequence, which is the key. */
    public byte[] encode() {
        ByteWriter w = new ByteWriter(24 + changes.size() * 18);
        w.u8(FORMAT).i64(timeMillis).varint(schemaRevision).varint(changes.size());
        byte[] id = new byte[Keys.UUID_BYTES];
        for (EntityChange c : changes) {
            Keys.putUuid(id, 0, c.id());
            w.bytes(id).varint(c.mask());
        }
        return w.toByteArray();
    }

    public static ChangeEvent decode(long sequence, byte[] bytes) {
        ByteReader r = new ByteReader(bytes);
        int format = r.u8();
        if (format != FORMAT) {
            throw new StorageException(ErrorCode.INCOMPATIBLE_FORMAT, "change event " + sequence + " has format " + format);
        }
        long time = r.i64();
        long schemaRevision = r.varint();
        int n = r.length();
        List<EntityChange> changes = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            UUID id = Keys.getUuid(r.bytes(Keys.UUID_BYTES), 0);
            changes.add(new EntityChange(id, (int) r.varint()));
        }
        return new ChangeEvent(sequence, time, schemaRevision, changes);
    }

    public static byte[] key(long sequence) {
        byte[] k = new byte[8];
        Keys.putLong(k, 0, sequence);
        return k;
    }
}
