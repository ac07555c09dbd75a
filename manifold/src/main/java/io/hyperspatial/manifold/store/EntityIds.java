package io.hyperspatial.manifold.store;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.UUID;

/**
 * Maps user keys to entity ids: a name-based (version 5, SHA-1) UUID in a namespace derived from
 * the collection name. The same key always gives the same id in a collection of that name, so
 * imports can reference entities that arrive later and replicas agree on ids. Thread-safe.
 */
public final class EntityIds {
    /** The root namespace of all Hyperspatial collection namespaces. */
    static final UUID ROOT = UUID.fromString("6f1b8a52-4c1e-5f0a-9b57-3c2d7e41a0d9");

    private static final ThreadLocal<MessageDigest> SHA1 = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("SHA-1");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-1 is required by the Java platform", e);
        }
    });

    private final UUID namespace;

    public EntityIds(String collectionName) {
        this.namespace = nameUuid(ROOT, "collection:" + collectionName);
    }

    /** The entity id for a user key in this collection. */
    public UUID forKey(String key) {
        if (key == null || key.isEmpty()) {
            throw new IllegalArgumentException("an entity key must be a non-empty string");
        }
        return nameUuid(namespace, key);
    }

    /**
     * The key with its id in this collection, derived once: a writer that already needs the id
     * before it writes (to prefetch, or on another thread) hands this to
     * {@code Transaction.upsertEntity(KeyedId, String)} instead of having the key hashed again.
     */
    public KeyedId keyed(String key) {
        return new KeyedId(namespace, key, forKey(key));
    }

    /** Whether {@code k} was derived by a collection of this name (so its id is this collection's id for its key). */
    public boolean derived(KeyedId k) {
        return k.namespace.equals(namespace);
    }

    /** A user key and its entity id, as {@link #keyed} derived them; only {@link EntityIds} makes them. */
    public static final class KeyedId {
        private final UUID namespace;
        private final String key;
        private final UUID id;

        private KeyedId(UUID namespace, String key, UUID id) {
            this.namespace = namespace;
            this.key = key;
            this.id = id;
        }

        public String key() {
            return key;
        }

        public UUID id() {
            return id;
        }

        @Override
        public String toString() {
            return "'" + key + "' (" + id + ")";
        }
    }

    /** RFC 9562 version-5 UUID of {@code name} in {@code namespace}. */
    static UUID nameUuid(UUID namespace, String name) {
        MessageDigest sha1 = SHA1.get();
        sha1.reset();
        sha1.update(Keys.uuid(namespace));
        byte[] hash = sha1.digest(name.getBytes(StandardCharsets.UTF_8));
        hash[6] = (byte) ((hash[6] & 0x0F) | 0x50);
        hash[8] = (byte) ((hash[8] & 0x3F) | 0x80);
        return Keys.getUuid(hash, 0);
    }
}
