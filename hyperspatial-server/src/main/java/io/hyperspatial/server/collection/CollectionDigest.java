package io.hyperspatial.server.collection;

import io.hyperspatial.manifold.Collection;
import io.hyperspatial.manifold.schema.VectorField;
import io.hyperspatial.manifold.store.ColumnFamilies;
import io.hyperspatial.manifold.store.CollectionStore;
import io.hyperspatial.manifold.store.Cursor;
import io.hyperspatial.manifold.store.Lease;
import io.hyperspatial.manifold.store.SnapshotReader;
import org.rocksdb.ColumnFamilyHandle;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.TreeMap;

/**
 * A fingerprint of a collection's data for drift detection between copies: 256 bucket hashes and
 * a root hash over them. Entities are bucketed by the first byte of their id; a bucket's hash is
 * the SHA-256 of every stored row keyed by its entities (header, properties, edges both ways,
 * vectors of every field, measures, positions, trajectories), family by family in a fixed order
 * and in key order within a family, each row as {@code family, key length, key, value length,
 * value}. The root is the SHA-256 of the 256 bucket hashes. Two copies that hold the same bytes
 * have equal digests; a differing bucket narrows a sync to 1/256 of the ids. Catalog and change
 * feed are not hashed. Stored bytes include the entities' update times and versions, so copies
 * must have been written by the same operations (a backup, a replica) to compare equal.
 *
 * @param coversSequence every change through this sequence is in the digest (later ones may be)
 * @param entities       entity headers hashed
 */
public record CollectionDigest(long coversSequence, long entities, List<String> buckets, String root) {
    public static final int BUCKETS = 256;

    /** Computes the digest from one consistent snapshot; O(stored bytes). */
    public static CollectionDigest of(Collection collection) {
        long sequence = collection.changes().lastSequence();
        MessageDigest[] hashes = new MessageDigest[BUCKETS];
        for (int i = 0; i < BUCKETS; i++) {
            hashes[i] = sha256();
        }
        long entities = 0;
        try (Lease lease = collection.acquire(); SnapshotReader reader = new SnapshotReader(lease.store())) {
            for (var family : families(collection, lease.store()).entrySet()) {
                long rows = hashFamily(reader, family.getKey(), family.getValue(), hashes);
                if (family.getKey().equals(ColumnFamilies.ENTITIES)) {
                    entities = rows;
                }
            }
        }
        List<String> buckets = new ArrayList<>(BUCKETS);
        MessageDigest root = sha256();
        for (MessageDigest h : hashes) {
            byte[] bucket = h.digest();
            root.update(bucket);
            buckets.add(HexFormat.of().formatHex(bucket));
        }
        return new CollectionDigest(sequence, entities, List.copyOf(buckets), HexFormat.of().formatHex(root.digest()));
    }

    /** The entity-keyed families by name, in name order; vector families only where they exist. */
    private static TreeMap<String, ColumnFamilyHandle> families(Collection collection, CollectionStore store) {
        TreeMap<String, ColumnFamilyHandle> families = new TreeMap<>();
        for (String name : ColumnFamilies.FIXED) {
            if (!name.equals(ColumnFamilies.META) && !name.equals(ColumnFamilies.CHANGES)) {
                families.put(name, store.family(name));
            }
        }
        for (VectorField f : collection.schema().vectorFields().values()) {
            ColumnFamilyHandle h = store.existingVectorFamily(f.name());
            if (h != null) {
                families.put(ColumnFamilies.vectors(f.name()), h);
            }
        }
        return families;
    }

    private static long hashFamily(SnapshotReader reader, String name, ColumnFamilyHandle family, MessageDigest[] hashes) {
        byte[] label = name.getBytes(StandardCharsets.UTF_8);
        ByteBuffer lengths = ByteBuffer.allocate(4);
        long rows = 0;
        try (Cursor c = reader.scan(family, new byte[0], null)) {
            while (c.next()) {
                byte[] key = c.key();
                byte[] value = c.value();
                MessageDigest h = hashes[key[0] & 0xFF];
                h.update(label);
                h.update(lengths.clear().putInt(key.length).array());
                h.update(key);
                h.update(lengths.clear().putInt(value.length).array());
                h.update(value);
                rows++;
            }
        }
        return rows;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by the Java platform", e);
        }
    }
}
